"""1004, integrity (issues 13.2, 21.2): files and images get their workflow.

- workflows: ``dakto_file_workflow`` (private → published → private, by
  publishers and administrators) bound to File and Image;
- every File and Image that existed had no workflow and followed its folder:
  it becomes ``published``, whose permissions are acquired from the folder,
  so what the public could download stays downloadable and what it could not
  stays hidden. Uploads from now on start private.

Self-contained: the install code of today's features is not called.
"""

import logging

from DateTime import DateTime
from plone import api


logger = logging.getLogger(__name__)

PROFILE = "profile-dakto.policy:default"
FILE_WORKFLOW_ID = "dakto_file_workflow"
TYPES = ("File", "Image")
COMMENT = "Quy trình cho tệp và hình ảnh (phiên bản 1004): giữ nguyên như trước, theo thư mục chứa."


def upgrade(context):
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        PROFILE, "workflow", run_dependencies=False
    )
    tool = api.portal.get_tool("portal_workflow")
    workflow = tool.getWorkflowById(FILE_WORKFLOW_ID)
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=list(TYPES)):
        obj = brain._unrestrictedGetObject()
        if (getattr(obj, "workflow_history", None) or {}).get(FILE_WORKFLOW_ID):
            continue
        tool.setStatusOf(
            FILE_WORKFLOW_ID,
            obj,
            {
                "action": None,
                "actor": "system",
                "comments": COMMENT,
                "review_state": "published",
                "time": DateTime(),
            },
        )
        workflow.updateRoleMappingsFor(obj)
        obj.reindexObject(idxs=["review_state"])
        obj.reindexObjectSecurity()
        count += 1
    logger.info("integrity: %d existing files and images kept visible as before", count)
