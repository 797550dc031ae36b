"""Personal data: notice, consent per purpose, holders, export / correct /
erase, retention purge, and the shared anti-spam module."""

import json
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

from dakto.instance.cli import build_parser
from dakto.policy import antispam
from dakto.policy.feedback import names
from dakto.policy.personal_data import consent
from dakto.policy.personal_data import holders
from dakto.policy.personal_data.interfaces import NOTICE_ID
from tests.feedback.helpers import make_feedback
from tests.servers import http_get


class FakeRequest(dict):
    def __init__(self, form=None, addr="10.0.0.1", **env):
        super().__init__(env)
        self.form = form or {}
        self.addr = addr
        self.environ = env

    def getClientAddr(self):
        return self.addr


def test_notice_page_and_settings(portal):
    page = portal[NOTICE_ID]
    assert page.portal_type == "Document"
    assert api.content.get_state(page) == "published"
    assert "Phiên bản 1.0" in page.text.raw
    assert api.portal.get_registry_record("dakto.personal_data.notice_version") == "1.0"
    assert api.portal.get_registry_record("dakto.personal_data.retention_days") == 730
    vocabulary = getUtility(IVocabularyFactory, "dakto.policy.consent_purposes")(portal)
    assert {"answer_feedback", "publish_name", "comment_draft", "form_submission"} <= set(
        vocabulary.by_value
    )


def test_record_and_read_consent(portal):
    api.portal.set_registry_record("dakto.personal_data.notice_version", "2.1")
    record = consent.record_consent(["publish_name", "answer_feedback"])
    assert record["purposes"] == ["answer_feedback", "publish_name"]
    assert record["notice_version"] == "2.1"
    assert datetime.fromisoformat(record["time"]) > datetime.now(UTC) - timedelta(minutes=1)
    with pytest.raises(ValueError):
        consent.record_consent(["marketing"])
    purposes = ("answer_feedback", "publish_name")
    required = ("answer_feedback",)
    assert consent.read_consent(["answer_feedback"], purposes, required) == ["answer_feedback"]
    assert consent.read_consent(True, purposes, required) == ["answer_feedback"]
    assert consent.read_consent(
        {"answer_feedback": True, "publish_name": True}, purposes, required
    ) == list(purposes)
    for bad in (None, [], ["publish_name"], {"answer_feedback": False}, ["other"]):
        with pytest.raises(antispam.Refused) as refused:
            consent.read_consent(bad, purposes, required)
        assert refused.value.field == "consent" and refused.value.status == 400


def test_consent_html(portal):
    html = consent.consent_html(
        portal.REQUEST,
        ("answer_feedback", "publish_name"),
        required=("answer_feedback",),
        error="Bạn chưa đồng ý <b>",
    )
    assert f"{portal.absolute_url()}/{NOTICE_ID}" in html
    assert html.count('type="checkbox"') == 2 and html.count(" required") == 1
    assert " checked" not in html  # never ticked in advance
    assert "Bạn chưa đồng ý &lt;b&gt;" in html and 'role="alert"' in html
    field = consent.consent_field("form_submission")
    with pytest.raises(consent.ConsentRequired):
        field.validate(False)
    field.validate(True)


def test_rate_limiter_and_sizes():
    limiter = antispam.RateLimiter("test-limit", 3, 60)
    one, other = FakeRequest(addr="10.0.0.1"), FakeRequest(addr="10.0.0.2")
    for _ in range(3):
        limiter.hit(one)
    with pytest.raises(antispam.Refused) as refused:
        limiter.hit(one)
    assert refused.value.status == 429 and 1 <= refused.value.retry_after <= 60
    limiter.hit(other)  # per client
    limiter.reset()
    limiter.hit(one)
    with pytest.raises(antispam.Refused):
        antispam.check_honeypot(FakeRequest({antispam.HONEYPOT_FIELD: "x"}))
    antispam.check_honeypot(FakeRequest({antispam.HONEYPOT_FIELD: ""}))
    with pytest.raises(antispam.Refused):
        antispam.check_honeypot(FakeRequest(), {antispam.HONEYPOT_FIELD: "bot"})
    with pytest.raises(antispam.Refused) as refused:
        antispam.check_length("name", "x" * 11, 10)
    assert refused.value.field == "name"
    with pytest.raises(antispam.Refused) as refused:
        antispam.check_request_size(FakeRequest(CONTENT_LENGTH="2000"), 1000)
    assert refused.value.status == 413
    with pytest.raises(antispam.Refused):
        antispam.check_file_size("file", "a.pdf", 2000, 1000)
    assert 'name="website_homepage"' in antispam.honeypot_html()


def test_registry_overrides_a_limit(portal):
    limiter = antispam.RateLimiter("feedback-test", 1, 60)
    api.portal.set_registry_record(antispam.RATE_LIMITS_RECORD, {"feedback-test": "0/60"})
    for _ in range(5):
        limiter.hit(FakeRequest())  # switched off


def test_holder_find_correct_erase(portal):
    first = make_feedback(email="Hoa@Example.vn", phone="+84 905 123 456")
    make_feedback(email="khac@example.vn", phone="0911 000 111", name="Người khác")
    found = holders.find_everywhere(email="hoa@example.vn")
    assert [name for name, _h, _r in found] == ["feedback"]
    records = found[0][2]
    assert len(records) == 1 and records[0]["uid"] == first.UID()
    assert records[0]["consent"]["purposes"] == ["answer_feedback"]
    assert holders.find_everywhere(phone="0905123456")[0][2][0]["uid"] == first.UID()
    exported = holders.export(email="hoa@example.vn")
    json.dumps(exported)  # JSON-ready
    assert exported["holders"]["feedback"][0]["data"]["name"] == "Nguyễn Thị Hoa"
    holder = holders.holder("feedback")
    holder.correct(first.UID(), {"name": "Nguyễn Thị Hòa", "email": "hoa.moi@example.vn"})
    assert first.sender_name == "Nguyễn Thị Hòa"
    assert not holders.find_everywhere(email="hoa@example.vn")
    assert holders.find_everywhere(email="hoa.moi@example.vn")
    holder.erase(first.UID())
    assert first.sender_name is None and first.sender_email is None
    assert first.personal_data_erased
    assert not holders.find_everywhere(email="hoa.moi@example.vn", phone="0905123456")


def test_purge_removes_only_closed_old_items(manager):
    closed = make_feedback(name="Đã đóng")
    closed.rejection_reason = "Quảng cáo"
    api.content.transition(closed, transition=names.REJECT)
    still_open = make_feedback(name="Đang xử lý")
    assert holders.purge_expired()["feedback"] == 0  # not older than 730 days
    later = datetime.now(UTC) + timedelta(days=731)
    assert holders.purge_expired(now=later)["feedback"] == 1
    assert closed.sender_name is None and closed.sender_phone is None
    assert still_open.sender_name == "Đang xử lý"
    assert holders.purge_expired(now=later)["feedback"] == 0  # once


def test_cli_knows_the_purge_command():
    assert build_parser().parse_args(["purge-personal-data"]).command == "purge-personal-data"


def test_admin_page_exports_corrects_and_erases(functional):
    portal = functional["portal"]
    obj = make_feedback(email="yeu.cau@example.vn", name="Phạm Văn Yêu")
    transaction.commit()
    url = f"{portal.absolute_url()}/@@personal-data-requests"
    status, _ = http_get(f"{url}?email=yeu.cau@example.vn")
    assert status in (401, 403) or "Phạm Văn Yêu" not in _
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(f"{url}?email=yeu.cau@example.vn")
    assert "Phạm Văn Yêu" in browser.contents and obj.tracking_code in browser.contents
    browser.open(f"{url}?email=yeu.cau@example.vn&format=json")
    assert browser.headers["Content-Type"].startswith("application/json")
    data = json.loads(browser.contents)
    assert data["holders"]["feedback"][0]["data"]["email"] == "yeu.cau@example.vn"
    browser.open(f"{url}?email=yeu.cau@example.vn")
    form = browser.getForm(id=f"correct-feedback-{obj.UID()}")
    form.getControl(name="new_name").value = "Phạm Văn Yểu"
    form.submit()
    transaction.begin()
    assert obj.sender_name == "Phạm Văn Yểu"
    browser.open(f"{url}?email=yeu.cau@example.vn")
    browser.getForm(id=f"erase-feedback-{obj.UID()}").submit()
    transaction.begin()
    assert obj.sender_name is None and obj.sender_email is None
    assert holders.export(email="yeu.cau@example.vn")["holders"] == {}


def test_notice_is_public(functional):
    portal = functional["portal"]
    status, page = http_get(f"{portal.absolute_url()}/{NOTICE_ID}")
    assert status == 200 and "Chính sách xử lý dữ liệu cá nhân" in page
