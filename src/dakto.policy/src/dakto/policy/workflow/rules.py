"""The rules of the editorial workflow that XML cannot say.

- A reject needs a reason: a subscriber to DCWorkflow's before-transition
  event refuses ``reject`` without a comment, whatever the way in (the UI's
  forms, ``portal_workflow.doActionFor``, plone.restapi's ``@workflow``).
  A guard could only hide the menu entry; the event refuses with a message.
- Nobody approves their own submission: the ``approve`` guard calls
  ``@@editorial-guards/may_approve``, false for the user who made the last
  ``submit`` unless they are a system administrator (Manager or Site
  Administrator: the town may have one person at that level, and the demo and
  the scripts run as one).
"""

from AccessControl import getSecurityManager
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five import BrowserView
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.workflow.history import entries
from dakto.policy.workflow.history import last
from dakto.policy.workflow.names import DRAFT
from dakto.policy.workflow.names import REJECT
from dakto.policy.workflow.names import SUBMIT
from dakto.policy.workflow.names import WORKFLOW_ID


REASON_REQUIRED = _(
    "A reason is required to send an item back to its author: write what must be changed."
)


class ReasonRequired(WorkflowException):
    """``reject`` without a comment."""


def reason_required_message(request=None):
    return translate(REASON_REQUIRED, context=request)


def require_reason(obj, event):
    workflow = getattr(event, "workflow", None)
    transition = getattr(event, "transition", None)
    if getattr(workflow, "id", None) != WORKFLOW_ID or getattr(transition, "id", None) != REJECT:
        return
    comment = (event.kwargs or {}).get("comment") or ""
    if not str(comment).strip():
        raise ReasonRequired(reason_required_message(getattr(obj, "REQUEST", None)))


def submitter(obj):
    """Who made the last ``submit`` of ``obj`` (a user id), or None."""
    entry = last(obj, SUBMIT, workflow_id=WORKFLOW_ID)
    return entry.get("actor") if entry else None


def rejection(obj):
    """The history entry of the reject that put ``obj`` back in draft, or None
    when it is not a rejected draft (never rejected, or submitted since)."""
    chain = entries(obj, WORKFLOW_ID)
    if not chain:
        return None
    newest = chain[-1]
    if newest.get("action") == REJECT and newest.get("review_state") == DRAFT:
        return newest
    return None


ADMINISTRATOR_ROLES = frozenset(("Manager", "Site Administrator"))


def is_administrator(obj):
    """Manager or Site Administrator here (their roles, or "Manage portal",
    which also sees roles adopted with ``api.env.adopt_roles``)."""
    security = getSecurityManager()
    roles = set(security.getUser().getRolesInContext(obj) or ())
    return bool(ADMINISTRATOR_ROLES & roles) or bool(security.checkPermission("Manage portal", obj))


def may_approve(obj):
    if is_administrator(obj):
        return True
    return submitter(obj) != getSecurityManager().getUser().getId()


class Guards(BrowserView):
    """Guard expressions of ``dakto_editorial_workflow``."""

    def may_approve(self):
        return may_approve(self.context)

    def __call__(self):
        return ""
