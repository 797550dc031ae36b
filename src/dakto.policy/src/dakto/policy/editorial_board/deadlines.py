"""Every deadline of the editorial board, in one place.

Two rules, both on Viet Nam's calendar (``dakto.policy.dates.TIMEZONE``):

Approval of an article (Quy chế, Article 8.1: "chậm nhất là 3 ngày tính từ
ngày nhận được") — **calendar days, as the Civil Code counts them**
(Bộ luật Dân sự 2015, Art. 144–148): the period starts on the day after the
day of receipt (Art. 147.1), runs N calendar days and ends at the end of its
last day (Art. 148.1); when that last day is a Saturday, a Sunday or a public
holiday, the period ends at the end of the next working day (Art. 148.5).
Received on Thursday 26/11/2026 with N = 3: 27, 28, 29 → 29/11 is a Sunday →
the deadline is the end of Monday 30/11/2026.

Legal documents online (NĐ 43/2011 Art. 17: "trong thời hạn 02 ngày làm
việc") — **working days**: the period starts on the day after the issue date
and counts only days that are neither Saturday, Sunday nor a public holiday.
Issued on Friday 27/11/2026: Monday 30/11 and Tuesday 1/12 → the deadline is
the end of Tuesday 1/12/2026.

A deadline is a date: the whole of that day (until 24:00) is in time. Lateness
is counted in calendar days after the deadline. Public holidays come from the
registry (``dakto.editorial.holidays``), one ``YYYY-MM-DD`` a line, optionally
followed by a label.
"""

import re
from datetime import date
from datetime import timedelta

from dakto.policy import dates
from dakto.policy.dates import local_day


REGISTRY_PREFIX = "dakto.editorial"
DEFAULT_APPROVAL_DAYS = 3
DEFAULT_QUOTA = 1
DEFAULT_LEGAL_WORKING_DAYS = 2  # NĐ 43/2011 Art. 17
DUE_SOON_WORKING_DAYS = 1

# Days off of civil servants (Bộ luật Lao động 2019 Art. 112 and the
# Government's yearly announcements), weekdays only: Saturdays and Sundays are
# days off anyway. An administrator keeps this list in the control panel.
DEFAULT_HOLIDAYS = (
    "2026-01-01 Tết Dương lịch",
    "2026-02-16 Tết Nguyên đán",
    "2026-02-17 Tết Nguyên đán",
    "2026-02-18 Tết Nguyên đán",
    "2026-02-19 Tết Nguyên đán",
    "2026-02-20 Tết Nguyên đán",
    "2026-04-27 Giỗ Tổ Hùng Vương (nghỉ bù)",
    "2026-04-30 Ngày Giải phóng miền Nam",
    "2026-05-01 Ngày Quốc tế Lao động",
    "2026-09-01 Quốc khánh",
    "2026-09-02 Quốc khánh",
    "2027-01-01 Tết Dương lịch",
    "2027-04-30 Ngày Giải phóng miền Nam",
    "2027-05-03 Ngày Quốc tế Lao động (nghỉ bù)",
    "2027-09-02 Quốc khánh",
)

HOLIDAY_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:\s+.*)?$")


class HolidayError(ValueError):
    """A line of the holiday list that is not ``YYYY-MM-DD [label]``."""


def parse_holiday(line):
    """The date of one line ``YYYY-MM-DD [label]``; HolidayError if it is not one."""
    match = HOLIDAY_RE.match(line or "")
    if not match:
        raise HolidayError(line)
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise HolidayError(line) from None


def parse_holidays(lines):
    """The set of dates of a holiday list; blank lines are skipped."""
    return frozenset(parse_holiday(line) for line in lines or () if (line or "").strip())


def is_working_day(day, holidays):
    return day.weekday() < 5 and day not in holidays


def next_working_day(day, holidays):
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day, holidays):
        day += timedelta(days=1)
    return day


def approval_deadline(received, days, holidays):
    """Last day to approve an article received on ``received`` (calendar days,
    Civil Code Art. 147–148: the last day moves to the next working day)."""
    received = local_day(received)
    return next_working_day(received + timedelta(days=days), holidays)


def add_working_days(start, count, holidays):
    """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
    day = local_day(start)
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def legal_deadline(issued, holidays, working_days=DEFAULT_LEGAL_WORKING_DAYS):
    """Last day to put a legal document online (NĐ 43/2011 Art. 17)."""
    return add_working_days(issued, working_days, holidays)


def days_late(deadline, when):
    """Calendar days between the deadline and ``when`` (0 if in time)."""
    return max(0, (local_day(when) - deadline).days)


def is_late(deadline, when):
    return local_day(when) > deadline


def due_soon(deadline, today, holidays, within=DUE_SOON_WORKING_DAYS):
    """Not late yet, and the deadline is at most ``within`` working days away."""
    today = local_day(today)
    return today <= deadline <= add_working_days(today, within, holidays)


#: today in Viet Nam, the board's day (``dates.today``)
today = dates.today


def month_bounds(month):
    """``(first day, first day of the next month)`` of a month given as ``YYYY-MM``
    or a date; ValueError if it is not a month."""
    if isinstance(month, str):
        match = re.fullmatch(r"(\d{4})-(\d{2})", month.strip())
        if not match:
            raise ValueError(month)
        year, number = int(match.group(1)), int(match.group(2))
        if not (1 <= number <= 12 and 1900 < year < 2500):
            raise ValueError(month)
        first = date(year, number, 1)
    else:
        first = month.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following


#: 'YYYY-MM' of a day (``dates.month_token``)
month_token = dates.month_token


# --- settings ----------------------------------------------------------------


def _record(name, default):
    from plone import api

    try:
        value = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.{name}", default=None)
    except Exception:  # noqa: BLE001 - no site or no record: the regulation's value
        value = None
    return default if value is None else value


def approval_days():
    return int(_record("approval_deadline_days", DEFAULT_APPROVAL_DAYS))


def monthly_quota():
    return int(_record("monthly_quota", DEFAULT_QUOTA))


def legal_working_days():
    return int(_record("legal_deadline_working_days", DEFAULT_LEGAL_WORKING_DAYS))


def holidays():
    lines = _record("holidays", DEFAULT_HOLIDAYS)
    result = set()
    for line in lines or ():
        try:
            if (line or "").strip():
                result.add(parse_holiday(line))
        except HolidayError:
            continue  # the control panel refuses such lines; an old bad one is ignored
    return frozenset(result)
