"""The deadline of each step, in working days (``editorial_board.deadlines``:
Viet Nam's calendar with the public holidays of the registry).

- received: classify within ``classify_days`` of receipt;
- classified: forward within ``forward_days`` of classification;
- forwarded: answer within ``answer_days`` (15) of RECEIPT (NĐ 43/2011 Art. 17);
- answered: publish as Q&A or close within ``publish_days`` of the answer.

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


def step_deadline(obj):
    """The last day (a ``date``) of the current step; None in a final state."""
    state = api.content.get_state(obj, default=None)
    holidays = calendar.holidays()
    if state == names.RECEIVED:
        return calendar.add_working_days(obj.created(), setting("classify_days"), holidays)
    if state == names.CLASSIFIED:
        return calendar.add_working_days(state_entered(obj), setting("forward_days"), holidays)
    if state == names.FORWARDED:
        return calendar.add_working_days(obj.created(), setting("answer_days"), holidays)
    if state == names.ANSWERED:
        return calendar.add_working_days(state_entered(obj), setting("publish_days"), holidays)
    return None


def answer_deadline(obj):
    """The legal deadline to answer (15 working days from receipt)."""
    return calendar.add_working_days(obj.created(), setting("answer_days"), calendar.holidays())


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
