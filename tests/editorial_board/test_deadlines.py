"""The deadline arithmetic (editorial_board/deadlines.py): calendar days with
the Civil Code's end-of-period rule for approvals, working days for legal
documents."""

from datetime import date
from datetime import datetime

import pytest
from DateTime import DateTime

from dakto.policy.editorial_board import deadlines
from dakto.policy.editorial_board.deadlines import add_working_days
from dakto.policy.editorial_board.deadlines import approval_deadline
from dakto.policy.editorial_board.deadlines import days_late
from dakto.policy.editorial_board.deadlines import due_soon
from dakto.policy.editorial_board.deadlines import legal_deadline
from dakto.policy.editorial_board.deadlines import parse_holidays


HOLIDAYS = parse_holidays(deadlines.DEFAULT_HOLIDAYS)
NONE = frozenset()


@pytest.mark.parametrize(
    "received,expected",
    [
        # Monday → Thursday: three calendar days from the next day.
        (date(2026, 11, 23), date(2026, 11, 26)),
        # Tuesday → Friday.
        (date(2026, 11, 24), date(2026, 11, 27)),
        # Wednesday → Saturday 28 → moves to Monday 30 (Art. 148.5).
        (date(2026, 11, 25), date(2026, 11, 30)),
        # Thursday → Sunday 29 → Monday 30.
        (date(2026, 11, 26), date(2026, 11, 30)),
        # Friday → Monday 30: the weekend is counted, not skipped.
        (date(2026, 11, 27), date(2026, 11, 30)),
        # Saturday → Tuesday 1/12: across the month end.
        (date(2026, 11, 28), date(2026, 12, 1)),
        # Across the year end: 30/12/2026 → 2/1/2027 is a Saturday → Monday 4/1.
        (date(2026, 12, 30), date(2027, 1, 4)),
        # 28/12/2026 (Mon) → 31/12 (Thu).
        (date(2026, 12, 28), date(2026, 12, 31)),
        # 29/12/2026 → 1/1/2027 (New Year holiday, Friday) → Monday 4/1.
        (date(2026, 12, 29), date(2027, 1, 4)),
        # February of a common year: 26/2/2026 → 1/3 (Sunday) → 2/3.
        (date(2026, 2, 26), date(2026, 3, 2)),
    ],
)
def test_approval_deadline_counts_calendar_days(received, expected):
    assert approval_deadline(received, 3, HOLIDAYS) == expected


def test_approval_deadline_through_tet():
    # Received Thursday 12/2/2026: 13, 14, 15 → Sunday 15 → the Tết days off
    # (16–20/2) and the weekend after → Monday 23/2/2026.
    assert approval_deadline(date(2026, 2, 12), 3, HOLIDAYS) == date(2026, 2, 23)
    # Without the holiday list the same period ends on Monday 16/2.
    assert approval_deadline(date(2026, 2, 12), 3, NONE) == date(2026, 2, 16)


def test_approval_deadline_from_a_datetime_uses_the_day_in_viet_nam():
    # 23:30 on Monday 23/11 in Viet Nam is 16:30 UTC: still Monday → Thursday.
    assert approval_deadline(datetime(2026, 11, 23, 23, 30), 3, NONE) == date(2026, 11, 26)
    utc = DateTime("2026/11/23 17:30:00 UTC")  # 00:30 on Tuesday 24/11 in Viet Nam
    assert approval_deadline(utc, 3, NONE) == date(2026, 11, 27)


def test_approval_deadline_other_lengths():
    assert approval_deadline(date(2026, 11, 23), 1, NONE) == date(2026, 11, 24)
    assert approval_deadline(date(2026, 11, 23), 7, NONE) == date(2026, 11, 30)


@pytest.mark.parametrize(
    "issued,expected",
    [
        (date(2026, 11, 23), date(2026, 11, 25)),  # Monday → Wednesday
        (date(2026, 11, 26), date(2026, 11, 30)),  # Thursday → Friday, Monday
        (date(2026, 11, 27), date(2026, 12, 1)),  # Friday → Monday, Tuesday
        (date(2026, 11, 28), date(2026, 12, 1)),  # Saturday → Monday, Tuesday
        (date(2026, 4, 29), date(2026, 5, 5)),  # 30/4, 1/5 holidays, weekend → Mon 4, Tue 5
        (date(2026, 2, 13), date(2026, 2, 24)),  # Tết 16–20/2 → Monday 23, Tuesday 24
        (date(2026, 12, 31), date(2027, 1, 5)),  # 1/1 holiday, weekend → 4, 5 January
    ],
)
def test_legal_deadline_counts_working_days(issued, expected):
    assert legal_deadline(issued, HOLIDAYS) == expected


def test_add_working_days_zero_and_setting():
    assert add_working_days(date(2026, 11, 27), 0, NONE) == date(2026, 11, 27)
    assert legal_deadline(date(2026, 11, 23), NONE, working_days=5) == date(2026, 11, 30)


def test_lateness_in_calendar_days():
    deadline = date(2026, 11, 30)
    assert days_late(deadline, date(2026, 11, 30)) == 0  # the whole last day is in time
    assert days_late(deadline, date(2026, 11, 29)) == 0
    assert days_late(deadline, date(2026, 12, 1)) == 1
    assert days_late(deadline, date(2026, 12, 7)) == 7
    assert not deadlines.is_late(deadline, datetime(2026, 11, 30, 23, 59))
    assert deadlines.is_late(deadline, datetime(2026, 12, 1, 0, 1))


def test_due_soon_is_within_one_working_day():
    deadline = date(2026, 11, 30)  # Monday
    assert due_soon(deadline, date(2026, 11, 30), NONE)  # the last day itself
    assert due_soon(deadline, date(2026, 11, 27), NONE)  # Friday: next working day is Monday
    assert not due_soon(deadline, date(2026, 11, 26), NONE)  # Thursday: two working days
    assert not due_soon(deadline, date(2026, 12, 1), NONE)  # late, not due soon


@pytest.mark.parametrize(
    "line",
    ["2026-13-01", "01/02/2026", "2026-02-30 Tết", "Tết", "2026-2-16"],
)
def test_bad_holiday_lines(line):
    with pytest.raises(deadlines.HolidayError):
        deadlines.parse_holiday(line)


def test_holiday_lines_with_labels():
    assert parse_holidays(["2026-02-16 Tết Nguyên đán", "", "2026-04-30"]) == {
        date(2026, 2, 16),
        date(2026, 4, 30),
    }


def test_default_holidays_are_weekdays():
    assert all(day.weekday() < 5 for day in HOLIDAYS)


@pytest.mark.parametrize(
    "month,bounds",
    [
        ("2026-11", (date(2026, 11, 1), date(2026, 12, 1))),
        ("2026-12", (date(2026, 12, 1), date(2027, 1, 1))),
        ("2026-02", (date(2026, 2, 1), date(2026, 3, 1))),
    ],
)
def test_month_bounds(month, bounds):
    assert deadlines.month_bounds(month) == bounds


@pytest.mark.parametrize("month", ["2026-13", "2026-1", "11/2026", "", "2026-00"])
def test_bad_months(month):
    with pytest.raises(ValueError):
        deadlines.month_bounds(month)
