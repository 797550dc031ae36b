"""The pages of issue 17 points 2 and 3 in real Chromium, at phone (390 px)
and desktop (1366 px) widths: axe-core finds no WCAG 2.1 A/AA violation and
nothing scrolls sideways.

- the receivers' intake page (@@tiep-nhan-phan-anh), empty and with its
  error messages, and the printable receipt of what was logged;
- the unit's answer page, opened anonymously with the signed link, and the
  page it shows once answered, and the refusal of a changed link;
- the board's review of the unit's answer (@@duyet-tra-loi).
"""

import base64
import io
import json

import pytest
import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from dakto.policy.feedback import intake
from dakto.policy.feedback import names
from dakto.policy.feedback import unit_answer
from tests.browser import chromium
from tests.browser.chromium import ADMIN
from tests.feedback.helpers import PNG
from tests.servers import http_get


PHONE = (390, 844)
DESKTOP = (1366, 900)
WIDTHS = pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["390", "1366"])
UNIT = "/gioi-thieu/co-cau-to-chuc/van-phong-thong-ke"
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def _rest(url, body=None, method="POST"):
    code, text = http_get(
        url,
        headers=JSON,
        auth=ADMIN,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
    )
    assert code < 300, (url, code, text[:500])
    return json.loads(text) if text.strip() else {}


@pytest.fixture(scope="module")
def forwarded(site):
    """One item logged by phone and forwarded to a unit of the demo content: its URL."""
    logged = _rest(
        f"{site}/@feedback",
        {
            "name": "Y Blông",
            "phone": "0912 345 678",
            "address": "Thôn 1, xã Đắk Tô",
            "topic": "moi-truong",
            "subject": "Cống tắc ở tổ 5",
            "content": "Ông gọi điện báo cống tắc sau mưa.",
            "consent": ["answer_feedback"],
            "channel": "dien-thoai",
            "attachments": [{"filename": "cong-tac.png", "data": base64.b64encode(PNG).decode()}],
        },
    )
    found = _rest(
        f"{site}/@search?portal_type=Feedback&tracking_code={logged['tracking_code']}",
        method="GET",
    )
    url = found["items"][0]["@id"]
    unit_uid = _rest(f"{site}{UNIT}", method="GET")["UID"]
    _rest(url, {"purpose": "phan-anh"}, method="PATCH")
    _rest(f"{url}/@workflow/classify", {})
    _rest(url, {"forwarded_to": unit_uid}, method="PATCH")
    _rest(f"{url}/@workflow/forward", {})
    return url


def _submit(browser, name):
    button = browser.find_element(By.NAME, name)
    browser.execute_script("arguments[0].click()", button)
    WebDriverWait(browser, 30).until(
        lambda b: b.execute_script("return document.readyState") == "complete"
    )


def _no_violations(browser, width):
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth"
    ), f"scrolls sideways at {width[0]} px: {browser.current_url}"
    violations = chromium.run_axe(browser, "#content")
    assert not violations, f"{browser.current_url} at {width[0]} px:\n" + chromium.describe(
        violations
    )


@WIDTHS
def test_the_intake_page_and_its_error_messages(site, logged_in, width):
    chromium.set_width(logged_in, width)
    logged_in.get(f"{site}/@@{intake.INTAKE_VIEW}")
    assert logged_in.find_element(By.ID, "fb-channel")
    _no_violations(logged_in, width)
    _submit(logged_in, "form.submitted")  # nothing filled in
    assert logged_in.find_element(By.ID, "fb-channel-error").text
    assert logged_in.find_element(By.ID, "form-error").text
    _no_violations(logged_in, width)


@WIDTHS
def test_the_receipt_and_the_staff_view_of_a_forwarded_item(site, logged_in, forwarded, width):
    chromium.set_width(logged_in, width)
    logged_in.get(f"{forwarded}/@@giay-bien-nhan")
    code = logged_in.find_element(By.CSS_SELECTOR, ".dakto-receipt svg")
    # the QR code, as Chromium draws it, opens the follow-up page of this item
    shown = Image.open(io.BytesIO(chromium.element_png(logged_in, code)))
    read = [result.text for result in zxingcpp.read_barcodes(shown)]
    tracking_code = _rest(forwarded, method="GET")["tracking_code"]
    assert read == [f"{site}/@@{names.STATUS_VIEW}?code={tracking_code}"], read
    _no_violations(logged_in, width)
    logged_in.get(read[0])
    assert tracking_code in logged_in.find_element(By.ID, "content").text
    logged_in.get(f"{forwarded}/@@feedback-view")
    assert (
        unit_answer.ANSWER_VIEW in logged_in.find_element(By.CSS_SELECTOR, "#unit-link code").text
    )
    _no_violations(logged_in, width)


def test_the_unit_answers_anonymously_and_the_board_reviews(site, browser, forwarded):
    chromium.log_in(browser, site, size=DESKTOP)
    browser.get(f"{forwarded}/@@feedback-view")
    link = browser.find_element(By.CSS_SELECTOR, "#unit-link code").text.strip()
    browser.delete_all_cookies()  # the unit has no account
    for width in (PHONE, DESKTOP):
        chromium.set_width(browser, width)
        browser.get(link)
        assert browser.find_element(By.ID, "unit-answer-form")
        # what the citizen sent, downloadable with the same link
        attached = browser.find_element(By.CSS_SELECTOR, "#unit-answer-attachments a")
        assert attached.text == "cong-tac.png"
        _no_violations(browser, width)
        browser.get(link.replace("?t=", "?t=0"))  # a changed link
        assert browser.find_element(By.ID, "unit-link-error").text == "Liên kết không hợp lệ"
        _no_violations(browser, width)
    browser.get(link)
    _submit(browser, "form.submitted")  # empty: the form says why
    assert browser.find_element(By.ID, "unit-answer-error").text
    _no_violations(browser, DESKTOP)
    browser.find_element(By.ID, "unit-answer").send_keys("Đã nạo vét cống tổ 5 ngày 10/12.")
    browser.find_element(By.ID, "unit-by").send_keys("Trần Văn Bình, Chánh Văn phòng")
    _submit(browser, "form.submitted")
    assert browser.find_element(By.ID, "unit-answer-sent")
    for width in (PHONE, DESKTOP):
        chromium.set_width(browser, width)
        _no_violations(browser, width)
    chromium.log_in(browser, site, size=DESKTOP)
    for width in (PHONE, DESKTOP):
        chromium.set_width(browser, width)
        browser.get(f"{forwarded}/@@{unit_answer.REVIEW_VIEW}")
        assert "Đã nạo vét" in browser.find_element(By.ID, "review-answer").get_attribute("value")
        _no_violations(browser, width)
    browser.delete_all_cookies()
