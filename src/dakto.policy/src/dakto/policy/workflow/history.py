"""What an item's workflow history says: when it was published, by whom.

Monthly quotas, royalties and the activity reports count an article in the
month of its publish transition, not of its creation or of an effective
date set by hand; this is the one place that reads it.
"""

from DateTime import DateTime
from zExceptions import NotFound

from dakto.policy.dates import is_unset
from dakto.policy.dates import local_day
from dakto.policy.dates import month_token
from dakto.policy.workflow.names import PUBLISHED


def entries(obj, workflow_id=None):
    """The workflow history entries of ``obj``, oldest first: of every
    workflow it has been in, or of ``workflow_id`` only."""
    history = getattr(obj, "workflow_history", None) or {}
    chains = history.values() if workflow_id is None else [history.get(workflow_id) or ()]
    found = [entry for chain in chains for entry in chain]
    return sorted(found, key=lambda entry: entry.get("time") or DateTime(0))


def first(obj, *actions, workflow_id=None):
    """The oldest entry made by one of ``actions``, or None."""
    return next((e for e in entries(obj, workflow_id) if e.get("action") in actions), None)


def last(obj, *actions, workflow_id=None):
    """The latest entry made by one of ``actions``, or None."""
    found = [e for e in entries(obj, workflow_id) if e.get("action") in actions]
    return found[-1] if found else None


def last_entry_into(obj, state):
    """The latest history entry that moved ``obj`` into ``state``, or None."""
    moves = [entry for entry in entries(obj) if entry.get("review_state") == state]
    moves = [entry for entry in moves if entry.get("action")]  # not the initial state
    return moves[-1] if moves else None


def published_at(obj):
    """When ``obj`` was last published (a DateTime), or None if never."""
    entry = last_entry_into(obj, PUBLISHED)
    return entry["time"] if entry else None


def posted_at(obj):
    """When ``obj`` was posted, as visitors are told (a DateTime), or None:
    its publishing date (effective) if one is set, else when it was last
    published according to its workflow history. Plone answers an unset
    publishing date with 31/12/1969, which is never a posting date."""
    effective = obj.effective() if hasattr(obj, "effective") else None
    if not is_unset(effective):
        return effective
    return published_at(obj)


def brain_posted_at(brain):
    """``posted_at`` of a catalog result: the catalog's publishing date,
    else the item's workflow history (the item is read only then)."""
    effective = getattr(brain, "effective", None)
    if not is_unset(effective):
        return effective
    try:
        obj = brain._unrestrictedGetObject()
    except (AttributeError, KeyError, NotFound):
        return None
    return posted_at(obj)


def published_month(obj):
    """'YYYY-MM' (Viet Nam time) of the last publication, or None."""
    moment = published_at(obj)
    if moment is None:
        return None
    return month_token(local_day(moment))
