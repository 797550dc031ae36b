"""Luật Tiếp cận thông tin 2016 in real Chromium: a citizen fills in the
request form (Art. 24.2's contents), gets the receipt with the code and
follows the request on its page by code; axe-core finds nothing on the
receipt and the follow-up page (found and not found) at 390 and 1366 px."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import chromium


SECTION = "/thong-tin-cong-khai/tiep-can-thong-tin"
WIDTHS = [(390, 844), (1366, 768)]
VALUES = {
    "name": "Lê Thị Mai",
    "id_number": "062185000123",
    "residence": "Tổ dân phố 3, thị trấn Đắk Tô",
    "phone": "0905123456",
    "information": "Kế hoạch sử dụng đất năm 2026 của thị trấn.",
    "purpose": "Tìm hiểu trước khi xin cấp phép xây dựng nhà ở.",
}


def _send(browser, site):
    browser.get(site)
    browser.delete_all_cookies()
    browser.get(f"{site}{SECTION}/@@yeu-cau-cung-cap-thong-tin")
    form = browser.find_element(By.ID, "information-request-form")
    for name, value in VALUES.items():
        form.find_element(By.NAME, name).send_keys(value)
    # by keyboard, as a person without a mouse would
    form.find_element(By.CSS_SELECTOR, "input[name='delivery'][value='tai-noi']").send_keys(
        Keys.SPACE
    )
    form.find_element(By.NAME, "form.submitted").send_keys(Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.ID, "information-request-sent"))
    return browser.find_element(By.CSS_SELECTOR, ".dakto-request-code").text


@pytest.mark.parametrize("width", WIDTHS, ids=["390", "1366"])
def test_receipt_and_follow_up_page(site, browser, width):
    chromium.set_width(browser, width)
    code = _send(browser, site)
    assert code.startswith("TT-")
    failures = []

    def check(name):
        violations = chromium.run_axe(browser)
        if violations:
            failures.append(f"{name} at {width[0]} px:\n{chromium.describe(violations)}")

    check("receipt")
    browser.find_element(By.ID, "information-request-status-link").send_keys(Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.ID, "information-request-status"))
    assert browser.find_element(By.ID, "information-request-state").text == "Đã tiếp nhận"
    assert VALUES["id_number"] not in browser.page_source
    check("follow-up page")
    field = browser.find_element(By.ID, "ir-code")
    field.clear()
    field.send_keys("TT-7KQX-3MZD")
    field.submit()
    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.ID, "ir-code-error"))
    check("follow-up page, unknown code")
    assert not failures, "\n\n".join(failures)
