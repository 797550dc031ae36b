"""The intake register: install, lateness and approval status, filters, REST."""

from datetime import date
from datetime import timedelta

import pytest
from plone import api
from zExceptions import BadRequest

from dakto.policy.editorial_board import board
from dakto.policy.editorial_board import reports
from dakto.policy.editorial_board.content import INTAKE_REGISTER
from dakto.policy.editorial_board.content import REGISTER_ID
from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.names import SUBMIT
from dakto.policy.workflow.names import UPDATERS_GROUP
from tests.editorial_board.helpers import article
from tests.editorial_board.helpers import as_manager
from tests.editorial_board.helpers import create_members
from tests.editorial_board.helpers import dt
from tests.editorial_board.helpers import intake
from tests.editorial_board.helpers import set_time
from tests.editorial_board.helpers import walk


TODAY = date(2026, 12, 3)  # Thursday


def service(cls, context, request):
    """A REST service object as plone.rest makes it (context and request set)."""
    found = cls()
    found.context, found.request = context, request
    return found


@pytest.fixture
def board_site(portal):
    as_manager(portal)
    create_members()
    # Received Thursday 26/11 → deadline Monday 30/11; approved Friday 27/11: on time.
    on_time = article(portal, "bai-dung-han", "Hội nghị tổng kết năm")
    walk(on_time, SUBMIT, APPROVE)
    set_time(on_time, APPROVE, "2026/11/27 10:00")
    intake(portal, "a", dt("2026-11-26 09:00"), channel="zalo", sender="Y Blông", article=on_time)
    # Received 20/11 (Friday) → deadline Monday 23/11; approved 25/11: 2 days late.
    late_ok = article(portal, "bai-tre-han", "Ra quân làm đường giao thông")
    walk(late_ok, SUBMIT, APPROVE)
    set_time(late_ok, APPROVE, "2026/11/25 08:00")
    intake(
        portal,
        "b",
        dt("2026-11-20 15:00"),
        channel="email",
        sender="Trần Thị Hoa",
        unit="Trường Tiểu học Kim Đồng",
        article=late_ok,
        creator="capnhat2",
    )
    # Received Monday 30/11 → deadline Thursday 3/12: waiting on TODAY.
    intake(portal, "c", dt("2026-11-30 08:00"), channel="paper", sender="A Thắng")
    # Received 26/10 → deadline 29/10: not approved, 35 days late on 3/12.
    pending = article(portal, "bai-cho", "Tiêm chủng mở rộng")
    walk(pending, SUBMIT)
    intake(
        portal,
        "d",
        dt("2026-10-26 14:00"),
        channel="paper",
        sender="Y Blông",
        article=pending,
        creator="capnhat2",
    )
    return portal


def statuses(**filters):
    return {
        e["record"].getId(): (e["status"], e["days_late"], e["on_time"])
        for e in board.intake_entries(today=TODAY, **filters)
    }


def test_install_creates_a_private_register(portal):
    folder = portal[REGISTER_ID]
    assert folder.portal_type == INTAKE_REGISTER
    assert folder.exclude_from_nav
    assert "View" not in [p["name"] for p in folder.permissionsOfRole("Anonymous") if p["selected"]]
    assert "Contributor" in folder.get_local_roles_for_userid(UPDATERS_GROUP)
    types = api.portal.get_tool("portal_types")
    assert not types["IntakeRecord"].global_allow
    assert not types[INTAKE_REGISTER].global_allow


def test_install_is_idempotent(portal):
    from dakto.policy.editorial_board.setup import install

    as_manager(portal)
    install(portal)
    install(portal)
    assert [i for i in portal.objectIds() if i.startswith(REGISTER_ID)] == [REGISTER_ID]


def test_status_and_lateness(board_site):
    assert statuses() == {
        "a": ("approved", 0, True),
        "b": ("approved", 2, False),
        "c": ("waiting", 0, None),
        "d": ("late", 35, None),
    }
    # Oldest receipt first.
    assert [e["record"].getId() for e in board.intake_entries(today=TODAY)] == ["d", "b", "a", "c"]


def test_deadline_follows_the_setting(board_site):
    api.portal.set_registry_record("dakto.editorial.approval_deadline_days", 10)
    entry = {e["record"].getId(): e for e in board.intake_entries(today=TODAY)}
    assert entry["d"]["deadline"] == date(2026, 11, 5)
    assert entry["c"]["deadline"] == date(2026, 12, 10)


def test_filter_by_channel(board_site):
    assert set(statuses(channel="paper")) == {"c", "d"}
    assert set(statuses(channel="email")) == {"b"}


def test_filter_by_person_sender_or_updater(board_site):
    assert set(statuses(person="y blong")) == {"a", "d"}  # without diacritics
    assert set(statuses(person="Y Blông")) == {"a", "d"}
    assert set(statuses(person="capnhat2")) == {"b", "d"}  # who logged it
    assert set(statuses(person="nobody")) == set()


def test_filter_by_month_and_status(board_site):
    assert set(statuses(month="2026-11")) == {"a", "b", "c"}
    assert set(statuses(month="2026-10")) == {"d"}
    assert set(statuses(status="late")) == {"d"}
    assert set(statuses(status="open")) == {"c", "d"}
    assert set(statuses(month="2026-11", channel="paper")) == {"c"}


@pytest.mark.parametrize(
    "form,name",
    [
        ({"channel": "fax"}, "channel"),
        ({"month": "2026-13"}, "month"),
        ({"month": "11/2026"}, "month"),
        ({"status": "done"}, "status"),
    ],
)
def test_bad_filters_are_refused(form, name):
    with pytest.raises(reports.FilterError) as info:
        reports.register_filters(form)
    assert info.value.name == name


def test_rest_service(board_site):
    request = board_site.REQUEST
    request.form.update({"channel": "paper"})
    from dakto.policy.editorial_board.services import IntakeRegisterGet

    getter = service(IntakeRegisterGet, board_site[REGISTER_ID], request)
    answer = getter.reply()
    assert {item["title"] for item in answer["items"]} == {"Bài c", "Bài d"}
    item = next(i for i in answer["items"] if i["title"] == "Bài d")
    from dakto.policy.editorial_board.deadlines import today

    assert item["status"] == "late"
    assert item["days_late"] == (today() - date(2026, 10, 29)).days
    assert item["article"]["title"] == "Tiêm chủng mở rộng"
    assert item["deadline"] == "2026-10-29"
    request.form["channel"] = "fax"
    with pytest.raises(BadRequest, match="channel"):
        getter.reply()


def test_register_page_shows_filters_and_lateness(board_site):
    request = board_site.REQUEST
    request.form.update({"status": "late"})
    html = api.content.get_view("intake-register", board_site[REGISTER_ID], request)()
    assert "Bài d" in html and "Bài a" not in html
    assert 'name="channel"' in html and 'for="intake-month"' in html
    assert "29/10/2026" in html  # the deadline, dd/mm/yyyy


def test_register_page_bad_filter_shows_a_message(board_site):
    request = board_site.REQUEST
    request.form.update({"month": "2026-13"})
    html = api.content.get_view("intake-register", board_site[REGISTER_ID], request)()
    assert "2026-13" in html and "alert-danger" in html


def test_soft_copy_is_required():
    from dakto.policy.editorial_board.content import IIntakeRecord

    assert IIntakeRecord["soft_copy"].required
    assert IIntakeRecord["received"].required
    assert IIntakeRecord["channel"].required


def test_days_late_grow_with_today(board_site):
    later = {
        e["record"].getId(): e["days_late"]
        for e in board.intake_entries(today=TODAY + timedelta(days=5))
    }
    assert later["d"] == 40 and later["c"] == 5
