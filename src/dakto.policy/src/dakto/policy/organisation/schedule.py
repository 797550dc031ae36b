"""The leaders' weekly work schedule (lịch công tác), on plone.app.event events.

One page per ISO week, Monday to Sunday in Viet Nam time, chosen with
``?week=2026-W48`` (bookmarkable, no JavaScript needed).
"""

import re
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytz
from Acquisition import aq_parent
from plone import api
from plone.app.event.base import RET_MODE_ACCESSORS
from plone.app.event.base import get_events
from plone.autoform.interfaces import IFormFieldProvider
from plone.event.interfaces import IEvent
from plone.event.interfaces import IOccurrence
from plone.supermodel import model
from Products.Five import BrowserView
from zope import schema
from zope.interface import provider

from dakto.policy import _
from dakto.policy.dates import DATE_FORMAT
from dakto.policy.dates import TIMEZONE
from dakto.policy.dates import today


ZONE = pytz.timezone(TIMEZONE)  # pytz: plone.app.event stores pytz-aware datetimes
WEEK_RE = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
DAY_NAMES = (
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
)


@provider(IFormFieldProvider)
class IChair(model.Schema):
    """Who chairs an event of the work schedule (chủ trì)."""

    chaired_by = schema.TextLine(
        title=_("Chaired by"),
        description=_("The leader who chairs, e.g. 'Đ/c Chủ tịch UBND'."),
        required=False,
    )


def at(day, moment=time.min):
    """``day`` at ``moment`` (a time), Viet Nam time."""
    return ZONE.localize(datetime.combine(day, moment))


def monday_of(day):
    return day - timedelta(days=day.weekday())


def parse_week(value):
    """The Monday of ISO week ``value`` ('2026-W48'), or None if it is not one."""
    match = WEEK_RE.match((value or "").strip())
    if not match:
        return None
    try:
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None


def week_id(monday):
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def _local(moment):
    if moment.tzinfo is None:
        moment = ZONE.localize(moment)
    return moment.astimezone(ZONE)


def _event_object(accessor):
    obj = accessor.context
    return aq_parent(obj) if IOccurrence.providedBy(obj) else obj


def chair_of(obj):
    """The chair: the event's 'Chaired by', else its attendees."""
    chair = (getattr(obj, "chaired_by", None) or "").strip()
    if chair:
        return chair
    return ", ".join(a for a in (getattr(obj, "attendees", None) or ()) if a)


def week_days(context, monday):
    """Seven ``{date, events}`` dicts, Monday first, the events of each day by time."""
    start = at(monday)
    end = start + timedelta(days=7)
    days = [{"date": monday + timedelta(days=i), "events": []} for i in range(7)]
    path = "/".join(context.getPhysicalPath())
    for acc in get_events(
        context, start=start, end=end, ret_mode=RET_MODE_ACCESSORS, expand=True, path=path
    ):
        obj = _event_object(acc)
        ev_start = _local(acc.start)
        ev_end = _local(acc.end) if acc.end else ev_start
        day = max(ev_start.date(), monday)
        last = min(ev_end.date(), monday + timedelta(days=6))
        while day <= last:
            days[(day - monday).days]["events"].append(
                {
                    "url": obj.absolute_url(),
                    "title": acc.title,
                    "description": acc.description or "",
                    "time": _time_label(acc, ev_start, ev_end, day),
                    "sort": ev_start if ev_start.date() == day else start,
                    "location": acc.location or "",
                    "chair": chair_of(obj),
                }
            )
            day += timedelta(days=1)
    for entry in days:
        entry["events"].sort(key=lambda e: (e["sort"], e["title"]))
    return days


def _as_datetime(value):
    return value if isinstance(value, datetime) else value.asdatetime()  # DateTime


def event_weeks(context):
    """The Mondays of the first and the last week that have events in the
    schedule ``context`` (as the visitor may see them), this week included."""
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(context.getPhysicalPath())
    this_week = monday_of(today())
    query = {"path": path, "object_provides": IEvent.__identifier__, "sort_limit": 1}
    first = catalog.searchResults(sort_on="start", **query)[:1]
    last = catalog.searchResults(sort_on="end", sort_order="descending", **query)[:1]
    days = [this_week]
    days += [_local(_as_datetime(b.start)).date() for b in first if b.start]
    days += [_local(_as_datetime(b.end)).date() for b in last if b.end]
    return monday_of(min(days)), monday_of(max(days))


def _time_label(acc, ev_start, ev_end, day):
    if acc.whole_day:
        return ""
    if ev_start.date() != day:
        return ""  # continues from an earlier day
    if acc.open_end or ev_end == ev_start or ev_end.date() != day:
        return ev_start.strftime("%H:%M")
    return f"{ev_start:%H:%M} – {ev_end:%H:%M}"


class WorkScheduleView(BrowserView):
    """``@@work-schedule``: the week's events grouped by day."""

    day_names = DAY_NAMES

    def update(self):
        requested = self.request.form.get("week")
        monday = parse_week(requested) if requested else None
        self.invalid_week = bool(requested) and monday is None
        self.monday = monday or monday_of(today())
        self.sunday = self.monday + timedelta(days=6)
        self.week = week_id(self.monday)
        self.current_week = week_id(monday_of(today()))
        self.previous_week = week_id(self.monday - timedelta(days=7))
        self.next_week = week_id(self.monday + timedelta(days=7))
        # Crawlers follow the week links only within the weeks that have
        # events (and this week): past them the links say rel=nofollow and
        # the page noindex, so that no robot walks from year to year.
        first, last = event_weeks(self.context)
        self.in_range = first <= self.monday <= last
        self.previous_followed = first <= self.monday - timedelta(days=7) <= last
        self.next_followed = first <= self.monday + timedelta(days=7) <= last
        self.days = week_days(self.context, self.monday)
        self.week_number = self.monday.isocalendar()[1]

    def __call__(self):
        self.update()
        return self.index()

    def week_url(self, week):
        return f"{self.context.absolute_url()}/@@work-schedule?week={week}"

    def date(self, day):
        return day.strftime(DATE_FORMAT)

    def is_today(self, day):
        return day == today()
