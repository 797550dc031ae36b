"""1004, need-to-know (issue 13.3, Luật 91/2025): citizens' personal data
only for the people who receive and route feedback, and the administrators.

- rolemap: the role ``FeedbackReceiver`` and the permission
  ``dakto.policy: View personal data`` (administrators, receivers);
- workflows: ``dakto_feedback_workflow`` gives View, the senders' details,
  handling and sharing (Reader only) to administrators and receivers, and
  Reader (the unit an item is shared with); the board's roles lose them;
  every existing Feedback item gets the new mappings;
- the group ``tiep-nhan-phan-anh`` (Tiếp nhận phản ánh) holding the role.

Self-contained: the install code of today's features is not called.
"""

import logging

from plone import api

from dakto.policy.feedback import names


logger = logging.getLogger(__name__)

PROFILE = "profile-dakto.policy:default"


def upgrade(context):
    setup_tool = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "workflow"):
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    if api.group.get(groupname=names.RECEIVERS_GROUP) is None:
        api.group.create(
            groupname=names.RECEIVERS_GROUP,
            title=names.RECEIVERS_GROUP_TITLE,
            description=names.RECEIVERS_GROUP_DESCRIPTION,
            roles=[names.RECEIVER_ROLE],
        )
    elif names.RECEIVER_ROLE not in api.group.get(groupname=names.RECEIVERS_GROUP).getRoles():
        api.group.grant_roles(groupname=names.RECEIVERS_GROUP, roles=[names.RECEIVER_ROLE])
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById(names.WORKFLOW_ID)
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=names.PORTAL_TYPE):
        obj = brain._unrestrictedGetObject()
        workflow.updateRoleMappingsFor(obj)
        obj.reindexObjectSecurity()
        count += 1
    logger.info("need-to-know: %d feedback items remapped", count)
