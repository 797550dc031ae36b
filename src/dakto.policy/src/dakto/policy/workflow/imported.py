"""The published state for an item brought in by an import (an archival
export, a former unit's content): set without a transition, since guards
and notifications are for editors, with the workflow's permissions applied
and the indexes that depend on them updated."""

from DateTime import DateTime
from plone import api

from dakto.policy.workflow.names import PUBLISHED


def set_published(obj, actor, comments, idxs=("review_state", "allowedRolesAndUsers")):
    """``obj`` published in each of its workflows that has the state;
    ``actor`` and ``comments`` go into its workflow history. ``idxs=None``
    reindexes every index."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow in workflow_tool.getWorkflowsFor(obj):
        status = workflow_tool.getStatusOf(workflow.id, obj) or {}
        if status.get("review_state") != PUBLISHED and PUBLISHED in workflow.states:
            workflow_tool.setStatusOf(
                workflow.id,
                obj,
                {
                    "action": None,
                    "actor": actor,
                    "comments": comments,
                    "review_state": PUBLISHED,
                    "time": DateTime(),
                },
            )
        workflow.updateRoleMappingsFor(obj)
    if idxs is None:
        obj.reindexObject()
    else:
        obj.reindexObject(idxs=list(idxs))
    return obj
