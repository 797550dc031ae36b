"""Dates as the portal shows them: Asia/Ho_Chi_Minh, dd/mm/yyyy HH:MM."""

from datetime import date
from datetime import datetime

from DateTime import DateTime


TIMEZONE = "Asia/Ho_Chi_Minh"
DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"


def _to_datetime(value):
    if isinstance(value, DateTime):
        if value.year() <= 1000 or value.year() >= 2499:  # Plone's "never" / "forever"
            return None
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


def local_date(value):
    """A date, DateTime or datetime as 'dd/mm/yyyy'; '' if unset."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime(DATE_FORMAT)
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
        return value
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

    if isinstance(value, DateTime):
        if value.year() <= 1000 or value.year() >= 2499:
            return None
        value = value.asdatetime()
    if not isinstance(value, datetime):
        return None
    zone = ZoneInfo(TIMEZONE)
    return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)


def iso_datetime(value):
    """``value`` as ISO 8601 with the Viet Nam offset (meta tags, feeds); '' if unset."""
    moment = _aware(value)
    return moment.isoformat(timespec="seconds") if moment else ""


def rfc822_datetime(value):
    """``value`` as RFC 822 (RSS 2.0 pubDate), e.g. 'Wed, 20 Mar 2024 08:00:00 +0700'."""
    from email.utils import format_datetime

    moment = _aware(value)
    return format_datetime(moment) if moment else ""
