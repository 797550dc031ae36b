"""Feedback: codes, input checks, storage, workflow, deadlines (integration)."""

import re
from datetime import date
from datetime import timedelta

import pytest
from plone import api

from dakto.policy.editorial_board.deadlines import holidays
from dakto.policy.editorial_board.deadlines import is_working_day
from dakto.policy.editorial_board.deadlines import local_day
from dakto.policy.feedback import codes
from dakto.policy.feedback import names
from dakto.policy.feedback import submit
from dakto.policy.feedback.deadlines import late_feedback
from dakto.policy.feedback.deadlines import step_deadline
from tests.feedback.helpers import DOC97
from tests.feedback.helpers import GOOD
from tests.feedback.helpers import PDF
from tests.feedback.helpers import PNG
from tests.feedback.helpers import all_feedback
from tests.feedback.helpers import make_feedback


def test_codes_are_random_unambiguous_and_checked():
    drawn = {codes.new_code() for _ in range(2000)}
    assert len(drawn) == 2000
    for code in drawn:
        assert codes.CODE_RE.match(code)
        assert not set(code[3:].replace("-", "")) & set("0O1IL")
    assert codes.normalise(" pa 7kqx-3mzd ") == "PA-7KQX-3MZD"
    for bad in ("PA-7KQX-3MZ0", "PA-OOOO-1111", "XX-7KQX-3MZD", "PA-7KQX", "", None, 42):
        assert codes.normalise(bad) is None
    taken = set()
    first = codes.unique_code(lambda c: c in taken)
    taken.add(first)
    assert codes.unique_code(lambda c: c in taken) != first


def test_validate_reports_each_field(portal):
    clean, errors = submit.validate({}, [])
    assert set(errors) >= {"name", "phone", "address", "subject", "content", "topic"}
    assert "email" not in errors  # optional by default
    clean, errors = submit.validate(dict(GOOD, email="not-an-email", phone="abc"), [])
    assert set(errors) == {"email", "phone"}
    clean, errors = submit.validate(dict(GOOD, subject="x" * 201, content="y" * 10001), [])
    assert set(errors) == {"subject", "content"}
    clean, errors = submit.validate(dict(GOOD, topic="khong-co"), [])
    assert set(errors) == {"topic"}
    clean, errors = submit.validate(dict(GOOD, name=["list"]), [])
    assert set(errors) == {"name"}


def test_required_fields_are_a_setting(portal):
    api.portal.set_registry_record("dakto.feedback.required_fields", ["sender_email"])
    clean, errors = submit.validate(dict(GOOD, name="", phone="", address="", email=""), [])
    assert set(errors) == {"email"}


def test_attachments_type_size_and_disguise(portal):
    ok = [("anh.png", PNG), ("don.pdf", PDF)]
    assert submit.validate(GOOD, ok)[1] == {}
    _, errors = submit.validate(GOOD, [("don.pdf", DOC97)])
    assert "attachments" in errors and "don.pdf" in str(errors["attachments"].mapping)
    _, errors = submit.validate(GOOD, [("virus.exe", b"MZ\x90\x00")])
    assert "attachments" in errors
    _, errors = submit.validate(GOOD, [("anh.jpg", PNG)])  # a PNG named .jpg
    assert "attachments" in errors
    api.portal.set_registry_record("dakto.feedback.max_attachment_kb", 1)
    _, errors = submit.validate(GOOD, [("don.pdf", PDF + b" " * 2048)])
    assert "attachments" in errors
    _, errors = submit.validate(GOOD, [("a.pdf", PDF)] * 4)
    assert "attachments" in errors


def test_markup_is_stored_as_typed(portal):
    script = '<script>alert("x")</script><b>đậm</b>'
    obj = make_feedback(name=script, subject=script, content=script, address=script)
    assert obj.title == script and obj.content == script and obj.sender_name == script


def test_created_item_is_private_and_coded(portal):
    obj = make_feedback()
    assert re.fullmatch(r"PA-[A-Z2-9]{4}-[A-Z2-9]{4}", obj.tracking_code)
    assert obj.getId() == obj.tracking_code.lower()
    assert obj.aq_parent.getId() == names.SECTION
    assert api.content.get_state(obj) == names.RECEIVED
    assert obj.consent["purposes"] == ["answer_feedback"]
    assert obj.consent["notice_version"] == "1.0"
    roles = [r["name"] for r in obj.rolesOfPermission("View") if r["selected"]]
    assert "Anonymous" not in roles and "Authenticated" not in roles
    assert len(all_feedback()) == 1
    catalog = api.portal.get_tool("portal_catalog")
    assert len(catalog.unrestrictedSearchResults(tracking_code=obj.tracking_code)) == 1


def test_anonymous_cannot_use_the_add_form(portal):
    section = portal[names.SECTION]
    fti = api.portal.get_tool("portal_types")[names.PORTAL_TYPE]
    assert fti.add_permission == "dakto.policy.AddFeedback"
    roles = [
        r["name"] for r in section.rolesOfPermission("dakto.policy: Add Feedback") if r["selected"]
    ]
    assert "Anonymous" not in roles and "Contributor" not in roles
    assert [t.getId() for t in section.allowedContentTypes()] in ([], ["Feedback"])


def test_workflow_through_every_state(manager):
    obj = make_feedback()
    person = api.content.create(
        container=manager["gioi-thieu"]["co-cau-to-chuc"],
        type="OrgUnit",
        id="vp",
        title="Văn phòng HĐND - UBND",
    )
    with pytest.raises(api.exc.InvalidParameterError):
        api.content.transition(obj, transition=names.CLASSIFY)  # kind not set yet
    obj.purpose = "kien-nghi"
    api.content.transition(obj, transition=names.CLASSIFY, comment="Đất đai")
    with pytest.raises(api.exc.InvalidParameterError):
        api.content.transition(obj, transition=names.FORWARD)
    obj.forwarded_to = person.UID()
    api.content.transition(obj, transition=names.FORWARD)
    with pytest.raises(api.exc.InvalidParameterError):
        api.content.transition(obj, transition=names.ANSWER)
    obj.answer = "UBND thị trấn đã giao Công an thị trấn kiểm tra."
    api.content.transition(obj, transition=names.ANSWER)
    api.content.transition(obj, transition=names.PUBLISH_QA)
    assert api.content.get_state(obj) == names.PUBLISHED_QA
    api.content.transition(obj, transition=names.CLOSE)
    history = obj.workflow_history[names.WORKFLOW_ID]
    assert [h["review_state"] for h in history] == [
        names.RECEIVED,
        names.CLASSIFIED,
        names.FORWARDED,
        names.ANSWERED,
        names.PUBLISHED_QA,
        names.CLOSED,
    ]
    assert all(h["actor"] for h in history[1:]) and history[1]["comments"] == "Đất đai"


def test_reject_needs_a_reason(manager):
    obj = make_feedback()
    with pytest.raises(api.exc.InvalidParameterError):
        api.content.transition(obj, transition=names.REJECT)
    obj.rejection_reason = "Nội dung quảng cáo, không phải phản ánh."
    api.content.transition(obj, transition=names.REJECT)
    assert api.content.get_state(obj) == names.REJECTED


def test_deadlines_and_late_items(manager):
    obj = make_feedback()
    received = step_deadline(obj)
    assert received > obj.created().asdatetime().date()
    obj.purpose = "phan-anh"
    api.content.transition(obj, transition=names.CLASSIFY)
    obj.forwarded_to = "x"
    api.content.transition(obj, transition=names.FORWARD)
    answer_due = step_deadline(obj)
    # 15 working days from receipt (NĐ 43/2011 Art. 17), weekends and holidays skipped
    start = local_day(obj.created())
    days = [start + timedelta(days=n) for n in range(1, (answer_due - start).days + 1)]
    assert sum(1 for d in days if is_working_day(d, holidays())) == 15
    assert is_working_day(answer_due, holidays())
    assert not list(late_feedback())
    late = late_feedback(today=date(answer_due.year + 1, 1, 5))
    assert [b.getId for b in late] == [obj.getId()]
    obj.answer = "Đã xử lý."
    api.content.transition(obj, transition=names.ANSWER)
    api.content.transition(obj, transition=names.CLOSE)
    assert step_deadline(obj) is None
    assert not list(late_feedback(today=date(answer_due.year + 1, 1, 5)))
