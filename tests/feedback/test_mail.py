"""Mail of the feedback (issues 13.5 and 19.2): the citizen is told the code
was mailed only when the SMTP server took the mail; without mail settings the
log gets one line (no traceback) and Site Setup shows administrators a
warning. A real SMTP server (tests/servers.py) for the configured case."""

import json
import logging

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from dakto.policy import mail as mail_module
from dakto.policy.editorial_board import notifications
from dakto.policy.feedback import names
from tests.feedback.helpers import GOOD
from tests.feedback.test_public import _fill
from tests.feedback.test_public import _post
from tests.servers import free_port


MAILED_VI = "Mã này cũng đã được gửi đến địa chỉ thư điện tử của bạn."
NOTE_VI = "Hãy ghi lại mã này: mã chưa được gửi đến bạn qua thư điện tử."
WARNING_VI = "Chưa cấu hình thư điện tử."


def _send_form(functional, values=GOOD):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.raiseHttpErrors = False
    browser.open(f"{functional['portal'].absolute_url()}/@@{names.FORM_VIEW}")
    _fill(browser, values)
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("200")
    return browser.contents


def _mail_records(caplog):
    return [r for r in caplog.records if r.name == mail_module.__name__]


def _no_traceback(caplog):
    assert not [r for r in caplog.records if r.exc_info], caplog.text
    assert "Traceback" not in caplog.text


def test_not_configured_one_log_line_and_the_page_says_to_note_the_code(functional, caplog):
    assert not mail_module.configured()  # a fresh site: no sender address
    caplog.set_level(logging.INFO)
    html = _send_form(functional)
    assert 'id="tracking-code"' in html  # the citizen still gets the code
    _no_traceback(caplog)
    [record] = _mail_records(caplog)
    assert record.levelno == logging.WARNING
    assert "not configured" in record.getMessage()
    assert NOTE_VI in html and MAILED_VI not in html


def test_not_configured_rest_answer_says_not_mailed(functional, caplog):
    caplog.set_level(logging.INFO)
    status, text = _post(
        functional["portal"].absolute_url(), dict(GOOD, consent=["answer_feedback"])
    )
    assert status == 201, text
    answer = json.loads(text)
    assert answer["mailed"] is False and answer["message"] == NOTE_VI
    assert len(_mail_records(caplog)) == 1
    _no_traceback(caplog)


def test_configured_the_code_is_mailed_and_the_page_says_so(functional, mail, caplog):
    caplog.set_level(logging.INFO)
    html = _send_form(functional)
    assert MAILED_VI in html and NOTE_VI not in html
    [message] = mail.to(GOOD["email"])  # already there: handed over before the page
    body = mail.body(message)
    assert "Kính gửi ông/bà Nguyễn Thị Hoa" in body  # the receipt in Vietnamese
    assert "@@tra-cuu-phan-anh?code=" in body
    status, text = _post(
        functional["portal"].absolute_url(), dict(GOOD, consent=["answer_feedback"])
    )
    assert status == 201 and json.loads(text)["mailed"] is True
    assert json.loads(text)["message"] == MAILED_VI
    assert len(mail.to(GOOD["email"])) == 2
    assert not _mail_records(caplog)


def test_without_an_email_address_nothing_is_promised(functional, mail):
    html = _send_form(functional, dict(GOOD, email=""))
    assert NOTE_VI in html and MAILED_VI not in html
    assert not mail.messages


def test_smtp_server_down_is_one_line_and_no_promise(functional, mail, caplog):
    port = free_port()  # nothing listens there
    mailhost = api.portal.get_tool("MailHost")
    mailhost.smtp_port = port
    api.portal.set_registry_record("plone.smtp_port", port)
    transaction.commit()
    caplog.set_level(logging.INFO)
    html = _send_form(functional)
    assert 'id="tracking-code"' in html and NOTE_VI in html and MAILED_VI not in html
    [record] = _mail_records(caplog)
    assert "was not sent" in record.getMessage()
    _no_traceback(caplog)
    assert not mail.messages


def _overview(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.addHeader("Accept-Language", "vi")
    browser.open(f"{functional['portal'].absolute_url()}/@@overview-controlpanel")
    return browser.contents


def test_site_setup_warns_when_mail_is_not_configured(functional):
    html = _overview(functional)
    assert WARNING_VI in html
    assert "@@mail-controlpanel" in html.split(WARNING_VI, 1)[1][:1000]


def test_site_setup_has_no_warning_once_configured(functional, mail):
    assert WARNING_VI not in _overview(functional)


def test_the_editorial_notifications_log_one_line_when_not_configured(portal, caplog):
    caplog.set_level(logging.INFO)
    sent = notifications.send(["a@example.vn", "b@example.vn"], "[Chờ kiểm duyệt] Bài", "Nội dung")
    assert sent == 0
    assert len(_mail_records(caplog)) == 1
    _no_traceback(caplog)
