"""Dates as the portal reads and shows them: Asia/Ho_Chi_Minh, dd/mm/yyyy HH:MM.

The one module that converts dates: days (``day_of``, ``local_day``,
``today``), parsing (``parse_date``) and the formats people see
(``local_date``, ``local_datetime``, ``local_period``, ``long_date``) or
machines read (``iso_datetime``, ``rfc822_datetime``).
"""

import re
from datetime import UTC
from datetime import date
from datetime import datetime

from DateTime import DateTime


TIMEZONE = "Asia/Ho_Chi_Minh"
DATE_FORMAT = "%d/%m/%Y"
TIME_FORMAT = "%H:%M"
DATETIME_FORMAT = f"{DATE_FORMAT} {TIME_FORMAT}"


# Placeholders that mean "no date", never to be shown: the Unix epoch and
# plone.dexterity's FLOOR_DATE (1969-12-31 00:00, what ``effective()``
# answers when no publishing date is set), in whatever zone they were made:
# every moment from 30/12/1969 to 01/01/1970 (UTC seconds, bounds excluded).
PLACEHOLDER_SECONDS = (-2 * 86400, 86400)


def _placeholder(seconds):
    return PLACEHOLDER_SECONDS[0] < seconds < PLACEHOLDER_SECONDS[1]


def is_unset(value):
    """True if ``value`` (DateTime, datetime, date or None) is no real date:
    None, Plone's "never"/"forever" (years up to 1000, from 2499 on), the
    epoch or plone.dexterity's FLOOR_DATE (which show as 31/12/1969)."""
    if value is None:
        return True
    if isinstance(value, DateTime):
        if value.year() <= 1000 or value.year() >= 2499:
            return True
        return _placeholder(value.timeTime())
    if isinstance(value, datetime):
        if value.year <= 1000 or value.year >= 2499:
            return True
        if value.tzinfo is None:
            return _placeholder(value.replace(tzinfo=UTC).timestamp())
        return _placeholder(value.timestamp())
    if isinstance(value, date):
        return value.year <= 1000 or value.year >= 2499
    return True


def _to_datetime(value):
    if is_unset(value):
        return None
    if isinstance(value, DateTime):
        return value.toZone(TIMEZONE).asdatetime()
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value
        return DateTime(value).toZone(TIMEZONE).asdatetime()
    return None


def local_datetime(value):
    """``value`` (DateTime or datetime) as 'dd/mm/yyyy HH:MM' in Viet Nam; '' if unset."""
    moment = _to_datetime(value)
    return moment.strftime(DATETIME_FORMAT) if moment else ""


def local_time(value):
    """``value`` (DateTime or datetime) as 'HH:MM' (24-hour) in Viet Nam; '' if unset."""
    moment = _to_datetime(value)
    return moment.strftime(TIME_FORMAT) if moment else ""


def local_period(start, end=None, whole_day=False, open_end=False):
    """When an event takes place, as the portal writes it (24-hour, no zone
    name): '04/12/2026 15:00 – 17:00', '04/12/2026 15:00' (open end),
    '04/12/2026' (whole day), '04/12/2026 – 05/12/2026' or
    '04/12/2026 15:00 – 05/12/2026 17:00' (several days); '' if unset."""
    first = _to_datetime(start)
    if first is None:
        return ""
    last = _to_datetime(end)
    if last is not None and last < first:
        last = None
    if whole_day:
        if last is None or last.date() == first.date():
            return first.strftime(DATE_FORMAT)
        return f"{first.strftime(DATE_FORMAT)} – {last.strftime(DATE_FORMAT)}"
    if open_end or last is None or last == first:
        return first.strftime(DATETIME_FORMAT)
    if last.date() == first.date():
        return f"{first.strftime(DATETIME_FORMAT)} – {last.strftime(TIME_FORMAT)}"
    return f"{first.strftime(DATETIME_FORMAT)} – {last.strftime(DATETIME_FORMAT)}"


def local_date(value):
    """A date, DateTime or datetime as 'dd/mm/yyyy'; '' if unset."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return "" if is_unset(value) else value.strftime(DATE_FORMAT)
    moment = _to_datetime(value)
    return moment.strftime(DATE_FORMAT) if moment else ""


ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _to_date(value):
    if isinstance(value, date) and not isinstance(value, datetime):
        return None if is_unset(value) else value
    moment = _to_datetime(value)
    return moment.date() if moment else None


def long_date(value, language="vi"):
    """A date for running text: 'ngày 20 tháng 3 năm 2024' (Vietnamese, no
    leading zeros, as in NĐ 30/2020) or '20 March 2024'; '' if unset."""
    day = _to_date(value)
    if day is None:
        return ""
    if (language or "vi").startswith("en"):
        return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


def _aware(value):
    """``value`` as an aware datetime in Viet Nam (zoneinfo, +07:00); None if unset."""
    from zoneinfo import ZoneInfo

    if is_unset(value):
        return None
    if isinstance(value, DateTime):
        value = value.asdatetime()
    if not isinstance(value, datetime):
        return None
    zone = ZoneInfo(TIMEZONE)
    return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)


def iso_datetime(value):
    """``value`` as ISO 8601 with the Viet Nam offset (meta tags, feeds), a
    plain date as '2024-03-20'; '' if unset."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return "" if is_unset(value) else value.isoformat()
    moment = _aware(value)
    return moment.isoformat(timespec="seconds") if moment else ""


def rfc822_datetime(value):
    """``value`` as RFC 822 (RSS 2.0 pubDate), e.g. 'Wed, 20 Mar 2024 08:00:00 +0700'."""
    from email.utils import format_datetime

    moment = _aware(value)
    return format_datetime(moment) if moment else ""


def day_of(value):
    """The day of a date or datetime as it is (no time zone change); None otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def local_day(value):
    """The day in Viet Nam of a date, a datetime (naive = Viet Nam time) or a DateTime."""
    if isinstance(value, DateTime):
        return value.toZone(TIMEZONE).asdatetime().date()
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return DateTime(value).toZone(TIMEZONE).asdatetime().date()
        return value.date()
    if isinstance(value, date):
        return value
    raise TypeError(f"not a date: {value!r}")


def local_day_or_none(value):
    """``local_day``, or None for what is no date (None, a string...)."""
    if isinstance(value, (DateTime, date)):
        return local_day(value)
    return None


def today():
    """Today in Viet Nam."""
    return DateTime().toZone(TIMEZONE).asdatetime().date()


def parse_date(value):
    """A date from ``YYYY-MM-DD`` or ``dd/mm/yyyy``; ValueError otherwise."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    raise ValueError(value)


def month_token(day):
    """A date's month as 'YYYY-MM' (URLs, report columns)."""
    return f"{day.year:04d}-{day.month:02d}"


def from_iso(value):
    """A date ('YYYY-MM-DD') or datetime from ISO 8601 text; None if empty."""
    if not value:
        return None
    if len(value) == 10:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value)


def as_DateTime(value):
    """A DateTime (catalog, workflow) from a date (its start in Viet Nam), a
    naive datetime (Viet Nam time), an aware datetime or a DateTime."""
    if isinstance(value, DateTime):
        return value
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        import pytz

        value = pytz.timezone(TIMEZONE).localize(value)
    return DateTime(value)
