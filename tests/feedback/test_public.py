"""The public side, through HTTP: the HTML form (no JavaScript), the REST
API, follow by code, the Q&A, the mails; and what anonymous never sees."""

import base64
import gzip
import io
import json
import time

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from dakto.policy.antispam import HONEYPOT_FIELD
from dakto.policy.antispam import RateLimiter
from dakto.policy.feedback import names
from tests.feedback.helpers import DOC97
from tests.feedback.helpers import GOOD
from tests.feedback.helpers import PDF
from tests.feedback.helpers import all_feedback
from tests.feedback.helpers import make_feedback
from tests.servers import http_get


SECRET = {
    "name": "Trần Văn Bímật",
    "phone": "0912 345 678",
    "email": "bimat.tran@example.vn",
    "address": "Số 99 ngõ Kínđáo, thị trấn Đắk Tô",
}


def _browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.raiseHttpErrors = False
    return browser


def _fill(browser, values, consent=True):
    for name in ("name", "phone", "email", "address", "subject", "content"):
        if name in values:
            browser.getControl(name=name).value = values[name]
    if "topic" in values:
        browser.getControl(name="topic").value = [values["topic"]]
    if consent:
        browser.getControl(name="consent:list").getControl(value="answer_feedback").selected = True


def _post(portal_url, body, raw=None):
    data = raw if raw is not None else json.dumps(body).encode()
    return http_get(
        f"{portal_url}/@feedback",
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        data=data,
        method="POST",
    )


def test_html_form_sends_and_shows_the_code(functional, mail):
    portal = functional["portal"]
    browser = _browser(functional)
    browser.open(f"{portal.absolute_url()}/{names.SECTION}")
    assert browser.headers["status"].startswith("200")
    assert 'name="website_homepage"' in browser.contents  # honeypot
    assert "chinh-sach-du-lieu-ca-nhan" in browser.contents  # the notice is linked
    _fill(browser, GOOD)
    browser.getControl(name="attachment_1").add_file(PDF, "application/pdf", "don.pdf")
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("200")
    transaction.begin()
    brains = all_feedback()
    assert len(brains) == 1
    obj = brains[0]._unrestrictedGetObject()
    assert obj.tracking_code in browser.contents
    assert obj.sender_name == GOOD["name"] and obj.topic == "giao-thong"
    assert [a.filename for a in obj.attachments] == ["don.pdf"]
    assert obj.consent["purposes"] == ["answer_feedback"]
    messages = mail.wait_for(1)
    assert len(messages) == 1
    message = mail.to(GOOD["email"])[0]
    assert obj.tracking_code in message["Subject"]
    assert obj.tracking_code in mail.body(message)
    assert "@@tra-cuu-phan-anh?code=" in mail.body(message)


def test_html_form_bad_input_stores_nothing(functional):
    portal = functional["portal"]
    browser = _browser(functional)
    url = f"{portal.absolute_url()}/@@{names.FORM_VIEW}"
    script = '<script>alert("x")</script>'
    browser.open(url)
    _fill(browser, dict(GOOD, email="khong-phai-email", subject="s" * 250), consent=False)
    browser.getControl(name="attachment_1").add_file(DOC97, "application/pdf", "don.pdf")
    browser.getControl(name="form.submitted").click()
    html = browser.contents
    assert 'id="fb-email-error"' in html and 'id="fb-subject-error"' in html
    assert 'id="fb-attachments-error"' in html and "consent-error" in html
    assert "don.pdf" in html
    # script in every field: shown back escaped, never as markup
    browser.open(url)
    _fill(browser, {k: script for k in ("name", "address", "subject", "content")}, consent=False)
    browser.getControl(name="form.submitted").click()
    assert script not in browser.contents
    assert "&lt;script&gt;" in browser.contents
    transaction.begin()
    assert len(all_feedback()) == 0


def test_honeypot_and_rate_limit_on_the_form(functional):
    portal = functional["portal"]
    browser = _browser(functional)
    url = f"{portal.absolute_url()}/@@{names.FORM_VIEW}"
    browser.open(url)
    _fill(browser, GOOD)
    browser.getControl(name=HONEYPOT_FIELD).value = "http://spam.example"
    browser.getControl(name="form.submitted").click()
    assert 'id="form-error"' in browser.contents
    transaction.begin()
    assert len(all_feedback()) == 0
    api.portal.set_registry_record("dakto.policy.antispam.rate_limits", {"feedback": "2/600"})
    transaction.commit()
    statuses = []
    for _ in range(3):
        browser.open(url)
        _fill(browser, GOOD)
        browser.getControl(name="form.submitted").click()
        statuses.append(browser.headers["status"][:3])
    assert statuses == ["200", "200", "429"]
    assert 'id="form-error"' in browser.contents
    transaction.begin()
    assert len(all_feedback()) == 2


def test_rest_post_and_status(functional, mail):
    url = functional["portal"].absolute_url()
    body = dict(
        GOOD,
        consent=["answer_feedback"],
        attachments=[{"filename": "don.pdf", "data": base64.b64encode(PDF).decode()}],
    )
    status, text = _post(url, body)
    assert status == 201, text
    code = json.loads(text)["tracking_code"]
    assert json.loads(text)["status_url"].endswith(f"/@feedback-status/{code}")
    status, text = http_get(
        f"{url}/@feedback-status/{code}", headers={"Accept": "application/json"}
    )
    assert status == 200, text
    info = json.loads(text)
    assert info["status"] == names.RECEIVED and info["tracking_code"] == code
    assert info["answer"] is None and info["answer_due"]
    for value in (GOOD["name"], GOOD["phone"], GOOD["email"], GOOD["address"]):
        assert value not in text
    # the same code in lower case and without dashes
    compact = code.replace("-", "").lower()
    assert (
        http_get(f"{url}/@feedback-status/{compact}", headers={"Accept": "application/json"})[0]
        == 200
    )
    assert mail.wait_for(1) and mail.to(GOOD["email"])


@pytest.mark.parametrize(
    "change, field",
    [
        ({"consent": []}, "consent"),
        ({"consent": ["marketing"]}, "consent"),
        ({"subject": "x" * 201}, "subject"),
        ({"content": ""}, "content"),
        ({"email": "a@b"}, "email"),
        ({"topic": "<b>x</b>"}, "topic"),
        ({"name": 42}, "name"),
        (
            {"attachments": [{"filename": "a.pdf", "data": base64.b64encode(DOC97).decode()}]},
            "attachments",
        ),
        (
            {"attachments": [{"filename": "a.pdf", "data": base64.b64encode(PDF * 4000).decode()}]},
            "attachments",
        ),
        ({"attachments": [{"filename": "a.pdf", "data": "@@not base64@@"}]}, "attachments"),
        ({"attachments": "a.pdf"}, "attachments"),
    ],
)
def test_rest_bad_input_is_400_with_field(functional, change, field):
    url = functional["portal"].absolute_url()
    api.portal.set_registry_record("dakto.feedback.max_attachment_kb", 100)
    transaction.commit()
    status, text = _post(url, dict(GOOD, consent=["answer_feedback"]) | change)
    assert status == 400, text
    error = json.loads(text)["error"]
    assert field in [e["field"] for e in error["errors"]]
    assert error["message"]
    transaction.begin()
    assert len(all_feedback()) == 0


def test_rest_refusals(functional):
    url = functional["portal"].absolute_url()
    assert _post(url, None, raw=b"{not json")[0] == 400
    assert _post(url, None, raw=b"[1, 2]")[0] == 400
    status, text = _post(url, dict(GOOD, consent=True, **{HONEYPOT_FIELD: "x"}))
    assert status == 400 and json.loads(text)["error"]["type"] == "Spam"
    status, text = http_get(
        f"{url}/@feedback-status/PA-0000-OOOO", headers={"Accept": "application/json"}
    )
    assert status == 400 and "PA-" in json.loads(text)["error"]["message"]
    status, text = http_get(
        f"{url}/@feedback-status/PA-2345-6789", headers={"Accept": "application/json"}
    )
    assert status == 404
    api.portal.set_registry_record(
        "dakto.policy.antispam.rate_limits", {"feedback-status": "5/300"}
    )
    transaction.commit()
    RateLimiter.reset_all()
    statuses = [
        http_get(f"{url}/@feedback-status/PA-2345-678{n}", headers={"Accept": "application/json"})[
            0
        ]
        for n in range(2, 9)
    ]
    assert statuses == [404] * 5 + [429] * 2
    status, text = http_get(f"{url}/@@{names.STATUS_VIEW}?code=PA-2345-6789")
    assert status == 429
    transaction.begin()
    assert len(all_feedback()) == 0


def test_follow_by_code_through_every_state(functional, mail):
    portal = functional["portal"]
    url = portal.absolute_url()
    obj = make_feedback(**SECRET)
    code = obj.tracking_code
    transaction.commit()
    seen = []

    def check(expected_state):
        status, text = http_get(
            f"{url}/@feedback-status/{code}", headers={"Accept": "application/json"}
        )
        assert status == 200
        info = json.loads(text)
        assert info["status"] == expected_state
        for value in SECRET.values():
            assert value not in text
        page_status, page = http_get(f"{url}/@@{names.STATUS_VIEW}?code={code}")
        assert page_status == 200 and code in page
        for value in SECRET.values():
            assert value not in page
        seen.append(info)
        return info, page

    check(names.RECEIVED)
    # The code given twice (?code=a&code=b): the first one, not an error page.
    page_status, page = http_get(f"{url}/@@{names.STATUS_VIEW}?code={code}&code=PA-0000-0000")
    assert page_status == 200 and code in page
    api.env.adopt_roles(["Manager"])
    with api.env.adopt_roles(["Manager"]):
        obj.purpose = "hoi-dap"
        api.content.transition(obj, transition=names.CLASSIFY)
        transaction.commit()
        check(names.CLASSIFIED)
        obj.forwarded_to = "some-unit-uid"
        api.content.transition(obj, transition=names.FORWARD)
        transaction.commit()
        info, _ = check(names.FORWARDED)
        assert info["answer"] is None
        obj.answer = "Trả lời: đèn đường sẽ được thay trước ngày 15/12."
        api.content.transition(obj, transition=names.ANSWER)
        transaction.commit()
        info, page = check(names.ANSWERED)
        assert info["answer"] == obj.answer and info["answered"]
        assert "đèn đường sẽ được thay" in page
        api.content.transition(obj, transition=names.PUBLISH_QA)
        transaction.commit()
        info, _ = check(names.PUBLISHED_QA)
        assert info["published_in_qa"]
        api.content.transition(obj, transition=names.CLOSE)
        transaction.commit()
        info, _ = check(names.CLOSED)
    assert [h["status"] for h in info["history"]] == [
        names.RECEIVED,
        names.CLASSIFIED,
        names.FORWARDED,
        names.ANSWERED,
        names.PUBLISHED_QA,
        names.CLOSED,
    ]
    # the answer was mailed to the sender
    assert any("đèn đường sẽ được thay" in mail.body(m) for m in mail.to(SECRET["email"]))


def _publish_qa(obj, answer):
    with api.env.adopt_roles(["Manager"]):
        obj.purpose = "hoi-dap"
        api.content.transition(obj, transition=names.CLASSIFY)
        obj.answer = answer
        api.content.transition(obj, transition=names.ANSWER)
        api.content.transition(obj, transition=names.PUBLISH_QA)


def test_qa_listing_shows_name_only_with_consent(functional):
    portal = functional["portal"]
    hidden = make_feedback(subject="Hỏi về giờ làm việc bộ phận một cửa", **SECRET)
    _publish_qa(hidden, "Từ 7 giờ đến 17 giờ các ngày làm việc.")
    named = make_feedback(
        name="Lê Thị Congkhai",
        subject="Hỏi về lịch tiêm chủng",
        consent=("answer_feedback", "publish_name"),
    )
    _publish_qa(named, "Trạm y tế tiêm vào ngày 10 hằng tháng.")
    make_feedback(subject="Câu hỏi chưa trả lời ZQX")
    transaction.commit()
    status, page = http_get(f"{portal.absolute_url()}/{names.SECTION}/{names.QA_SECTION}")
    assert status == 200
    assert "Hỏi về giờ làm việc bộ phận một cửa" in page and "Từ 7 giờ đến 17 giờ" in page
    assert "Lê Thị Congkhai" in page  # consented
    assert "Câu hỏi chưa trả lời ZQX" not in page
    for value in SECRET.values():
        assert value not in page


def test_anonymous_never_sees_personal_data_or_unpublished_items(functional):
    portal = functional["portal"]
    unpublished = make_feedback(subject="Chủ đề chưa công bố XYZQ", **SECRET)
    published = make_feedback(subject="Câu hỏi đã công bố KLMN", **SECRET)
    _publish_qa(published, "Câu trả lời đã công bố.")
    api.portal.set_registry_record("plone.enable_sitemap", True)
    transaction.commit()
    url = portal.absolute_url()
    section = f"{url}/{names.SECTION}"
    secrets = [*SECRET.values(), "Chủ đề chưa công bố XYZQ"]
    pages = [
        f"{section}/{unpublished.getId()}",
        f"{section}/{published.getId()}",
        f"{section}/{unpublished.getId()}/@@feedback-attachment?i=0",
        f"{section}/folder_contents",
        f"{section}/@@folder_listing",
        f"{section}/{names.QA_SECTION}",
        f"{url}/@@search?SearchableText=XYZQ",
        f"{url}/@@search?SearchableText=B%C3%ADm%E1%BA%ADt",
        f"{url}/@@search?portal_type=Feedback",
        f"{url}/search_rss?SearchableText=XYZQ",
        f"{section}/RSS",
        f"{url}/@@rss.xml",
        f"{url}/@@search-rss?SearchableText=XYZQ",
        f"{url}/@@ajax-search?q=XYZQ",
    ]
    json_pages = [
        f"{url}/@search?portal_type=Feedback&fullobjects=1",
        f"{url}/@search?SearchableText=XYZQ",
        f"{section}/{unpublished.getId()}",
        f"{section}?fullobjects=1",
        f"{url}/@querystring-search",
    ]
    for page in pages:
        status, text = http_get(page)
        for value in secrets:
            assert value not in text, (page, status, value)
        if page.startswith(f"{section}/pa-"):
            assert status in (401, 403, 404) or "login" in text.lower(), (page, status)
    for page in json_pages:
        status, text = http_get(page, headers={"Accept": "application/json"})
        for value in secrets:
            assert value not in text, (page, status, value)
    # Plone's add form is not for anonymous (nor for editors: administrators only)
    status, text = http_get(f"{section}/++add++Feedback")
    assert status != 200 or 'id="form-widgets-title"' not in text
    status, raw = _binary(f"{url}/sitemap.xml.gz")
    assert status == 200
    sitemap = gzip.GzipFile(fileobj=io.BytesIO(raw)).read().decode()
    if "<sitemapindex" in sitemap:  # Plone 6.1+: an index of pages
        status, raw = _binary(f"{url}/sitemap.xml.gz?page=1")
        sitemap = gzip.GzipFile(fileobj=io.BytesIO(raw)).read().decode()
    assert "/hoi-dap" in sitemap
    assert unpublished.getId() not in sitemap and published.getId() not in sitemap


def _binary(url):
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_staff_see_the_item(functional):
    portal = functional["portal"]
    obj = make_feedback(**SECRET)
    transaction.commit()
    status, page = http_get(
        f"{portal.absolute_url()}/{names.SECTION}/{obj.getId()}",
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
    )
    assert status == 200
    assert SECRET["name"] in page and obj.tracking_code in page


def test_forwarding_mails_the_unit_that_must_answer(functional, mail):
    """The unit chosen in "Forwarded to" gets a mail with the code, the
    subject and the link to answer it without an account (unit_answer.py;
    never the sender's personal data)."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        unit = api.content.create(
            container=portal["gioi-thieu"]["co-cau-to-chuc"],
            type="OrgUnit",
            id="dia-chinh-xay-dung",
            title="Công chức Địa chính - Xây dựng",
            email="diachinh.dakto@example.vn",
        )
        obj = make_feedback(**SECRET)
        obj.purpose = "hoi-dap"
        api.content.transition(obj, transition=names.CLASSIFY)
        transaction.commit()
        assert not mail.to("diachinh.dakto@example.vn")
        obj.forwarded_to = api.content.get_uuid(unit)
        api.content.transition(obj, transition=names.FORWARD)
        transaction.commit()
    deadline = time.monotonic() + 10
    while not mail.to("diachinh.dakto@example.vn") and time.monotonic() < deadline:
        time.sleep(0.05)
    [message] = mail.to("diachinh.dakto@example.vn")
    assert obj.tracking_code in str(message["Subject"])
    body = mail.body(message)
    assert obj.title in body and f"{portal.absolute_url()}/@@tra-loi-phan-anh?t=" in body
    for private in (SECRET["name"], SECRET["phone"], SECRET["email"], SECRET["address"]):
        assert private not in body
