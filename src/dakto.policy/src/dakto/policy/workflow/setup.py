"""Install-time setup of the editorial workflow (idempotent; ``install_features``).

- The four groups of Article 11.2, each holding its roles site-wide:
  membership of a group is all an administrator does to give someone a level.
- Items that already existed when their type was bound to the editorial
  workflow (an upgraded site) keep their visibility: published stays
  published, pending stays pending, anything else becomes a draft.
"""

import logging

from DateTime import DateTime
from plone import api

from dakto.policy.workflow.names import ADMINISTRATORS_GROUP
from dakto.policy.workflow.names import DRAFT
from dakto.policy.workflow.names import EDITORIAL_TYPES
from dakto.policy.workflow.names import HEAD_OF_BOARD_GROUP
from dakto.policy.workflow.names import HEAD_OF_BOARD_ROLE
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import PUBLISHED
from dakto.policy.workflow.names import PUBLISHER_ROLE
from dakto.policy.workflow.names import PUBLISHERS_GROUP
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
        if (getattr(obj, "workflow_history", None) or {}).get(WORKFLOW_ID):
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
