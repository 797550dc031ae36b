"""The GenericSetup XML spells the ids of workflow/names.py, and the profile
installed what it says."""

from pathlib import Path
from xml.etree import ElementTree

from plone import api

import dakto.policy
from dakto.policy.feedback import names as feedback_names
from dakto.policy.workflow import names


PROFILE = Path(dakto.policy.__file__).parent / "profiles" / "default"
DEFINITION = PROFILE / "workflows" / names.WORKFLOW_ID / "definition.xml"


def test_definition_ids_equal_names():
    root = ElementTree.parse(DEFINITION).getroot()
    assert root.get("workflow_id") == names.WORKFLOW_ID
    assert root.get("initial_state") == names.DRAFT
    states = [s.get("state_id") for s in root.findall("state")]
    assert states == list(names.STATES)
    transitions = [t.get("transition_id") for t in root.findall("transition")]
    assert transitions == list(names.TRANSITIONS)
    exits = {
        s.get("state_id"): {e.get("transition_id") for e in s.findall("exit-transition")}
        for s in root.findall("state")
    }
    assert set().union(*exits.values()) == set(names.TRANSITIONS)
    targets = {t.get("transition_id"): t.get("new_state") for t in root.findall("transition")}
    assert targets[names.PUBLISH] == names.PUBLISHED
    # Nothing reaches "published" except from "reviewed" (publish) or "archived" (restore).
    into_published = {tid for tid, new in targets.items() if new == names.PUBLISHED}
    assert into_published == {names.PUBLISH, names.RESTORE}
    assert {s for s, out in exits.items() if out & into_published} == {
        names.REVIEWED,
        names.ARCHIVED,
    }
    roles = {role.text for role in root.iter("permission-role")}
    assert names.PUBLISHER_ROLE in roles
    guards = {
        t.get("transition_id"): [g.text for g in t.iter("guard-permission")]
        for t in root.findall("transition")
    }
    assert guards[names.PUBLISH] == [names.PUBLISH_PERMISSION]


def test_bindings_and_rolemap_equal_names():
    root = ElementTree.parse(PROFILE / "workflows.xml").getroot()
    bound = {
        t.get("type_id")
        for t in root.iter("type")
        if [b.get("workflow_id") for b in t.findall("bound-workflow")] == [names.WORKFLOW_ID]
    }
    assert bound == set(names.EDITORIAL_TYPES)
    files = {
        t.get("type_id")
        for t in root.iter("type")
        if [b.get("workflow_id") for b in t.findall("bound-workflow")] == [names.FILE_WORKFLOW_ID]
    }
    assert files == set(names.FILE_TYPES)
    definition = ElementTree.parse(
        PROFILE / "workflows" / names.FILE_WORKFLOW_ID / "definition.xml"
    ).getroot()
    assert definition.get("initial_state") == names.PRIVATE
    assert [s.get("state_id") for s in definition.findall("state")] == list(names.FILE_STATES)
    assert [t.get("transition_id") for t in definition.findall("transition")] == list(
        names.FILE_TRANSITIONS
    )
    rolemap = ElementTree.parse(PROFILE / "rolemap.xml").getroot()
    assert [r.get("name") for r in rolemap.find("roles")] == [
        names.PUBLISHER_ROLE,
        names.HEAD_OF_BOARD_ROLE,
        feedback_names.RECEIVER_ROLE,  # feedback/: who receives and routes feedback
    ]
    permission = next(
        p for p in rolemap.iter("permission") if p.get("name") == names.PUBLISH_PERMISSION
    )
    assert {r.get("name") for r in permission.findall("role")} == {
        "Manager",
        "Site Administrator",
        names.PUBLISHER_ROLE,
    }


def test_installed(portal):
    tool = api.portal.get_tool("portal_workflow")
    workflow = tool.getWorkflowById(names.WORKFLOW_ID)
    assert set(workflow.states.objectIds()) == set(names.STATES)
    assert set(workflow.transitions.objectIds()) == set(names.TRANSITIONS)
    for portal_type in names.EDITORIAL_TYPES:
        assert tool.getChainForPortalType(portal_type) == (names.WORKFLOW_ID,)
    for portal_type in names.FILE_TYPES:
        assert tool.getChainForPortalType(portal_type) == (names.FILE_WORKFLOW_ID,)
    # Folders keep a simple workflow: the sections stay visible to anonymous.
    assert tool.getChainForPortalType("Folder") == ("simple_publication_workflow",)
    assert names.PUBLISHER_ROLE in portal.validRoles()
    titles = {
        names.ADMINISTRATORS_GROUP: "Quản trị hệ thống",
        names.REVIEWERS_GROUP: "Kiểm duyệt",
        names.UPDATERS_GROUP: "Cập nhật",
        names.PUBLISHERS_GROUP: "Xuất bản",
    }
    roles = {
        names.ADMINISTRATORS_GROUP: {"Site Administrator"},
        names.REVIEWERS_GROUP: {names.REVIEWER_ROLE},
        names.UPDATERS_GROUP: {"Contributor", "Editor"},
        names.PUBLISHERS_GROUP: {names.PUBLISHER_ROLE},
    }
    for group_id in names.EDITORIAL_GROUPS:
        group = api.group.get(groupname=group_id)
        assert group.getProperty("title") == titles[group_id]
        assert group.getProperty("description")
        assert roles[group_id] <= set(group.getRoles())
