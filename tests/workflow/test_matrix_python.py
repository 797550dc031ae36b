"""The permission matrix through Python: every role x every transition x every
state x every workflowed type, allowed and refused alike."""

import pytest
import transaction
from AccessControl import Unauthorized
from OFS.CopySupport import CopyError
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.WorkflowCore import WorkflowException

from dakto.policy.workflow.integrity import ProtectedItem
from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.names import DRAFT
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import PRIVATE
from dakto.policy.workflow.names import PUBLISH
from dakto.policy.workflow.names import PUBLISHED
from dakto.policy.workflow.names import REJECT
from dakto.policy.workflow.names import REVIEWED
from dakto.policy.workflow.names import SUBMIT
from dakto.policy.workflow.names import WORKFLOW_ID
from tests.workflow.helpers import ADMINISTRATOR
from tests.workflow.helpers import ANONYMOUS
from tests.workflow.helpers import MEMBER
from tests.workflow.helpers import MOVES
from tests.workflow.helpers import PUBLISHER
from tests.workflow.helpers import REASON
from tests.workflow.helpers import REVIEWER
from tests.workflow.helpers import ROLES
from tests.workflow.helpers import STATES
from tests.workflow.helpers import TRANSITIONS
from tests.workflow.helpers import TYPES
from tests.workflow.helpers import UPDATER
from tests.workflow.helpers import allowed
from tests.workflow.helpers import comment_for
from tests.workflow.helpers import create_members
from tests.workflow.helpers import make_item
from tests.workflow.helpers import may_move
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


# The doors that change an item's address or content (issue 13.2): move,
# rename, copy and paste, through plone.api (OFS's own checks and the
# integrity guard), by every level, in every state.

MOVE_ROLES = (MEMBER, UPDATER, REVIEWER, PUBLISHER, ADMINISTRATOR)


def outcome(role, door):
    savepoint = transaction.savepoint()
    try:
        with api.env.adopt_user(username=user_id(role)):
            result = door()
    except (Unauthorized, CopyError, ValueError, ProtectedItem):
        savepoint.rollback()
        return None
    return result, savepoint


def test_move_rename_copy_matrix(board):
    target = board.unrestrictedTraverse("tin-tuc/van-hoa-xa-hoi")
    wrong = []
    for state in STATES:
        obj = make_item(board, "News Item", f"cua-{state}", state=state)
        path = obj.getPhysicalPath()
        for role in MOVE_ROLES:
            doors = {
                "move": lambda obj=obj: api.content.move(source=obj, target=target),
                "rename": lambda obj=obj: api.content.rename(obj=obj, new_id=f"{obj.getId()}-2"),
            }
            for door, call in doors.items():
                result = outcome(role, call)
                if result is not None:
                    moved, savepoint = result
                    assert api.content.get_state(moved) == state  # a move keeps it
                    savepoint.rollback()
                if (result is not None) != may_move(role, state):
                    wrong.append((door, role, state, result is not None))
                assert board.unrestrictedTraverse(path).getId() == obj.getId()
            copied = outcome(role, lambda obj=obj: api.content.copy(source=obj, target=target))
            if copied is not None:
                copy, savepoint = copied
                # A copy starts over as a draft, with its own history, whoever copies.
                assert api.content.get_state(copy) == DRAFT, (role, state)
                assert [e["action"] for e in copy.workflow_history[WORKFLOW_ID]] == [None]
                savepoint.rollback()
            if (copied is not None) != (role in (UPDATER, ADMINISTRATOR)):
                wrong.append(("copy", role, state, copied is not None))
    assert wrong == []


def test_a_publisher_who_also_updates_may_move_what_is_published(board):
    api.group.add_user(groupname="cap-nhat", username=user_id(PUBLISHER))
    obj = make_item(board, "News Item", "chuyen-muc", state=PUBLISHED)
    target = board.unrestrictedTraverse("tin-tuc/van-hoa-xa-hoi")
    with api.env.adopt_user(username=user_id(PUBLISHER)):
        moved = api.content.move(source=obj, target=target)
    assert moved.aq_parent is target and api.content.get_state(moved) == PUBLISHED
    # The same user without the publisher level: refused, with the reason.
    api.group.remove_user(groupname="xuat-ban", username=user_id(PUBLISHER))
    with api.env.adopt_user(username=user_id(PUBLISHER)):
        with pytest.raises(ProtectedItem, match="chỉ người xuất bản"):
            api.content.rename(obj=moved, new_id="doi-ten")


def test_folder_holding_published_items_not_moved_or_deleted_by_updater(board):
    section = board["gioi-thieu"]
    folder = api.content.create(container=section, type="Folder", id="ho-so", title="Hồ sơ")
    api.content.transition(obj=folder, transition="publish")
    page = api.content.create(container=folder, type="Document", id="trang", title="Trang")
    page.changeOwnership(api.user.get(userid=user_id(UPDATER)).getUser())
    for transition, role in ((SUBMIT, UPDATER), (APPROVE, REVIEWER), (PUBLISH, PUBLISHER)):
        with api.env.adopt_user(username=user_id(role)):
            api.portal.get_tool("portal_workflow").doActionFor(page, transition)
    with api.env.adopt_user(username=user_id(UPDATER)):
        with pytest.raises(ProtectedItem):
            api.content.move(source=folder, target=board["lien-he"])
        with pytest.raises(ProtectedItem, match="quản trị"):
            api.content.delete(obj=folder, check_linkintegrity=False)
    assert "ho-so" in section and "trang" in folder
    with api.env.adopt_user(username=user_id(ADMINISTRATOR)):
        api.content.move(source=folder, target=board["lien-he"])
    assert api.content.get_state(board["lien-he"]["ho-so"]["trang"]) == PUBLISHED


@pytest.mark.parametrize("state", [REVIEWED, PUBLISHED])
def test_only_administrators_edit_reviewed_and_published(board, state):
    obj = make_item(board, "News Item", f"sua-{state}", state=state)
    for role in MOVE_ROLES:
        with api.env.adopt_user(username=user_id(role)):
            may = api.user.has_permission("Modify portal content", obj=obj)
        assert may == (role == ADMINISTRATOR), (role, state)


def make_file(container, id, data=b"%PDF-1.4 quyet dinh"):
    return api.content.create(
        container=container,
        type="File",
        id=id,
        title=id,
        file=NamedBlobFile(data=data, contentType="application/pdf", filename=f"{id}.pdf"),
    )


def test_updater_uploads_are_private_until_a_publisher_publishes(board):
    section = board["gioi-thieu"]
    with api.env.adopt_user(username=user_id(UPDATER)):
        upload = make_file(section, "m3")
        assert api.content.get_state(upload) == PRIVATE
        # The updater cannot publish it; nor can a reviewer.
        with pytest.raises(WorkflowException):
            api.portal.get_tool("portal_workflow").doActionFor(upload, PUBLISH)
    for role in (ANONYMOUS, MEMBER, PUBLISHER):
        if role == ANONYMOUS:
            with api.env.adopt_roles(["Anonymous"]):
                assert not api.user.has_permission("View", obj=upload)
            continue
        with api.env.adopt_user(username=user_id(role)):
            assert api.user.has_permission("View", obj=upload) == (role == PUBLISHER)
    with api.env.adopt_user(username=user_id(PUBLISHER)):
        api.portal.get_tool("portal_workflow").doActionFor(upload, PUBLISH)
    with api.env.adopt_roles(["Anonymous"]):
        assert api.user.has_permission("View", obj=upload)
    # Published, only a publisher or an administrator moves it; nobody but
    # administrators replaces its content.
    with api.env.adopt_user(username=user_id(UPDATER)):
        assert not api.user.has_permission("Modify portal content", obj=upload)
        with pytest.raises(ProtectedItem):
            api.content.rename(obj=upload, new_id="m4")


def test_files_of_an_item_are_published_with_it(board):
    procedure = make_item(board, "Procedure", "thu-tuc-mau", state=REVIEWED)
    form = make_file(procedure, "to-khai")
    assert api.content.get_state(form) == PRIVATE
    with api.env.adopt_user(username=user_id(PUBLISHER)):
        api.portal.get_tool("portal_workflow").doActionFor(procedure, PUBLISH)
    assert api.content.get_state(form) == PUBLISHED
    with api.env.adopt_roles(["Anonymous"]):
        assert api.user.has_permission("View", obj=form)


def test_no_files_at_the_site_root_but_by_administrators(board):
    savepoint = transaction.savepoint()
    with api.env.adopt_user(username=user_id(UPDATER)):
        with pytest.raises(ProtectedItem, match="cấp cao nhất"):
            make_file(board, "goc")
    savepoint.rollback()  # what a request's abort does (test_matrix_web)
    assert "goc" not in board
    with api.env.adopt_user(username=user_id(ADMINISTRATOR)):
        make_file(board, "goc")
    assert "goc" in board
