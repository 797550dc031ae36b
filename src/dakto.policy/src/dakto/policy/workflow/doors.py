"""The doors of ``integrity.py`` and of the workflow that must say what they refused.

- ``Move``, ``Copy``: plone.restapi's ``@move`` and ``@copy``; a refused item
  answers 403 (401 for anonymous) with the reason, and nothing is moved.
- ``PasteActionView``, ``RenameActionView``: ``folder_contents`` paste and
  rename; the reason replaces Plone's "Error renaming …" / nothing is pasted.
- ``ContentStatusModifyView``: a transition the user may not make (a link
  opened by the wrong person, an approve of their own submission) changes
  nothing and says so and why, instead of "Item state changed."
- ``refusal``: that reason, shared with REST ``@workflow`` (views.py).
"""

import transaction
from Acquisition import aq_base
from plone import api
from plone.app.content.browser.content_status_modify import (
    ContentStatusModifyView as BaseContentStatusModifyView,
)
from plone.app.content.browser.contents.paste import PasteActionView as BasePasteActionView
from plone.app.content.browser.contents.rename import RenameActionView as BaseRenameActionView
from plone.protect import CheckAuthenticator
from plone.restapi.services.copymove.copymove import Copy as BaseCopy
from plone.restapi.services.copymove.copymove import Move as BaseMove
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.rest import error
from dakto.policy.workflow.integrity import ProtectedItem
from dakto.policy.workflow.integrity import refusals
from dakto.policy.workflow.integrity import state_title
from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.rules import may_approve
from dakto.policy.workflow.rules import submitter


class RefusingCopyMove:
    def reply(self):
        savepoint = transaction.savepoint()
        try:
            return super().reply()
        except ProtectedItem as exc:
            savepoint.rollback()
            status = 401 if api.user.is_anonymous() else 403
            return error(self.request, status, "Forbidden", str(exc))


class Move(RefusingCopyMove, BaseMove):
    """``POST <folder>/@move``."""


class Copy(RefusingCopyMove, BaseCopy):
    """``POST <folder>/@copy``."""


class ReasonsInMessage:
    """folder_contents actions: the recorded reasons instead of generic errors."""

    def message(self, missing=[]):  # noqa: B006 (Plone's signature)
        reasons = refusals(self.request)
        if reasons:
            self.errors = reasons
        return super().message(missing)


class PasteActionView(ReasonsInMessage, BasePasteActionView):
    def __call__(self):
        savepoint = transaction.savepoint()
        try:
            return super().__call__()
        except ProtectedItem:
            savepoint.rollback()
            self.errors = []
            return self.message()


class RenameActionView(ReasonsInMessage, BaseRenameActionView):
    pass


def transition_title(obj, transition):
    tool = api.portal.get_tool("portal_workflow")
    for workflow in tool.getWorkflowsFor(obj):
        definition = getattr(workflow, "transitions", {}).get(transition)
        if definition is not None:
            return translate(definition.title, domain="plone", context=obj.REQUEST)
    return transition


def state_offers(obj, transition):
    """Whether the current state of ``obj`` has ``transition`` (for someone)."""
    tool = api.portal.get_tool("portal_workflow")
    for workflow in tool.getWorkflowsFor(obj):
        states = getattr(workflow, "states", None)
        state = states.get(tool.getInfoFor(obj, "review_state", None)) if states else None
        if state is not None and transition in (state.transitions or ()):
            return True
    return False


def refusal(obj, transition):
    """Why the current user may not make ``transition`` on ``obj``: ``(status,
    message)``, or None when they may."""
    tool = api.portal.get_tool("portal_workflow")
    if transition in [t["id"] for t in tool.getTransitionsFor(obj)]:
        return None
    state = tool.getInfoFor(obj, "review_state", "")
    mapping = {
        "transition": transition_title(obj, transition),
        "state": state_title(obj, state),
    }
    if not state_offers(obj, transition):
        return 400, _(
            "Not done: '${transition}' is not possible while the item is ${state}. Nothing "
            "was changed.",
            mapping=mapping,
        )
    reviews = api.user.has_permission("Review portal content", obj=obj)
    if transition == APPROVE and reviews and not may_approve(obj):
        who = submitter(obj)
        if who and who == api.user.get_current().getId():
            return 403, _(
                "Not done: you submitted this item yourself, and nobody approves their own "
                "submission; another reviewer must approve it. It is still ${state}.",
                mapping=mapping,
            )
    return 403, _(
        "Not done: your role does not allow '${transition}' while the item is ${state} (see "
        "the editorial workflow: who does what). Nothing was changed.",
        mapping=mapping,
    )


class ContentStatusModifyView(BaseContentStatusModifyView):
    def __call__(self, workflow_action=None, comment="", **kwargs):
        context = self.context
        tool = api.portal.get_tool("portal_workflow")
        current = tool.getInfoFor(context, "review_state", None)
        # "No change" on content_status_history sends the current state, and the
        # call Plone makes on the folder of a default page may fail: both Plone's.
        nested = aq_base(self.request.get("PUBLISHED", self)) is not aq_base(self)
        if workflow_action and workflow_action != current and not nested:
            found = refusal(context, workflow_action)
            if found is not None:
                CheckAuthenticator(self.request)
                status, message = found
                IStatusMessage(self.request).add(
                    translate(message, context=self.request), type="error"
                )
                return self.request.response.redirect(context.absolute_url())
        return super().__call__(workflow_action, comment, **kwargs)
