"""The validity status of a legal document, derived from its dates.

- not yet in force: the effective date (else the issue date) is after today;
- expired: the expiry date is today or before;
- partly expired: in force by its dates, and an editor marked it so;
- in force: otherwise.

"Today" is the date in Viet Nam. The catalog stores the status at index
time, which ages: the lookup therefore filters on the date indexes
(``status_query``), and the pages compute the badge from the dates.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
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


def status_query(status, on=None):
    """Catalog query terms that select ``status`` on day ``on`` from the date indexes."""
    on = on or today()
    tomorrow = on + timedelta(days=1)
    if status == EXPIRED:
        return {"legal_expiry": {"query": on, "range": "max"}}
    if status == NOT_YET:
        return {
            "legal_effective": {"query": tomorrow, "range": "min"},
            "legal_expiry": {"query": tomorrow, "range": "min"},
        }
    if status in (IN_FORCE, PARTLY_EXPIRED):
        return {
            "legal_effective": {"query": on, "range": "max"},
            "legal_expiry": {"query": tomorrow, "range": "min"},
            "legal_partly_expired": status == PARTLY_EXPIRED,
        }
    return {}
