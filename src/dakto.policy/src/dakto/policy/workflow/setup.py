"""Install-time setup of the editorial workflow (idempotent; ``install_features``).

- The four groups of Article 11.2, each holding its roles site-wide:
  membership of a group is all an administrator does to give someone a level.
- Items that already existed when their type was bound to the editorial
  workflow (an upgraded site) keep their visibility: published stays
  published, pending stays pending, anything else becomes a draft.
- On uninstall, Plone's own types are bound to Plone's chains again
  (profiles/uninstall/workflows.xml) and their items get the matching state
  there the same way; a reinstall adopts them again.
"""

import logging

from DateTime import DateTime
from plone import api

from dakto.policy.registrations import FeatureSetup
from dakto.policy.workflow.names import ADMINISTRATORS_GROUP
from dakto.policy.workflow.names import DRAFT
from dakto.policy.workflow.names import EDITORIAL_TYPES
from dakto.policy.workflow.names import FILE_WORKFLOW_ID
from dakto.policy.workflow.names import HEAD_OF_BOARD_GROUP
from dakto.policy.workflow.names import HEAD_OF_BOARD_ROLE
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import PUBLISHED
from dakto.policy.workflow.names import PUBLISHER_ROLE
from dakto.policy.workflow.names import PUBLISHERS_GROUP
from dakto.policy.workflow.names import REVIEWED
from dakto.policy.workflow.names import REVIEWER_ROLE
from dakto.policy.workflow.names import REVIEWERS_GROUP
from dakto.policy.workflow.names import UPDATERS_GROUP
from dakto.policy.workflow.names import WORKFLOW_ID


logger = logging.getLogger(__name__)

# id -> (title, description, site-wide roles)
GROUPS = {
    ADMINISTRATORS_GROUP: (
        "Quản trị hệ thống",
        "Quản trị hệ thống (Điều 11.2 Quy chế): người dùng, nhóm, phân quyền, cấu hình; "
        "có mọi quyền kiểm duyệt và xuất bản.",
        ("Site Administrator",),
    ),
    REVIEWERS_GROUP: (
        "Kiểm duyệt",
        "Kiểm duyệt (Điều 11.2 Quy chế): đọc tin, bài được gửi duyệt, sửa cho đúng, "
        "phê duyệt hoặc trả lại cho tác giả kèm lý do.",
        (REVIEWER_ROLE,),
    ),
    UPDATERS_GROUP: (
        "Cập nhật",
        "Cập nhật (Điều 11.2 Quy chế): viết, sửa tin, bài và gửi kiểm duyệt; "
        "ghi sổ tiếp nhận tin, bài.",
        ("Contributor", "Editor"),
    ),
    PUBLISHERS_GROUP: (
        "Xuất bản",
        "Xuất bản (Điều 11.2 Quy chế): xuất bản tin, bài đã được kiểm duyệt, gỡ xuống, lưu trữ.",
        (PUBLISHER_ROLE,),
    ),
    HEAD_OF_BOARD_GROUP: (
        "Trưởng Ban biên tập",
        "Trưởng Ban biên tập: kiểm duyệt, theo dõi định mức hằng tháng, báo cáo Chủ tịch "
        "và duyệt nhuận bút (Điều 6.3, 7.1, 8.1 Quy chế).",
        (HEAD_OF_BOARD_ROLE, REVIEWER_ROLE),
    ),
}

# A state of the workflow an item had before -> the editorial state.
STATE_MAP = {
    "published": PUBLISHED,
    "published_internally": PUBLISHED,
    "external": PUBLISHED,
    "pending": PENDING_REVIEW,
}
MIGRATION_COMMENT = "Chuyển sang quy trình biên tập (trạng thái trước: {})."
UNINSTALL_COMMENT = "Gỡ cài đặt: trở về quy trình của Plone (trạng thái trước: {})."


def create_groups():
    portal_groups = api.portal.get_tool("portal_groups")
    for group_id, (title, description, roles) in GROUPS.items():
        group = api.group.get(groupname=group_id)
        if group is None:
            api.group.create(
                groupname=group_id, title=title, description=description, roles=list(roles)
            )
            continue
        if not group.getProperty("title"):
            portal_groups.editGroup(group_id, title=title, description=description)
        missing = set(roles) - set(group.getRoles())
        if missing:
            api.group.grant_roles(groupname=group_id, roles=sorted(missing))


def previous_state(obj):
    """The review state ``obj`` had in another workflow (the latest entry)."""
    latest = None
    for workflow_id, chain in (getattr(obj, "workflow_history", None) or {}).items():
        if workflow_id == WORKFLOW_ID or not chain:
            continue
        entry = chain[-1]
        if latest is None or (entry.get("time") or DateTime(0)) > (
            latest.get("time") or DateTime(0)
        ):
            latest = entry
    return latest.get("review_state") if latest else None


def _time(entry):
    return entry.get("time") or DateTime(0)


def _left_since(obj, workflow_id):
    """Whether ``obj`` has no status in ``workflow_id`` or got one in another
    workflow after it (it was uninstalled and installed again)."""
    history = getattr(obj, "workflow_history", None) or {}
    own = history.get(workflow_id)
    if not own:
        return True
    return any(
        chain and _time(chain[-1]) > _time(own[-1])
        for other, chain in history.items()
        if other != workflow_id
    )


def adopt_existing_content(portal):
    """Give every item of an editorial type that has no editorial status yet
    the state matching the one it had (published stays published)."""
    tool = api.portal.get_tool("portal_workflow")
    workflow = tool.getWorkflowById(WORKFLOW_ID)
    catalog = api.portal.get_tool("portal_catalog")
    moved = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=list(EDITORIAL_TYPES)):
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            continue
        if WORKFLOW_ID not in tool.getChainFor(obj):
            continue
        if not _left_since(obj, WORKFLOW_ID):
            continue
        old = previous_state(obj)
        state = STATE_MAP.get(old, DRAFT)
        tool.setStatusOf(
            WORKFLOW_ID,
            obj,
            {
                "action": None,
                "actor": "system",
                "comments": MIGRATION_COMMENT.format(old or "-"),
                "review_state": state,
                "time": DateTime(),
            },
        )
        workflow.updateRoleMappingsFor(obj)
        obj.reindexObject(idxs=["review_state"])
        obj.reindexObjectSecurity()
        moved += 1
    if moved:
        logger.info("%s items moved to %s, their visibility kept.", moved, WORKFLOW_ID)
    return moved


def install(portal):
    create_groups()
    adopt_existing_content(portal)


# Plone's types, which the uninstall gives back to Plone's chains.
PLONE_TYPES = ("Document", "News Item", "Event", "File", "Image")
# An editorial state -> the state of Plone's workflow (simple publication);
# any other -> that workflow's initial state (private).
PLONE_STATE_MAP = {PUBLISHED: "published", PENDING_REVIEW: "pending", REVIEWED: "pending"}


def uninstall_plone_workflows(portal):
    """Give the items of Plone's types, now in Plone's chains, the state
    matching their editorial one; files and images (no workflow in Plone)
    take their permissions from their folder again."""
    tool = api.portal.get_tool("portal_workflow")
    ours = (WORKFLOW_ID, FILE_WORKFLOW_ID)
    catalog = api.portal.get_tool("portal_catalog")
    moved = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=list(PLONE_TYPES)):
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            continue
        chain = tool.getChainFor(obj)
        history = getattr(obj, "workflow_history", None) or {}
        left = [w for w in ours if history.get(w) and w not in chain]
        if not left:
            continue
        old = history[left[0]][-1].get("review_state")
        if not chain:
            for workflow_id in left:
                for permission in tool.getWorkflowById(workflow_id).permissions:
                    obj.manage_permission(permission, roles=[], acquire=True)
        for workflow_id in chain:
            workflow = tool.getWorkflowById(workflow_id)
            state = PLONE_STATE_MAP.get(old)
            if state not in workflow.states:
                state = workflow.initial_state
            tool.setStatusOf(
                workflow_id,
                obj,
                {
                    "action": None,
                    "actor": "system",
                    "comments": UNINSTALL_COMMENT.format(old or "-"),
                    "review_state": state,
                    "time": DateTime(),
                },
            )
            workflow.updateRoleMappingsFor(obj)
        obj.reindexObject(idxs=["review_state"])
        obj.reindexObjectSecurity()
        moved += 1
    if moved:
        logger.info("%s items back in Plone's workflows, their visibility kept.", moved)
    return moved


def uninstall(portal):
    """Plone's workflows for Plone's types; the groups stay (the town's people)."""
    uninstall_plone_workflows(portal)


# After the features that create pages and forms: it adopts them into the
# editorial states they would have had.
registration = FeatureSetup(install, uninstall, after=("structure", "personal_data", "forms"))
