"""The dashboard: what each role sees, oldest first, with deadlines; legal documents."""

from datetime import date

import pytest
from plone import api

from dakto.policy.editorial_board import board
from dakto.policy.editorial_board import reports
from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import REVIEWED
from dakto.policy.workflow.names import SUBMIT
from tests.editorial_board.helpers import article
from tests.editorial_board.helpers import as_manager
from tests.editorial_board.helpers import create_members
from tests.editorial_board.helpers import dt
from tests.editorial_board.helpers import intake
from tests.editorial_board.helpers import publish
from tests.editorial_board.helpers import set_time
from tests.editorial_board.helpers import walk
from tests.legal_documents.helpers import make as make_legal
from tests.legal_documents.helpers import prepare as prepare_legal


TODAY = date(2026, 12, 3)  # Thursday


@pytest.fixture
def queues(portal):
    as_manager(portal)
    create_members()
    newer = article(portal, "moi", "Bài gửi sau")
    walk(newer, SUBMIT)
    set_time(newer, SUBMIT, "2026/12/02 08:00")
    older = article(portal, "cu", "Bài gửi trước")
    walk(older, SUBMIT)
    set_time(older, SUBMIT, "2026/11/20 08:00")  # Friday → deadline Monday 23/11
    linked = article(portal, "co-so", "Bài có sổ tiếp nhận")
    walk(linked, SUBMIT)
    set_time(linked, SUBMIT, "2026/12/01 08:00")
    # Received 16/11 → deadline 19/11 (the register's, not the submission's).
    intake(portal, "so", dt("2026-11-16 08:00"), article=linked)
    approved = article(portal, "da-duyet", "Bài đã duyệt")
    walk(approved, SUBMIT, APPROVE)
    set_time(approved, SUBMIT, "2026/11/30 08:00")
    set_time(approved, APPROVE, "2026/12/01 08:00")
    return portal


def test_review_queue_oldest_first_with_deadlines(queues):
    pending = board.review_queue(PENDING_REVIEW, today=TODAY)
    assert [e["object"].getId() for e in pending] == ["cu", "co-so", "moi"]
    by_id = {e["object"].getId(): e for e in pending}
    assert by_id["cu"]["deadline"] == date(2026, 11, 23) and by_id["cu"]["days_late"] == 10
    assert by_id["co-so"]["deadline"] == date(2026, 11, 19) and by_id["co-so"]["days_late"] == 14
    assert by_id["moi"]["deadline"] == date(2026, 12, 7) and not by_id["moi"]["late"]
    reviewed = board.review_queue(REVIEWED, today=TODAY)
    assert [e["object"].getId() for e in reviewed] == ["da-duyet"]
    # Submitted Monday 30/11 → deadline Thursday 3/12, approved 1/12: not late.
    assert reviewed[0]["days_late"] == 0


@pytest.mark.parametrize(
    "user,sections",
    [
        ("kiemduyet", {"pending_review"}),
        ("xuatban", {"reviewed"}),
        ("quantri", {"pending_review", "reviewed"}),
        ("capnhat1", set()),
    ],
)
def test_each_role_sees_its_queue(queues, user, sections):
    with api.env.adopt_user(username=user):
        data = reports.dashboard(today=TODAY)
    assert {key for key in ("pending_review", "reviewed") if key in data} == sections
    if "pending_review" in sections:
        assert [i["title"] for i in data["pending_review"]][0] == "Bài gửi trước"
    if "reviewed" in sections:
        assert [i["title"] for i in data["reviewed"]] == ["Bài đã duyệt"]
    assert "intake_open" in data and "legal_late" in data


def test_dashboard_page_for_a_reviewer(queues):
    with api.env.adopt_user(username="kiemduyet"):
        html = queues.restrictedTraverse("@@editorial-dashboard")()
    assert "Bài gửi trước" in html and "Bài đã duyệt" not in html
    assert "23/11/2026" in html


def test_legal_documents_late_due_soon_published_late(portal):
    as_manager(portal)
    create_members()
    folder = prepare_legal(portal)
    today = board.deadlines.today()
    holidays = board.deadlines.holidays()
    # A document issued long enough ago that its 2 working days passed.
    late_issue = today - __import__("datetime").timedelta(days=10)
    make_legal(
        folder,
        "tre",
        "101/QĐ-UBND",
        title="Chưa đăng, quá hạn",
        publish=False,
        issue_date=late_issue,
    )
    make_legal(
        folder, "hom-nay", "102/QĐ-UBND", title="Ban hành hôm nay", publish=False, issue_date=today
    )
    doc = make_legal(
        folder, "dang-tre", "103/QĐ-UBND", title="Đăng trễ", publish=False, issue_date=late_issue
    )
    publish(doc)  # published today, long after its deadline
    on_time = make_legal(
        folder,
        "dung-han",
        "104/QĐ-UBND",
        title="Đăng đúng hạn",
        publish=False,
        issue_date=late_issue,
    )
    publish(on_time, at=late_issue.strftime("%Y/%m/%d") + " 15:00")
    late, soon, published_late = board.legal_documents(today=today)
    assert [e["object"].getId() for e in late] == ["tre"]
    assert (
        late[0]["days_late"] == (today - board.deadlines.legal_deadline(late_issue, holidays)).days
    )
    # Issued today: the deadline is 2 working days away — not due soon yet,
    # unless today is so placed that the 2nd working day is tomorrow (never).
    assert [e["object"].getId() for e in soon] == []
    assert [e["object"].getId() for e in published_late] == ["dang-tre"]
    # On the day before its deadline, the document issued today is due soon.
    deadline = board.deadlines.legal_deadline(today, holidays)
    day_before = board.deadlines.add_working_days(today, 1, holidays)
    _late, soon, _pl = board.legal_documents(today=day_before)
    assert "hom-nay" in [e["object"].getId() for e in soon]
    assert deadline > day_before


@pytest.mark.parametrize(
    "user,shown",
    [("kiemduyet", True), ("xuatban", True), ("capnhat1", True), ("nguoidan", False)],
)
def test_personal_bar_link_for_board_members(portal, user, shown):
    as_manager(portal)
    create_members()
    api.user.create(email="dan@example.org", username="nguoidan", password="mat-khau-rat-dai-42")
    tool = api.portal.get_tool("portal_actions")
    with api.env.adopt_user(username=user):
        actions = tool.listFilteredActionsFor(portal).get("user", [])
    found = [a for a in actions if a["id"] == "editorial-dashboard"]
    assert bool(found) is shown
    if shown:
        assert found[0]["url"].endswith("/@@editorial-dashboard")
