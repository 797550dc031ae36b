"""The deadline of each step, in working days (``editorial_board.deadlines``:
Viet Nam's calendar with the public holidays of the registry).

Receipt is the day the item was received (``received``: the date staff
entered for feedback received in person, by phone, by letter or by Zalo;
otherwise the day it was stored).

- received: classify within ``classify_days`` of receipt;
- classified: forward within ``forward_days`` of classification;
- forwarded: answer within ``answer_days`` (15) of RECEIPT (NĐ 43/2011 Art. 17);
- answered: publish as Q&A or close within ``publish_days`` of the answer.

Within the answer deadline the citizen must be told the answer, or that the
matter is being handled and when to expect the answer (a progress notice,
``progress.py``): ``informed_on`` is the day the citizen was first told
either, the one rule the report and the dashboard use for "on time".
A progress notice moves the forwarded step's deadline to the expected day
it announced (never earlier than the legal deadline).

Final states have no deadline. ``step_deadline(obj)`` is indexed as
``feedback_deadline`` (a DateIndex, the deadline day at 00:00 Viet Nam
time); ``late_feedback()`` lists the items whose deadline has passed.
"""

from plone import api

from dakto.policy.dates import as_DateTime
from dakto.policy.editorial_board import deadlines as calendar
from dakto.policy.feedback import names
from dakto.policy.feedback.interfaces import REGISTRY_PREFIX


DEFAULT_DAYS = {"classify_days": 2, "forward_days": 3, "answer_days": 15, "publish_days": 5}


def setting(name):
    try:
        value = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.{name}", default=None)
    except Exception:  # noqa: BLE001 - no site: the default
        value = None
    return DEFAULT_DAYS[name] if value is None else int(value)


def history(obj):
    """The workflow history (who, when, which state), read directly: the
    status page shows its dates to anonymous holders of the code."""
    return tuple((getattr(obj, "workflow_history", None) or {}).get(names.WORKFLOW_ID) or ())


def state_entered(obj, state=None):
    """When the item entered ``state`` (default: its current state), as a DateTime."""
    state = state or api.content.get_state(obj, default=None)
    for entry in reversed(history(obj)):
        if entry.get("review_state") == state:
            return entry.get("time")
    return obj.created()


def received(obj):
    """The day (or DateTime) the feedback was received: ``received_on`` if
    staff entered it, else the creation time."""
    return getattr(obj, "received_on", None) or obj.created()


def step_deadline(obj):
    """The last day (a ``date``) of the current step; None in a final state."""
    state = api.content.get_state(obj, default=None)
    holidays = calendar.holidays()
    if state == names.RECEIVED:
        return calendar.add_working_days(received(obj), setting("classify_days"), holidays)
    if state == names.CLASSIFIED:
        return calendar.add_working_days(state_entered(obj), setting("forward_days"), holidays)
    if state == names.FORWARDED:
        due = calendar.add_working_days(received(obj), setting("answer_days"), holidays)
        promised = [n["expected"] for n in progress_notices(obj)]
        return max([due, *promised])
    if state == names.ANSWERED:
        return calendar.add_working_days(state_entered(obj), setting("publish_days"), holidays)
    return None


def answer_deadline(obj):
    """The legal deadline to answer (15 working days from receipt)."""
    return calendar.add_working_days(received(obj), setting("answer_days"), calendar.holidays())


def progress_notices(obj):
    """The progress notices sent to the citizen, oldest first (``progress.py``):
    dicts with ``time`` (DateTime), ``actor``, ``text`` and ``expected`` (a date)."""
    return tuple(getattr(obj, "progress_notices", None) or ())


def answered_at(obj):
    """When the item was first answered (a DateTime), or None."""
    return next(
        (e.get("time") for e in history(obj) if e.get("review_state") == names.ANSWERED), None
    )


def informed_on(obj):
    """The day (Viet Nam) the citizen was first told the answer or the
    progress with an expected date; None if not yet."""
    times = [answered_at(obj), *(n["time"] for n in progress_notices(obj))]
    days = [calendar.local_day(t) for t in times if t is not None]
    return min(days) if days else None


def informed_late(obj, today=None):
    """NĐ 43/2011 Art. 17: told the answer or the progress after the answer
    deadline, or not told at all while the deadline has passed (open items)."""
    due = answer_deadline(obj)
    told = informed_on(obj)
    if told is not None:
        return told > due
    state = api.content.get_state(obj, default=None)
    return state in names.OPEN_STATES and (today or calendar.today()) > due


#: the start of a day in Viet Nam as a DateTime (``dates.as_DateTime``)
as_datetime = as_DateTime


def late_feedback(today=None):
    """Brains of the items whose current step is past its deadline, oldest first.

    Unrestricted: for the board's dashboard (which is not public).
    """
    today = today or calendar.today()
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type=names.PORTAL_TYPE,
        review_state=list(names.OPEN_STATES),
        feedback_deadline={"query": as_datetime(today) - 0.5, "range": "max"},
        sort_on="feedback_deadline",
    )
