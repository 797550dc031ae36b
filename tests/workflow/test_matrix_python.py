"""The permission matrix through Python: every role x every transition x every
state x every workflowed type, allowed and refused alike."""

import pytest
import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import logout
from plone.app.testing import setRoles
from Products.CMFCore.WorkflowCore import WorkflowException

from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.names import DRAFT
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import PUBLISH
from dakto.policy.workflow.names import PUBLISHED
from dakto.policy.workflow.names import REJECT
from dakto.policy.workflow.names import REVIEWED
from dakto.policy.workflow.names import SUBMIT
from dakto.policy.workflow.names import WORKFLOW_ID
from tests.workflow.helpers import ANONYMOUS
from tests.workflow.helpers import MOVES
from tests.workflow.helpers import REASON
from tests.workflow.helpers import ROLES
from tests.workflow.helpers import STATES
from tests.workflow.helpers import TRANSITIONS
from tests.workflow.helpers import TYPES
from tests.workflow.helpers import allowed
from tests.workflow.helpers import comment_for
from tests.workflow.helpers import create_members
from tests.workflow.helpers import make_item
from tests.workflow.helpers import user_id


@pytest.fixture
def board(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    create_members()
    return portal


def attempt(obj, role, transition):
    """Try ``transition`` on ``obj`` as ``role``; the new state, or None if refused."""
    tool = api.portal.get_tool("portal_workflow")
    savepoint = transaction.savepoint()
    try:
        if role == ANONYMOUS:
            with api.env.adopt_roles(["Anonymous"]):
                tool.doActionFor(obj, transition, comment=comment_for(transition))
        else:
            with api.env.adopt_user(username=user_id(role)):
                tool.doActionFor(obj, transition, comment=comment_for(transition))
    except WorkflowException:
        assert api.content.get_state(obj) == before[obj.getId()]
        return None
    new = api.content.get_state(obj)
    savepoint.rollback()
    return new


before = {}


@pytest.mark.parametrize("portal_type", list(TYPES))
def test_matrix(board, portal_type):
    items = {}
    for state in STATES:
        obj = make_item(board, portal_type, f"wf-{state}", state=state)
        items[state] = obj
        before[obj.getId()] = state
    wrong = []
    for role in ROLES:
        for state, obj in items.items():
            for transition in TRANSITIONS:
                new = attempt(obj, role, transition)
                expected = MOVES[state][transition] if allowed(role, state, transition) else None
                if new != expected:
                    wrong.append((role, state, transition, new, expected))
                assert api.content.get_state(obj) == state
    assert wrong == []


def test_history_keeps_actor_time_comment(board):
    obj = make_item(board, "News Item", "lich-su", state=PUBLISHED)
    history = obj.workflow_history[WORKFLOW_ID]
    assert [e["action"] for e in history] == [None, SUBMIT, APPROVE, PUBLISH]
    assert [e["actor"] for e in history[1:]] == ["wf-capnhat", "wf-kiemduyet", "wf-xuatban"]
    assert [e["review_state"] for e in history[1:]] == [PENDING_REVIEW, REVIEWED, PUBLISHED]
    assert all(e["comments"] == REASON for e in history[1:])
    times = [e["time"] for e in history]
    assert times == sorted(times)
    # The same through the API Plone shows.
    review_history = api.portal.get_tool("portal_workflow").getInfoFor(obj, "review_history")
    assert review_history[-1]["actor"] == "wf-xuatban"


@pytest.mark.parametrize("comment", ["", "   ", None])
def test_reject_needs_a_reason(board, comment):
    obj = make_item(board, "News Item", "tra-lai", state=PENDING_REVIEW)
    tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="wf-kiemduyet"):
        kwargs = {} if comment is None else {"comment": comment}
        with pytest.raises(WorkflowException, match="Phải ghi lý do"):
            tool.doActionFor(obj, REJECT, **kwargs)
        assert api.content.get_state(obj) == PENDING_REVIEW
        tool.doActionFor(obj, REJECT, comment="Sai số liệu dân số.")
    assert api.content.get_state(obj) == DRAFT
    entry = obj.workflow_history[WORKFLOW_ID][-1]
    assert (entry["action"], entry["actor"], entry["comments"]) == (
        REJECT,
        "wf-kiemduyet",
        "Sai số liệu dân số.",
    )


def test_nobody_approves_their_own_submission(board):
    tool = api.portal.get_tool("portal_workflow")
    api.group.add_user(groupname="cap-nhat", username="wf-kiemduyet")  # writes too
    obj = make_item(board, "News Item", "tu-duyet")
    with api.env.adopt_user(username="wf-kiemduyet"):
        tool.doActionFor(obj, SUBMIT)
        assert APPROVE not in [t["id"] for t in tool.getTransitionsFor(obj)]
        with pytest.raises(WorkflowException):
            tool.doActionFor(obj, APPROVE)
    # Another reviewer may; an administrator may approve even their own.
    api.user.create(email="k2@dakto.example.org", username="wf-kiemduyet2", password="hoa-ban-no-9")
    api.group.add_user(groupname="kiem-duyet", username="wf-kiemduyet2")
    with api.env.adopt_user(username="wf-kiemduyet2"):
        tool.doActionFor(obj, APPROVE)
    assert api.content.get_state(obj) == REVIEWED
    other = make_item(board, "News Item", "quan-tri-tu-duyet")
    with api.env.adopt_user(username="wf-quantri"):
        tool.doActionFor(other, SUBMIT)
        tool.doActionFor(other, APPROVE)
        tool.doActionFor(other, PUBLISH)
    assert api.content.get_state(other) == PUBLISHED


def test_no_path_from_draft_to_published_for_anyone(board):
    obj = make_item(board, "News Item", "khong-duyet")
    tool = api.portal.get_tool("portal_workflow")
    # The Zope Manager too: publishing a draft is refused.
    with pytest.raises(WorkflowException):
        tool.doActionFor(obj, PUBLISH)
    assert api.content.get_state(obj) == DRAFT
    logout()
