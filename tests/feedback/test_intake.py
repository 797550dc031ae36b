"""Quy chế Điều 9.1: "Ban biên tập là đầu mối tiếp nhận thông tin phản hồi
được bạn đọc gửi đến bằng các hình thức qua mạng hoặc gửi trực tiếp". The
staff who receive feedback (the receivers' group) log what was handed in
directly — in person, by phone, by letter, by Zalo — with its channel and
the day it was received, through the same checks, workflow and tracking code
as the web form, and print the citizen's receipt. The report counts each
item in the period of the day it was received."""

import json
from datetime import date
from datetime import timedelta

import transaction
from plone import api

from dakto.policy.dates import today
from dakto.policy.feedback import intake
from dakto.policy.feedback import names
from dakto.policy.feedback import status
from dakto.policy.feedback.deadlines import answer_deadline
from dakto.policy.feedback.report import feedback_sections
from dakto.policy.reports.period import Period
from tests.feedback.helpers import GOOD
from tests.feedback.helpers import PASSWORD
from tests.feedback.helpers import all_feedback
from tests.feedback.helpers import browser_as
from tests.feedback.helpers import make_feedback
from tests.servers import http_get


RECEIVER = "tiep-nhan-2"
EDITOR = "cap-nhat-2"


def _users():
    api.user.create(email="tn2@example.vn", username=RECEIVER, password=PASSWORD)
    api.group.add_user(groupname=names.RECEIVERS_GROUP, username=RECEIVER)
    api.user.create(email="cn2@example.vn", username=EDITOR, password=PASSWORD)
    api.group.add_user(groupname="cap-nhat", username=EDITOR)


def _intake_url(portal):
    return f"{portal.absolute_url()}/@@{intake.INTAKE_VIEW}"


def _fill(browser, channel="truc-tiep", received=None, **overrides):
    values = dict(GOOD, **overrides)
    for name in ("name", "phone", "email", "address", "subject", "content"):
        browser.getControl(name=name).value = values[name]
    browser.getControl(name="topic").value = [values["topic"]]
    if channel:
        browser.getControl(name="channel").value = [channel]
    browser.getControl(name="date_received").value = (received or today()).isoformat()
    browser.getControl(name="consent:list").getControl(value="answer_feedback").selected = True


def test_a_receiver_logs_feedback_handed_in_directly_and_prints_the_receipt(functional, mail):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        _users()
    transaction.commit()
    mail.messages.clear()
    received = today() - timedelta(days=3)
    browser = browser_as(functional, RECEIVER)
    # the public form shows the receivers the way to their intake page
    browser.open(f"{portal.absolute_url()}/{names.SECTION}/@@{names.FORM_VIEW}")
    browser.getLink(id="intake-link").click()
    assert browser.url == _intake_url(portal)
    assert browser.headers["status"].startswith("200")
    assert "Qua điện thoại" in browser.contents and "Trực tiếp" in browser.contents
    assert 'value="web"' not in browser.contents  # the web form logs itself
    _fill(browser, channel="dien-thoai", received=received, subject="Cống tắc ở tổ 5")
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("200"), browser.contents
    assert "Giấy biên nhận" in browser.contents
    transaction.begin()
    [brain] = [b for b in all_feedback() if b.Title == "Cống tắc ở tổ 5"]
    obj = brain._unrestrictedGetObject()
    assert obj.tracking_code in browser.contents
    assert obj.channel == "dien-thoai" and obj.received_on == received
    assert api.content.get_state(obj) == names.RECEIVED  # the same workflow
    # the receipt, printed for the citizen: the code, the day received, the deadline
    browser.getLink(id="receipt-link").click()
    assert browser.url.endswith("/@@giay-bien-nhan")
    assert obj.tracking_code in browser.contents and "Qua điện thoại" in browser.contents
    assert received.strftime("%d/%m/%Y") in browser.contents
    assert answer_deadline(obj).strftime("%d/%m/%Y") in browser.contents
    # the citizen follows it with the code, as any other
    info = status.status_info(status.find(obj.tracking_code), obj.REQUEST)
    assert info["channel"] == "dien-thoai" and info["received"] == received.isoformat()
    # and got the code by mail
    assert mail.to(GOOD["email"])


def test_the_intake_form_refuses_bad_input_and_stores_nothing(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        _users()
    transaction.commit()
    before = len(all_feedback())
    cases = (
        ("", today(), "fb-channel-error"),  # the channel must be chosen
        ("zalo", today() + timedelta(days=1), "fb-date_received-error"),  # not in the future
        ("thu", intake.earliest() - timedelta(days=1), "fb-date_received-error"),  # nor too old
    )
    for channel, received, error_id in cases:
        browser = browser_as(functional, RECEIVER)
        browser.open(_intake_url(portal))
        _fill(browser, channel=channel, received=received)
        browser.getControl(name="form.submitted").click()
        assert browser.headers["status"].startswith("400"), (channel, received)
        assert f'id="{error_id}"' in browser.contents
    transaction.begin()
    assert len(all_feedback()) == before


def test_anonymous_and_editors_cannot_log_feedback(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        _users()
    transaction.commit()
    for user in (None, EDITOR):
        browser = browser_as(functional, user)
        browser.open(f"{portal.absolute_url()}/{names.SECTION}/@@{names.FORM_VIEW}")
        assert 'id="intake-link"' not in browser.contents
        browser.handleErrors = True
        browser.open(_intake_url(portal))
        assert (
            "/login?came_from=" in browser.url
            or "insufficient-privileges" in browser.url
            or browser.headers["status"][:3] in ("401", "403")
        ), user
        assert 'name="date_received"' not in browser.contents


# --- REST: POST @feedback -----------------------------------------------


def _post(portal, body, user=None):
    return http_get(
        f"{portal.absolute_url()}/@feedback",
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        data=json.dumps(body).encode(),
        method="POST",
        auth=(user, PASSWORD) if user else None,
    )


def _body(**extra):
    return dict(GOOD, consent=["answer_feedback"], **extra)


def test_staff_post_the_channel_and_the_date_received(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        _users()
    transaction.commit()
    received = today() - timedelta(days=2)
    code, text = _post(
        portal, _body(channel="zalo", date_received=received.isoformat()), user=RECEIVER
    )
    assert code == 201, text
    transaction.begin()
    obj = status.find(json.loads(text)["tracking_code"])
    assert obj.channel == "zalo" and obj.received_on == received
    # left out: received through the web, today
    code, text = _post(portal, _body(), user=RECEIVER)
    assert code == 201, text
    transaction.begin()
    obj = status.find(json.loads(text)["tracking_code"])
    assert obj.channel == "web"


def test_staff_bad_values_are_400_with_a_reason(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        _users()
    transaction.commit()
    before = len(all_feedback())
    future = (today() + timedelta(days=1)).isoformat()
    for extra, field in (
        ({"channel": "fax"}, "channel"),
        ({"channel": 7}, "channel"),
        ({"date_received": future}, "date_received"),
        ({"date_received": "31/02/2026"}, "date_received"),
        ({"date_received": intake.earliest().replace(year=2000).isoformat()}, "date_received"),
    ):
        code, text = _post(portal, _body(**extra), user=RECEIVER)
        assert code == 400, (extra, text)
        error = json.loads(text)["error"]
        assert error["field"] == field and error["message"].startswith(f"{field}: ")
    transaction.begin()
    assert len(all_feedback()) == before


def test_anonymous_web_feedback_is_always_web_received_now(functional):
    """Chosen: an anonymous channel or date_received is a 400 with the
    reason (not silently ignored): the sender learns it was not taken."""
    portal = functional["portal"]
    before = len(all_feedback())
    for extra in ({"channel": "truc-tiep"}, {"date_received": "2026-01-01"}):
        code, text = _post(portal, _body(**extra))
        assert code == 400, text
        error = json.loads(text)["error"]
        assert error["field"] in intake.STAFF_FIELDS
        assert "cán bộ" in error["message"] or "staff" in error["message"]
    transaction.begin()
    assert len(all_feedback()) == before
    code, text = _post(portal, _body())
    assert code == 201, text
    transaction.begin()
    obj = status.find(json.loads(text)["tracking_code"])
    assert obj.channel == "web" and obj.received_on is None


# --- the report: by the day received ------------------------------------


def test_the_report_counts_feedback_in_the_period_it_was_received(manager):
    from DateTime import DateTime

    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    april = Period(date(2026, 4, 1), date(2026, 4, 30))
    letter = make_feedback(subject="Thư gửi ngày 30/3")
    letter.channel, letter.received_on = "thu", date(2026, 3, 30)
    letter.creation_date = DateTime("2026/04/02 09:00 GMT+7")  # logged in April
    letter.reindexObject()
    web = make_feedback(subject="Qua mạng")
    web.creation_date = DateTime("2026/03/10 09:00 GMT+7")
    web.reindexObject()

    def received(period):
        [summary, *_rest] = feedback_sections(period, date(2026, 6, 1))
        return {str(row[0]): row[1] for row in summary["rows"]}["Received"]

    assert received(march) == 2
    assert received(april) == 0
