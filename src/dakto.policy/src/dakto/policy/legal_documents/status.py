"""The validity status of a legal document, derived from its dates.

- not yet in force: the effective date (else the issue date) is after today;
- expired: the expiry date is today or before;
- partly expired: in force by its dates, and an editor marked it so;
- in force: otherwise.

"Today" is the date in Viet Nam. The catalog stores the status at index
time, which ages: the lookup therefore filters on the dates (``status_query``),
and the pages compute the badge from the dates.

The filter's cost does not grow with the site: a date range on a
``DateIndex`` unites one set per distinct date of the range (a site of
50,000 documents over 17 years: ~3,000 sets per page). Each date is also
indexed as the keys of its century, year, month and day (``date_keys``, the
KeywordIndexes ``legal_effective_keys`` and ``legal_expiry_keys``): "on or
before a day" is the earlier centuries, the earlier years of its century,
the earlier months of its year and the days of its month up to it, at most
~240 keys (most absent) and ~60 sets whatever the number of documents.
"""

import calendar
from datetime import date
from datetime import datetime
from zoneinfo import ZoneInfo

from dakto.policy.dates import TIMEZONE
from dakto.policy.dates import day_of
from dakto.policy.legal_documents.vocabularies import EXPIRED
from dakto.policy.legal_documents.vocabularies import IN_FORCE
from dakto.policy.legal_documents.vocabularies import NOT_YET
from dakto.policy.legal_documents.vocabularies import PARTLY_EXPIRED


# What the date indexes hold for a document without an expiry date (DateIndex
# keeps minutes in 32 bits: Plone's own "forever" year fits).
NEVER = date(2499, 12, 31)


def today():
    return datetime.now(ZoneInfo(TIMEZONE)).date()


def starts(issue_date, effective_date):
    return day_of(effective_date) or day_of(issue_date)


def derive_status(issue_date, effective_date, expiry_date, partly_expired=False, on=None):
    """The status token on day ``on`` (default: today in Viet Nam)."""
    on = on or today()
    start = starts(issue_date, effective_date)
    end = day_of(expiry_date)
    if end is not None and end <= on:
        return EXPIRED
    if start is not None and start > on:
        return NOT_YET
    if partly_expired:
        return PARTLY_EXPIRED
    return IN_FORCE


def status_of(obj, on=None):
    return derive_status(
        getattr(obj, "issue_date", None),
        getattr(obj, "valid_from", None),
        getattr(obj, "valid_until", None),
        bool(getattr(obj, "partly_expired", False)),
        on,
    )


def _century(year):
    return f"C{year // 100:02d}"


def _year(year):
    return f"Y{year:04d}"


def _month(year, month):
    return f"M{year:04d}-{month:02d}"


def _day(year, month, day):
    return f"D{year:04d}-{month:02d}-{day:02d}"


def date_keys(day):
    """The keys of a date (or datetime) in a ``legal_*_keys`` index: its
    century, year, month and day; none for no date."""
    day = day_of(day)
    if day is None:
        return ()
    year, month = day.year, day.month
    return (_century(year), _year(year), _month(year, month), _day(year, month, day.day))


def keys_until(day):
    """The keys that select the dates on or before ``day``, one of each such date."""
    year, month, century = day.year, day.month, day.year // 100
    return (
        [_century(c * 100) for c in range(century)]
        + [_year(y) for y in range(century * 100, year)]
        + [_month(year, m) for m in range(1, month)]
        + [_day(year, month, d) for d in range(1, day.day + 1)]
    )


def keys_after(day):
    """The keys that select the dates after ``day``, one of each such date."""
    year, month, century = day.year, day.month, day.year // 100
    last = calendar.monthrange(year, month)[1]
    return (
        [_day(year, month, d) for d in range(day.day + 1, last + 1)]
        + [_month(year, m) for m in range(month + 1, 13)]
        + [_year(y) for y in range(year + 1, century * 100 + 100)]
        + [_century(c * 100) for c in range(century + 1, 100)]
    )


def _keys(index, keys):
    return {index: {"query": keys, "operator": "or"}}


def status_query(status, on=None):
    """Catalog query terms that select ``status`` on day ``on`` from the dates' keys."""
    on = on or today()
    if status == EXPIRED:
        return _keys("legal_expiry_keys", keys_until(on))
    if status == NOT_YET:
        return {
            **_keys("legal_effective_keys", keys_after(on)),
            **_keys("legal_expiry_keys", keys_after(on)),
        }
    if status in (IN_FORCE, PARTLY_EXPIRED):
        return {
            **_keys("legal_effective_keys", keys_until(on)),
            **_keys("legal_expiry_keys", keys_after(on)),
            "legal_partly_expired": status == PARTLY_EXPIRED,
        }
    return {}
