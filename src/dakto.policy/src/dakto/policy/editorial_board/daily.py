"""Daily updates (Quy chế, Article 8.1: "cập nhật thông tin hàng ngày";
TT 26/2009/TT-BTTTT: at least once per working day).

A working day (``deadlines.is_working_day``: not a Saturday, a Sunday or a
holiday of the board's calendar) is **without a publication** when nothing
was published on the site that day (the ``editorial_published`` index: the
publish transition of any content). A day counts only once it is over (until
yesterday) and only from the day after the site was created: a site cannot
be late before it exists.

The board's dashboard, the daily digest (which warns the head of the board
the morning after) and the six-month report read this module.
"""

from datetime import timedelta

from plone import api

from dakto.policy.dates import as_DateTime
from dakto.policy.dates import local_day
from dakto.policy.editorial_board import deadlines
from dakto.policy.workflow.names import ONLINE_STATES


def in_service_since():
    """The first day that counts: the day after the site was created."""
    created = api.portal.get().created()
    return local_day(created) + timedelta(days=1)


def publication_days(first, last):
    """The set of Viet Nam days in ``first..last`` on which something went online."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        review_state=list(ONLINE_STATES),
        editorial_published={
            "query": (as_DateTime(first), as_DateTime(last + timedelta(days=1)) - 1 / 86400),
            "range": "min:max",
        },
    )
    return {local_day(brain.editorial_published) for brain in brains}


def counted_days(first, last, today=None, since=None):
    """``(first, last)`` clipped to the days that count: over (before ``today``)
    and from the day after the site's creation; ``last < first`` if none."""
    today = local_day(today) if today is not None else deadlines.today()
    since = in_service_since() if since is None else since
    return max(first, since), min(last, today - timedelta(days=1))


def days_without_publication(first, last, holidays=None, today=None, since=None):
    """The working days of ``first..last`` (dates) without any publication,
    oldest first; days not over yet and days before the site existed are left out."""
    holidays = deadlines.holidays() if holidays is None else holidays
    first, last = counted_days(first, last, today, since)
    if last < first:
        return []
    published = publication_days(first, last)
    result, day = [], first
    while day <= last:
        if deadlines.is_working_day(day, holidays) and day not in published:
            result.append(day)
        day += timedelta(days=1)
    return result


def working_days(first, last, holidays):
    """How many working days ``first..last`` has."""
    count, day = 0, first
    while day <= last:
        count += deadlines.is_working_day(day, holidays)
        day += timedelta(days=1)
    return count


def previous_working_day(today, holidays):
    """The last working day before ``today``."""
    day = local_day(today) - timedelta(days=1)
    while not deadlines.is_working_day(day, holidays):
        day -= timedelta(days=1)
    return day


def missed_yesterday(today=None, holidays=None, since=None):
    """The previous working day if nothing was published on it, else None:
    what the morning's digest warns the head of the board about."""
    holidays = deadlines.holidays() if holidays is None else holidays
    today = local_day(today) if today is not None else deadlines.today()
    day = previous_working_day(today, holidays)
    missed = days_without_publication(day, day, holidays, today, since)
    return missed[0] if missed else None


def this_month(today=None, holidays=None, since=None):
    """The working days of the current month, until yesterday, without a publication."""
    today = local_day(today) if today is not None else deadlines.today()
    first, _following = deadlines.month_bounds(today)
    return days_without_publication(first, today, holidays, today, since)
