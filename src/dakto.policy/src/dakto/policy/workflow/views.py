"""The editorial workflow in the UI and over REST.

- ``@@editorial-reject``: the form behind the "Send back to the author" menu
  entry; it asks for the reason (required) and runs ``reject``.
- ``ReasonRequiredView``: what the UI shows when ``reject`` reaches
  ``content_status_modify`` without a comment (HTTP 400, the reason, the form).
- ``RejectionViewlet``: "Bị trả lại: <reason>" above the title of a draft that
  a reviewer or publisher sent back, for whoever may edit it.
- ``WorkflowTransition``: plone.restapi's ``POST @workflow/<transition>`` with
  clear refusals on the editorial workflow: 400 for a transition that the
  item's state does not offer or a reject without a comment, 403 for one that
  the user may not make; never a silent no-op.
"""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from plone.restapi.deserializer import json_body
from plone.restapi.services.workflow.transition import WorkflowTransition as BaseWorkflowTransition
from Products.Five import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.dates import local_datetime
from dakto.policy.workflow.doors import refusal
from dakto.policy.workflow.names import FILE_WORKFLOW_ID
from dakto.policy.workflow.names import REJECT
from dakto.policy.workflow.names import WORKFLOW_ID
from dakto.policy.workflow.rules import reason_required_message
from dakto.policy.workflow.rules import rejection


def uses_editorial_workflow(obj):
    tool = api.portal.get_tool("portal_workflow")
    return WORKFLOW_ID in tool.getChainFor(obj)


def uses_portal_workflow(obj):
    """The editorial workflow, or the file workflow of files and images."""
    tool = api.portal.get_tool("portal_workflow")
    return bool({WORKFLOW_ID, FILE_WORKFLOW_ID} & set(tool.getChainFor(obj)))


def fullname(user_id):
    user = api.user.get(userid=user_id) if user_id else None
    return (user and user.getProperty("fullname")) or user_id or ""


class RejectForm(BrowserView):
    """Send an item back to its author, with the reason (required)."""

    error = None
    reason = ""

    def __call__(self):
        refused = refusal(self.context, REJECT)  # what is refused and why (doors.py)
        if refused is not None:
            IStatusMessage(self.request).add(
                translate(refused[1], context=self.request), type="error"
            )
            return self.request.response.redirect(self.context.absolute_url())
        form = self.request.form
        if self.request.method == "POST" and "form.buttons.reject" in form:
            CheckAuthenticator(self.request)
            self.reason = (form.get("reason") or "").strip()
            if not self.reason:
                self.error = reason_required_message(self.request)
                self.request.response.setStatus(400)
                return self.index()
            api.portal.get_tool("portal_workflow").doActionFor(
                self.context, REJECT, comment=self.reason
            )
            IStatusMessage(self.request).add(
                translate(_("Sent back to the author with your reason."), context=self.request)
            )
            return self.request.response.redirect(self.context.absolute_url())
        if self.request.method == "POST" and "form.buttons.cancel" in form:
            return self.request.response.redirect(self.context.absolute_url())
        return self.index()


class ReasonRequiredView(BrowserView):
    """The page shown when ``reject`` came without a reason."""

    def __call__(self):
        self.message = str(self.context)
        self.context = self.__parent__
        # Locked: plone.transformchain would reset it to 500 from the exception class.
        self.request.response.setStatus(400, lock=True)
        self.request.set("disable_border", True)
        return self.index()


class RejectionViewlet(ViewletBase):
    """The reason a reviewer or publisher gave, on the draft they sent back."""

    def update(self):
        super().update()
        self.entry = rejection(self.context)

    def available(self):
        return self.entry is not None

    def reason(self):
        return self.entry.get("comments") or ""

    def actor(self):
        return fullname(self.entry.get("actor"))

    def when(self):
        return local_datetime(self.entry.get("time"))

    def render(self):
        return self.index() if self.available() else ""


class WorkflowTransition(BaseWorkflowTransition):
    """``POST <item>/@workflow/<transition>`` that refuses clearly."""

    def refuse(self, status, kind, message):
        self.request.response.setStatus(status)
        return {"error": {"type": kind, "message": message}}

    def reply(self):
        if self.transition is None or not uses_portal_workflow(self.context):
            return super().reply()
        name = self.transition
        refused = refusal(self.context, name)  # what is refused and why (doors.py)
        if refused is not None:
            status, message = refused
            kind = "Forbidden" if status == 403 else "WorkflowException"
            return self.refuse(status, kind, translate(message, context=self.request))
        if name == REJECT:
            comment = json_body(self.request).get("comment") or ""
            if not str(comment).strip():
                return self.refuse(400, "WorkflowException", reason_required_message(self.request))
        return super().reply()
