"""What the public sees stays what a publisher published (Articles 7.1, 11.2).

- Moving or renaming a reviewed, published or archived item (of the
  editorial or the file workflow) is for publishers and administrators only,
  through every door: a subscriber to ``IObjectWillBeMovedEvent`` — which
  Zope sends for ``manage_pasteObjects`` after a cut, ``manage_renameObject``,
  REST ``@move``, ``folder_contents`` cut/paste and rename, ``object_rename``,
  WebDAV ``MOVE`` and ``plone.api`` alike, and for every item inside a folder
  that moves — refuses with ``ProtectedItem`` (HTTP 403 and the reason).
  Deleting a folder that holds such an item needs the right to delete the
  item itself (administrators). Editing them is already refused by the
  workflows ("Modify portal content" per state).
- A copy starts over: Plone's CMFCore removes the copy's workflow history on
  ``IObjectCopiedEvent`` and the workflow gives it its initial state (draft,
  or private for a file), whoever copies; nothing to add here.
- Files and images: never at the site root except by administrators (they go
  in the sections whose addable types list them); an upload is private until
  a publisher publishes it, or publishes the item that holds it (a
  procedure's forms): ``publish_contained_files``.
- ``refusals``: the reason recorded for the views that turn Plone's generic
  "Error renaming …" into what was refused and why.
"""

from AccessControl import getSecurityManager
from plone import api
from plone.base.interfaces import IPloneSiteRoot
from zExceptions import Forbidden
from zope.globalrequest import getRequest
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.workflow.names import FILE_TYPES
from dakto.policy.workflow.names import FILE_WORKFLOW_ID
from dakto.policy.workflow.names import GUARDED_STATES
from dakto.policy.workflow.names import PRIVATE
from dakto.policy.workflow.names import PUBLISH
from dakto.policy.workflow.names import PUBLISH_PERMISSION
from dakto.policy.workflow.names import RESTORE
from dakto.policy.workflow.names import WORKFLOW_ID
from dakto.policy.workflow.rules import is_administrator


GUARDED_WORKFLOWS = (WORKFLOW_ID, FILE_WORKFLOW_ID)
REFUSALS_KEY = "dakto.policy.refusals"


class ProtectedItem(Forbidden):
    """A reviewed or published item that this user may not move, rename or remove."""


# Zope (HTTPResponse.setStatus) and the error views find the status by the
# exception's class name: answer 403 as Forbidden does.
ProtectedItem.__name__ = "Forbidden"


def state_title(obj, state):
    tool = api.portal.get_tool("portal_workflow")
    for workflow in tool.getWorkflowsFor(obj):
        definition = workflow.states.get(state) if hasattr(workflow, "states") else None
        if definition is not None:
            return translate(definition.title, domain="plone", context=getRequest())
    return state


def guarded_state(obj):
    """The review state of ``obj`` when it is one that only publishers change, else None."""
    tool = api.portal.get_tool("portal_workflow")
    try:
        chain = tool.getChainFor(obj)
    except Exception:  # not content (a tool, a ZMI object)
        return None
    if not set(chain) & set(GUARDED_WORKFLOWS):
        return None
    state = tool.getInfoFor(obj, "review_state", None)
    return state if state in GUARDED_STATES else None


def refuse(message):
    request = getRequest()
    text = translate(message, context=request)
    if request is not None:
        request.other.setdefault(REFUSALS_KEY, []).append(text)
    raise ProtectedItem(text)


def refusals(request):
    """What ``refuse`` said during this request, in order."""
    return list(request.other.get(REFUSALS_KEY, ()))


def guard_move(obj, event):
    """``IObjectWillBeMovedEvent``: moves, renames and removals of guarded items."""
    if event.oldParent is None:
        return  # being added
    state = guarded_state(obj)
    if state is None:
        return
    security = getSecurityManager()
    mapping = {"title": obj.Title() or obj.getId(), "state": state_title(obj, state)}
    if event.newParent is None:
        if security.checkPermission("Delete objects", obj):
            return
        refuse(
            _(
                "'${title}' cannot be deleted: it is ${state}, and only an administrator "
                "deletes what was reviewed or published. Ask a publisher to retract it first.",
                mapping=mapping,
            )
        )
    if security.checkPermission(PUBLISH_PERMISSION, obj):
        return
    refuse(
        _(
            "'${title}' cannot be moved or renamed: it is ${state}, and only a publisher or an "
            "administrator moves or renames what was reviewed or published (its address is "
            "public). Ask a publisher to do it, or to retract it first.",
            mapping=mapping,
        )
    )


def guard_root_files(obj, event):
    """``IObjectMovedEvent`` (adds, pastes, moves): no files or images at the site root."""
    if getattr(obj, "portal_type", None) not in FILE_TYPES:
        return
    if not IPloneSiteRoot.providedBy(event.newParent) or event.newParent is event.oldParent:
        return
    if is_administrator(event.newParent):
        return
    refuse(
        _(
            "Files and images cannot be added at the top of the site: add '${title}' in the "
            "section it belongs to (one whose addable types include it).",
            mapping={"title": obj.Title() or obj.getId()},
        )
    )


def contained_files(obj):
    for child in getattr(obj, "objectValues", lambda: ())():
        if getattr(child, "portal_type", None) in FILE_TYPES:
            yield child
        yield from contained_files(child)


def publish_contained_files(obj, event):
    """``IAfterTransitionEvent``: publishing (or restoring) an item publishes the
    private files and images it holds, which the publisher saw with it."""
    if getattr(event.workflow, "id", None) != WORKFLOW_ID:
        return
    if getattr(event.transition, "id", None) not in (PUBLISH, RESTORE):
        return
    tool = api.portal.get_tool("portal_workflow")
    for child in contained_files(obj):
        if tool.getInfoFor(child, "review_state", None) != PRIVATE:
            continue
        if PUBLISH in [t["id"] for t in tool.getTransitionsFor(child)]:
            tool.doActionFor(child, PUBLISH)
