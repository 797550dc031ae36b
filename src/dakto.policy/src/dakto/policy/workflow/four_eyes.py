"""Four eyes on what is published (issue 21.6; Articles 7-8, 11.2).

Reviewers may correct a submitted text before approving it, as editors do;
but whoever approves or publishes must see what changed since ``submit``,
and nobody publishes a text that they changed themselves.

- At ``submit`` a version is saved in Plone's versioning history
  (CMFEditions; every editorial type is versioned, ``repositorytool.xml``)
  and the item remembers it (annotation ``KEY``: the version, who submitted,
  when, and the changes since).
- Every change of the item while it is ``pending_review`` or ``reviewed``
  (an edit form, ``PATCH``, any ``IObjectModifiedEvent``) is remembered:
  who, when. Plone's own autoversioning saves each change as a version too.
- ``changed_since_submission`` says it all: who changed it, when, and the
  link to Plone's compare view between the submitted version and the
  current text (``@@history?one=current&two=<version>``).
- Shown to reviewers and publishers above the title (``ChangedViewlet``) and
  in ``GET @workflow`` and ``?expand=workflow`` (``WorkflowInfo``).
- The ``publish`` guard (``@@four-eyes/may_publish``) is false for anyone
  who changed the text since it was submitted, administrators included: the
  text must be published by someone else (or submitted again, which starts a
  new review of the new text).
"""

from AccessControl import getSecurityManager
from DateTime import DateTime
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.restapi.interfaces import IExpandableElement
from plone.restapi.services.workflow.info import WorkflowInfo as BaseWorkflowInfo
from plone.restapi.services.workflow.info import WorkflowInfoService
from Products.CMFCore.interfaces import IWorkflowAware
from Products.Five import BrowserView
from zope.annotation.interfaces import IAnnotations
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.dates import local_datetime
from dakto.policy.interfaces import IDaktoPolicyLayer
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import PUBLISH_PERMISSION
from dakto.policy.workflow.names import REVIEWED
from dakto.policy.workflow.names import SUBMIT
from dakto.policy.workflow.names import WORKFLOW_ID


KEY = "dakto.policy.four_eyes"
# The states between submit and publish: changes here are what the
# approver and the publisher must see.
WATCHED_STATES = (PENDING_REVIEW, REVIEWED)
VERSION_COMMENT = _("Submitted for review (the text as submitted)")
REVIEW_PERMISSION = "Review portal content"


def _annotations(obj):
    try:
        return IAnnotations(obj)
    except TypeError:
        return None


def submission(obj):
    """What was remembered at the last submit (a mapping), or None."""
    annotations = _annotations(obj)
    return annotations.get(KEY) if annotations is not None else None


def uses_editorial_workflow(obj):
    try:
        return WORKFLOW_ID in api.portal.get_tool("portal_workflow").getChainFor(obj)
    except Exception:  # noqa: BLE001 - not content, or outside a site
        return False


def current_user_id():
    return getSecurityManager().getUser().getId()


def save_submitted_version(obj):
    """Save the text as submitted in the versioning history; its version id,
    or None when the type is not versioned."""
    repository = api.portal.get_tool("portal_repository")
    if not repository.isVersionable(obj):
        return None
    comment = translate(VERSION_COMMENT, context=getattr(obj, "REQUEST", None))
    # the submitter always may: the version belongs to the submission
    with api.env.adopt_roles(["Manager"]):
        repository.save(obj=obj, comment=comment)
    return getattr(obj, "version_id", None)


def submitted(obj, event):
    """After ``submit``: save the version, start a new record."""
    if getattr(event.workflow, "id", None) != WORKFLOW_ID:
        return
    if getattr(event.transition, "id", None) != SUBMIT:
        return
    annotations = _annotations(obj)
    if annotations is None:
        return
    annotations[KEY] = PersistentMapping(
        {
            "version_id": save_submitted_version(obj),
            "submitter": current_user_id(),
            "time": DateTime(),
            "changes": PersistentList(),
        }
    )


def modified(obj, event):
    """A change while the item waits for approval or publication."""
    if not uses_editorial_workflow(obj):
        return
    if api.content.get_state(obj, default=None) not in WATCHED_STATES:
        return
    annotations = _annotations(obj)
    if annotations is None:
        return
    record = annotations.get(KEY)
    if record is None:  # submitted before this rule existed: no version to compare
        record = annotations[KEY] = PersistentMapping(
            {"version_id": None, "submitter": None, "time": None, "changes": PersistentList()}
        )
    record["changes"].append(PersistentMapping({"actor": current_user_id(), "time": DateTime()}))


def changes(obj):
    """The changes since the last submit, oldest first: [{actor, time}]."""
    if api.content.get_state(obj, default=None) not in WATCHED_STATES:
        return []
    record = submission(obj)
    return [dict(change) for change in record["changes"]] if record else []


def changed_by(obj):
    """The user ids who changed ``obj`` since it was submitted, first first."""
    found = []
    for change in changes(obj):
        if change["actor"] not in found:
            found.append(change["actor"])
    return found


def diff_url(obj):
    """Plone's compare view, submitted version against the current text."""
    record = submission(obj)
    if not record or record.get("version_id") is None:
        return None
    return f"{obj.absolute_url()}/@@history?one=current&two={record['version_id']}"


def fullname(user_id):
    user = api.user.get(userid=user_id) if user_id else None
    return (user and user.getProperty("fullname")) or user_id or ""


def changed_since_submission(obj):
    """The facts for the screens and REST: None when unchanged since submit."""
    found = changes(obj)
    if not found:
        return None
    record = submission(obj)
    return {
        "changed_by": [{"id": uid, "fullname": fullname(uid)} for uid in changed_by(obj)],
        "changes": [
            {
                "actor": change["actor"],
                "fullname": fullname(change["actor"]),
                "time": change["time"].ISO8601(),
            }
            for change in found
        ],
        "submitted_by": record.get("submitter"),
        "submitted_at": record["time"].ISO8601() if record.get("time") else None,
        "submitted_version": record.get("version_id"),
        "diff": diff_url(obj),
    }


def may_publish(obj):
    """Nobody publishes a text they changed since it was submitted."""
    return current_user_id() not in changed_by(obj)


def refusal_message(obj, request=None):
    """Why the current user may not publish ``obj`` (an i18n message), or None."""
    if may_publish(obj):
        return None
    return _(
        "You changed this text after it was submitted for review: somebody else must "
        "publish it (or submit it again for a new review). What changed: ${diff}",
        mapping={"diff": diff_url(obj) or obj.absolute_url() + "/@@historyview"},
    )


class Guards(BrowserView):
    """``object/@@four-eyes/may_publish``: the publish guard."""

    def may_publish(self):
        return may_publish(self.context)

    def __call__(self):
        return ""


class ChangedViewlet(ViewletBase):
    """Above the title, for whoever approves or publishes: who changed the text
    since it was submitted, and the link to the difference."""

    def update(self):
        super().update()
        self.info = None
        if not uses_editorial_workflow(self.context):
            return
        security = getSecurityManager()
        if not (
            security.checkPermission(REVIEW_PERMISSION, self.context)
            or security.checkPermission(PUBLISH_PERMISSION, self.context)
        ):
            return
        self.info = changed_since_submission(self.context)

    def available(self):
        return self.info is not None

    def names(self):
        return ", ".join(person["fullname"] for person in self.info["changed_by"])

    def when(self):
        return local_datetime(DateTime(self.info["changes"][-1]["time"]))

    def count(self):
        return len(self.info["changes"])

    def diff(self):
        return self.info["diff"]

    def history(self):
        return self.context.absolute_url() + "/@@historyview"

    def changed_by_me(self):
        return not may_publish(self.context)

    def render(self):
        return self.index() if self.available() else ""


@implementer(IExpandableElement)
@adapter(IWorkflowAware, IDaktoPolicyLayer)
class WorkflowInfo(BaseWorkflowInfo):
    """plone.restapi's ``workflow`` element (``GET @workflow`` and
    ``?expand=workflow``) with ``changed_since_submission``."""

    def __call__(self, expand=False):
        result = super().__call__(expand=expand)
        if expand and uses_editorial_workflow(self.context):
            result["workflow"]["changed_since_submission"] = changed_since_submission(self.context)
        return result


class WorkflowInfoGet(WorkflowInfoService):
    """``GET <item>/@workflow``: the element above."""

    def reply(self):
        return WorkflowInfo(self.context, self.request)(expand=True)["workflow"]
