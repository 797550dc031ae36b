"""1004, four eyes (issue 21.6): whoever approves or publishes sees what
changed since submission, and nobody publishes a text they changed.

- repositorytool: every editorial type is versioned (Plone versioned only
  News Item, Document and Event of them), so that the text as submitted is
  kept;
- difftool: Plone's compare view for each of them;
- rolemap: publishers (and the board's head) may read the versioning history
  (``CMFEditions: Access previous versions``);
- workflow: the ``publish`` guard ``object/@@four-eyes/may_publish``.

- items already waiting for approval or publication (``pending_review``,
  ``reviewed``): their text now is saved as a version and recorded as the
  submitted one (the submitter from their workflow history), so that later
  changes show and compare as for a new submission.

Self-contained: the install code of today's features is not called.
"""

import logging

from DateTime import DateTime
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations


logger = logging.getLogger(__name__)

PROFILE = "profile-dakto.policy:default"
STEPS = ("repositorytool", "difftool", "rolemap", "workflow")
WORKFLOW_ID = "dakto_editorial_workflow"
WAITING = ("pending_review", "reviewed")
# The record workflow/four_eyes.py keeps on each submitted item (as of 1004).
KEY = "dakto.policy.four_eyes"
COMMENT = "Gửi kiểm duyệt (nội dung khi nâng cấp 1004)"


def last_submitter(obj):
    chain = (getattr(obj, "workflow_history", None) or {}).get(WORKFLOW_ID) or ()
    submits = [entry for entry in chain if entry.get("action") == "submit"]
    return submits[-1].get("actor") if submits else None


def record_waiting_items():
    catalog = api.portal.get_tool("portal_catalog")
    repository = api.portal.get_tool("portal_repository")
    recorded = 0
    for brain in catalog.unrestrictedSearchResults(review_state=list(WAITING)):
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            continue
        if WORKFLOW_ID not in api.portal.get_tool("portal_workflow").getChainFor(obj):
            continue
        annotations = IAnnotations(obj)
        if KEY in annotations:
            continue
        version_id = None
        if repository.isVersionable(obj):
            with api.env.adopt_roles(["Manager"]):
                repository.save(obj=obj, comment=COMMENT)
            version_id = getattr(obj, "version_id", None)
        annotations[KEY] = PersistentMapping(
            {
                "version_id": version_id,
                "submitter": last_submitter(obj),
                "time": DateTime(),
                "changes": PersistentList(),
            }
        )
        recorded += 1
    return recorded


def upgrade(context):
    setup_tool = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    recorded = record_waiting_items()
    logger.info(
        "Four eyes: editorial types versioned, compare view, publish guard; "
        "%s waiting item(s) recorded as submitted.",
        recorded,
    )
