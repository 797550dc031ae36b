"""What the editorial workflow's history says about an item: when it was
submitted, approved, published; who did it and with which comment.

The publication time is ``workflow.history.published_at`` (the latest publish
transition), shared with the royalties and the reports.
"""

from dakto.policy.workflow.history import entries
from dakto.policy.workflow.history import first
from dakto.policy.workflow.history import last
from dakto.policy.workflow.history import published_at
from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.names import PUBLISH
from dakto.policy.workflow.names import SUBMIT


__all__ = (
    "entries",
    "published_at",
    "first",
    "last",
    "submitted",
    "approved",
    "first_published",
)


def _time(entry):
    return entry.get("time") if entry else None


def submitted(obj):
    """When the item was last submitted for review (a rejected item is resubmitted)."""
    return _time(last(obj, SUBMIT))


def approved(obj):
    """When a reviewer first approved the item (or, failing that, it was first published)."""
    return _time(first(obj, APPROVE) or first(obj, PUBLISH))


def first_published(obj):
    """When the item first went online (a legal document's deadline is about that)."""
    return _time(first(obj, PUBLISH))
