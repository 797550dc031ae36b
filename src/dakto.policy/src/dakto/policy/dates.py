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
