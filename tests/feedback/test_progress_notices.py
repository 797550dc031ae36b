"""Progress notices (NĐ 43/2011 Art. 17 as carried on; legal notes): within
the answer deadline the citizen is told either the answer, or that the
matter is being handled with the expected date. Staff of the receivers'
group send the notice; it is kept in the item's history, shown on the
follow-up page, mailed to the sender (a real SMTP server) and counted by the
report as on time."""

from datetime import date
from datetime import timedelta

import transaction
from DateTime import DateTime
from plone import api

from dakto.policy.editorial_board.deadlines import holidays
from dakto.policy.editorial_board.deadlines import next_working_day
from dakto.policy.feedback import names
from dakto.policy.feedback import progress
from dakto.policy.feedback.deadlines import answer_deadline
from dakto.policy.feedback.deadlines import informed_late
from dakto.policy.feedback.deadlines import step_deadline
from dakto.policy.feedback.report import feedback_sections
from dakto.policy.reports.period import Period
from tests.feedback.helpers import GOOD
from tests.feedback.helpers import PASSWORD
from tests.feedback.helpers import browser_as
from tests.feedback.helpers import make_feedback


RECEIVER = "tiep-nhan-1"


def _forwarded(obj):
    obj.purpose = "phan-anh"
    api.content.transition(obj, transition=names.CLASSIFY)
    obj.forwarded_to = "x"
    api.content.transition(obj, transition=names.FORWARD)
    return obj


def _received_on(obj, day):
    obj.creation_date = DateTime(f"{day.isoformat()} 09:00 GMT+7")
    obj.reindexObject()


def _set_time(obj, state, when):
    wf = obj.workflow_history[names.WORKFLOW_ID]
    obj.workflow_history[names.WORKFLOW_ID] = tuple(
        dict(e, time=when) if e.get("review_state") == state else e for e in wf
    )


def _later(days):
    return next_working_day(date.today() + timedelta(days=days), holidays())


# --- the rule: told within the deadline, the answer may come later ---------


def test_a_notice_within_the_deadline_counts_as_on_time_though_the_answer_is_late(manager):
    received = date(2026, 3, 2)
    told = _forwarded(make_feedback(subject="Được thông báo tiến độ"))
    silent = _forwarded(make_feedback(subject="Không được thông báo"))
    for obj in (told, silent):
        _received_on(obj, received)
    due = answer_deadline(told)
    told.progress_notices = None
    progress.add(told, "Đang xác minh tại hiện trường.", due + timedelta(days=20))
    told.progress_notices[0]["time"] = DateTime(f"{due.isoformat()} 16:00 GMT+7")
    for obj in (told, silent):
        obj.answer = "Đã sửa đèn."
        api.content.transition(obj, transition=names.ANSWER)
        _set_time(
            obj, names.ANSWERED, DateTime(f"{(due + timedelta(days=10)).isoformat()} 10:00 GMT+7")
        )
    assert not informed_late(told)
    assert informed_late(silent)
    period = Period(date(2026, 3, 1), date(2026, 3, 31))
    [summary, *_rest] = feedback_sections(period, date(2026, 6, 1))
    rows = {str(label): number for label, number in summary["rows"]}
    assert rows["Received"] == 2 and rows["Answered"] == 2
    assert rows["Answered, or told of the progress, within the deadline"] == 1
    assert rows["Late (answered late, or unanswered past the deadline)"] == 1
    assert rows["Told of the progress (progress notice)"] == 1


def test_a_notice_after_the_deadline_is_late(manager):
    obj = _forwarded(make_feedback())
    _received_on(obj, date(2026, 3, 2))
    due = answer_deadline(obj)
    progress.add(obj, "Đang xử lý.", due + timedelta(days=20))
    obj.progress_notices[0]["time"] = DateTime(
        f"{(due + timedelta(days=1)).isoformat()} 08:00 GMT+7"
    )
    assert informed_late(obj, today=due + timedelta(days=30))


def test_the_forwarded_step_is_due_on_the_announced_day(manager):
    obj = _forwarded(make_feedback())
    due = step_deadline(obj)
    promised = due + timedelta(days=30)
    progress.add(obj, "Cần thêm thời gian xác minh.", promised)
    assert step_deadline(obj) == promised
    assert answer_deadline(obj) == due  # the legal deadline itself does not move


def test_bad_input_is_refused_with_a_reason(manager):
    obj = make_feedback()
    _clean, errors = progress.validate(obj, "  ", "")
    assert set(errors) == {"text", "expected"}
    _clean, errors = progress.validate(obj, "x" * (progress.MAX_TEXT + 1), "31/02/2027")
    assert set(errors) == {"text", "expected"}
    _clean, errors = progress.validate(obj, "Đang xử lý.", date.today().isoformat())
    assert set(errors) == {"expected"}  # the expected day must be after today
    clean, errors = progress.validate(obj, " Đang xử lý. ", "15/01/2099")
    assert not errors and clean == {"text": "Đang xử lý.", "expected": date(2099, 1, 15)}
    _forwarded(obj)
    obj.answer = "Đã trả lời."
    api.content.transition(obj, transition=names.ANSWER)
    _clean, errors = progress.validate(obj, "Đang xử lý.", "15/01/2099")
    assert set(errors) == {"form"}  # answered: nothing left to announce


# --- through the web: the receiver sends it, the citizen sees and gets it ---


def _receiver(portal):
    api.user.create(email="tn@example.vn", username=RECEIVER, password=PASSWORD)
    api.group.add_user(groupname=names.RECEIVERS_GROUP, username=RECEIVER)


def test_the_receiver_sends_a_notice_the_citizen_reads_it_and_gets_a_mail(functional, mail):
    portal = functional["portal"]
    _receiver(portal)
    with api.env.adopt_roles(["Manager"]):
        obj = _forwarded(make_feedback())
    code = obj.tracking_code
    transaction.commit()
    mail.messages.clear()
    expected = _later(40)
    browser = browser_as(functional, RECEIVER)
    browser.open(f"{obj.absolute_url()}/@@feedback-view")
    assert "@@thong-bao-tien-do" in browser.contents
    browser.open(f"{obj.absolute_url()}/@@thong-bao-tien-do")
    assert browser.headers["status"].startswith("200")
    browser.getControl(
        name="text"
    ).value = "Đã chuyển Phòng Kinh tế - Hạ tầng kiểm tra hiện trường."
    browser.getControl(name="expected").value = expected.isoformat()
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("200"), browser.contents
    assert browser.url.endswith("@@feedback-view")
    assert "kiểm tra hiện trường" in browser.contents
    day = expected.strftime("%d/%m/%Y")
    # the follow-up page, for anyone holding the code
    public = browser_as(functional)
    public.open(f"{portal.absolute_url()}/@@{names.STATUS_VIEW}?code={code}")
    assert 'id="feedback-progress"' in public.contents
    assert "Thông báo tiến độ" in public.contents
    assert "kiểm tra hiện trường" in public.contents and day in public.contents
    # the citizen's mail, in Vietnamese, with the expected day and the link
    [message] = mail.to(GOOD["email"])
    body = mail.body(message)
    assert "kiểm tra hiện trường" in body and day in body
    assert "đang được xử lý" in body and f"Dự kiến trả lời trước ngày {day}" in body
    assert f"@@{names.STATUS_VIEW}?code={code}" in body


def test_the_form_refuses_bad_input_with_messages_and_400(functional, mail):
    _receiver(functional["portal"])
    with api.env.adopt_roles(["Manager"]):
        obj = make_feedback()
    transaction.commit()
    browser = browser_as(functional, RECEIVER)
    browser.open(f"{obj.absolute_url()}/@@thong-bao-tien-do")
    browser.getControl(name="text").value = ""
    browser.getControl(name="expected").value = "2020-01-01"
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("400")
    assert 'id="progress-text-error"' in browser.contents
    assert 'id="progress-expected-error"' in browser.contents
    transaction.begin()
    assert not obj.__dict__.get("progress_notices")
    assert not mail.messages


def test_anonymous_and_editors_cannot_send_a_notice(functional):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="bt@example.vn", username="bien-tap", password=PASSWORD)
        api.user.grant_roles(username="bien-tap", roles=["Editor"])
        obj = make_feedback()
    transaction.commit()
    for user in (None, "bien-tap"):
        browser = browser_as(functional, user)
        browser.handleErrors = True
        browser.open(f"{obj.absolute_url()}/@@thong-bao-tien-do")
        assert (
            "/login?came_from=" in browser.url
            or "insufficient-privileges" in browser.url
            or browser.headers["status"][:3] in ("401", "403")
        )
        assert 'name="expected"' not in browser.contents
