"""The one date module (dakto.policy.dates): days and parsing used by every
feature (legal documents, consultation, editorial board, reports, dossiers)."""

from datetime import UTC
from datetime import date
from datetime import datetime

import pytest
from DateTime import DateTime

from dakto.policy import dates


def test_day_of_keeps_the_day_as_given():
    assert dates.day_of(date(2024, 3, 20)) == date(2024, 3, 20)
    assert dates.day_of(datetime(2024, 3, 20, 23, 30, tzinfo=UTC)) == date(2024, 3, 20)
    assert dates.day_of(None) is None
    assert dates.day_of("2024-03-20") is None


def test_local_day_is_the_day_in_viet_nam():
    late_utc = datetime(2024, 3, 20, 18, 30, tzinfo=UTC)  # 01:30 on the 21st in Viet Nam
    assert dates.local_day(late_utc) == date(2024, 3, 21)
    assert dates.local_day(DateTime("2024/03/20 18:30:00 UTC")) == date(2024, 3, 21)
    assert dates.local_day(datetime(2024, 3, 20, 23, 30)) == date(2024, 3, 20)  # naive: VN
    assert dates.local_day(date(2024, 3, 20)) == date(2024, 3, 20)
    with pytest.raises(TypeError):
        dates.local_day("2024-03-20")
    assert dates.local_day_or_none(late_utc) == date(2024, 3, 21)
    assert dates.local_day_or_none(None) is None
    assert dates.local_day_or_none("x") is None


def test_parse_date_iso_and_vietnamese():
    assert dates.parse_date("2026-11-05") == date(2026, 11, 5)
    assert dates.parse_date(" 5/11/2026 ") == date(2026, 11, 5)
    for bad in ("05-11-2026", "2026/11/05", "31/02/2026", ""):
        with pytest.raises(ValueError):
            dates.parse_date(bad)


def test_the_features_use_it():
    from dakto.policy.consultation import period
    from dakto.policy.dossier import store
    from dakto.policy.editorial_board import deadlines
    from dakto.policy.reports.period import as_date

    assert store.parse_date is dates.parse_date
    assert deadlines.local_day is dates.local_day
    assert deadlines.today is dates.today
    assert as_date is dates.local_day_or_none
    assert period.day_of is dates.day_of
    assert dates.local_date(dates.parse_date("5/11/2026")) == "05/11/2026"


def test_month_iso_and_datetime_conversions():
    assert dates.month_token(date(2026, 3, 5)) == "2026-03"
    assert dates.from_iso("2026-11-05") == date(2026, 11, 5)
    assert dates.from_iso("2026-11-05T09:30:00+07:00") == datetime.fromisoformat(
        "2026-11-05T09:30:00+07:00"
    )
    assert dates.from_iso("") is None and dates.from_iso(None) is None
    start = dates.as_DateTime(date(2026, 11, 5))  # the day's start in Viet Nam
    assert start.ISO8601() == DateTime("2026/11/05 00:00:00 GMT+7").ISO8601()
    assert start == DateTime("2026-11-05 00:00:00 Asia/Ho_Chi_Minh")
    naive = dates.as_DateTime(datetime(2026, 11, 5, 9, 30))
    assert naive == DateTime("2026-11-05 09:30:00 Asia/Ho_Chi_Minh")
    aware = datetime(2026, 11, 5, 2, 30, tzinfo=UTC)
    assert dates.as_DateTime(aware).timeTime() == naive.timeTime()  # the same moment
    assert dates.as_DateTime(start) is start
    assert dates.local_datetime(dates.from_iso("2026-11-05T02:30:00+00:00")) == "05/11/2026 09:30"


def test_the_features_use_the_conversions():
    from dakto.policy.editorial_board import board
    from dakto.policy.editorial_board import deadlines
    from dakto.policy.feedback import deadlines as feedback_deadlines
    from dakto.policy.organisation import schedule

    assert board.as_datetime is dates.as_DateTime
    assert feedback_deadlines.as_datetime is dates.as_DateTime
    assert deadlines.month_token is dates.month_token
    assert schedule.today is dates.today
