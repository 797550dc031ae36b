"""The comment period's logic (Article 4.1e), at its boundaries and in Viet Nam's time."""

from datetime import UTC
from datetime import date
from datetime import datetime

import pytest

from dakto.policy.consultation import period


OPENS = date(2026, 11, 10)
CLOSES = date(2026, 11, 30)


def vn(y, m, d, hh, mm):
    """An aware datetime given in Viet Nam's local time (UTC+7)."""
    from zoneinfo import ZoneInfo

    return datetime(y, m, d, hh, mm, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (vn(2026, 11, 9, 23, 59), period.NOT_YET_OPEN),  # the evening before
        (vn(2026, 11, 10, 0, 0), period.OPEN),  # the opening day, first minute
        (vn(2026, 11, 20, 12, 0), period.OPEN),
        (vn(2026, 11, 30, 23, 59), period.OPEN),  # the closing day, last minute
        (vn(2026, 12, 1, 0, 0), period.CLOSED),  # the day after
    ],
)
def test_status_at_the_boundaries(now, expected):
    assert period.status(OPENS, CLOSES, now) == expected


def test_status_uses_viet_nam_time_not_utc():
    # 16:59 UTC on 30/11 is 23:59 in Viet Nam: still the closing day.
    assert period.status(OPENS, CLOSES, datetime(2026, 11, 30, 16, 59, tzinfo=UTC)) == period.OPEN
    # 17:00 UTC on 30/11 is already 01/12 in Viet Nam: closed, although UTC says 30/11.
    assert period.status(OPENS, CLOSES, datetime(2026, 11, 30, 17, 0, tzinfo=UTC)) == period.CLOSED
    # 17:00 UTC on 09/11 is 00:00 on 10/11 in Viet Nam: open.
    assert period.status(OPENS, CLOSES, datetime(2026, 11, 9, 17, 0, tzinfo=UTC)) == period.OPEN


def test_naive_now_is_refused():
    with pytest.raises(ValueError):
        period.today(datetime(2026, 11, 30, 12, 0))


def test_days_left():
    assert period.days_left(CLOSES, vn(2026, 11, 28, 9, 0)) == 2
    assert period.days_left(CLOSES, vn(2026, 11, 30, 9, 0)) == 0  # last day
    assert period.days_left(CLOSES, vn(2026, 12, 1, 9, 0)) is None  # closed


def test_period_of_a_draft():
    class Draft:
        comment_opens = OPENS
        comment_closes = CLOSES

    open_ = period.Period(Draft(), vn(2026, 11, 25, 8, 0))
    assert (open_.status, open_.days_left, open_.is_open, open_.is_closed) == (
        "open",
        5,
        True,
        False,
    )
    soon = period.Period(Draft(), vn(2026, 11, 7, 8, 0))
    assert (soon.status, soon.days_left, soon.days_until_open) == ("not-yet-open", None, 3)
    closed = period.Period(Draft(), vn(2026, 12, 5, 8, 0))
    assert (closed.status, closed.days_left, closed.is_closed) == ("closed", None, True)


def test_open_format_check():
    from plone.namedfile.file import NamedBlobFile
    from zope.i18n import translate

    from dakto.policy.filetypes import NotAnOpenFormat
    from dakto.policy.filetypes import open_format

    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    odt = b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text"
    assert open_format(NamedBlobFile(pdf, filename="du-thao.PDF"))
    assert open_format(NamedBlobFile(odt, filename="du-thao.odt"))
    assert open_format(None)
    refused = {
        "du-thao.docx": b"PK\x03\x04" + b"\x00" * 26 + b"[Content_Types].xml word/",
        "du-thao.doc": b"\xd0\xcf\x11\xe0" + b"\x00" * 20,
        "du-thao": pdf,
        "du-thao.pdf": b"\xd0\xcf\x11\xe0" + b"\x00" * 20,  # a Word file renamed .pdf
    }
    for name, data in refused.items():
        with pytest.raises(NotAnOpenFormat) as error:
            open_format(NamedBlobFile(data, filename=name))
        assert name in translate(error.value.doc()), name
