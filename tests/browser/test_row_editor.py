"""The row editor of a procedure's lists, in real Chromium: an editor changes
the ways to submit entry by entry (add, fill, remove, with the keyboard's
focus where it should be), the JSON text is written for the server, a broken
JSON text is shown as text with a message, and the form saves what was edited."""

import json

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import chromium
from tests.browser.chromium import ADMIN
from tests.servers import http_get


PROCEDURE = "/thu-tuc-hanh-chinh/xac-nhan-tinh-trang-hon-nhan"
WAYS = "#formfield-form-widgets-submission_ways .dakto-rows"


def stored_ways(site):
    status, body = http_get(site + PROCEDURE, headers={"Accept": "application/json"}, auth=ADMIN)
    assert status == 200, body[:300]
    return json.loads(body)["submission_ways"]


def press(element):
    """Activate a button with the keyboard (focus, Enter), as a keyboard user does."""
    element.send_keys(Keys.ENTER)


def open_tab_of(browser, selector):
    """Plone shows one fieldset of the form at a time: open the one holding ``selector``."""
    # The row editor is built by dakto.js once the page has loaded.
    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, selector))
    legend = browser.execute_script(
        "return document.querySelector(arguments[0]).closest('fieldset')"
        ".querySelector('legend').textContent.trim()",
        selector,
    )
    # The tabs are made by Plone's scripts, after the page has loaded.
    links = WebDriverWait(browser, 30).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, ".autotoc-nav a")
    )
    for link in links:
        if link.text.strip() == legend:
            link.click()
            break
    WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.CSS_SELECTOR, selector).is_displayed()
    )


def test_ways_to_submit_edited_entry_by_entry(site, browser):
    chromium.set_width(browser, chromium.DESKTOP)
    before = stored_ways(site)
    assert len(before) >= 1
    chromium.log_in(browser, site)
    try:
        browser.get(site + PROCEDURE + "/edit")
        open_tab_of(browser, WAYS)
        rows = browser.find_element(By.CSS_SELECTOR, WAYS)
        area = rows.find_element(By.TAG_NAME, "textarea")
        assert not area.is_displayed()  # the entries are shown instead
        entries = rows.find_elements(By.CSS_SELECTOR, ".dakto-rows-entry")
        assert len(entries) == len(before)
        legend = entries[0].find_element(By.CSS_SELECTOR, ".dakto-rows-title").text
        assert legend == "Mục 1"
        # every field has its label, in Vietnamese
        first = entries[0].find_element(By.CSS_SELECTOR, "[data-key='processing_time']")
        label = rows.find_element(By.CSS_SELECTOR, f"label[for='{first.get_attribute('id')}']")
        assert label.text == "Thời hạn giải quyết"
        assert first.get_attribute("value") == before[0]["processing_time"]
        violations = chromium.run_axe(browser, WAYS)
        assert not violations, chromium.describe(violations)

        # Remove an entry (not the online one the service level needs): the
        # others are renumbered, the focus goes to the next entry.
        index = next(i for i, way in enumerate(before) if way["channel"] != "truc-tuyen")
        removed = before[index]
        remove = entries[index].find_element(By.CSS_SELECTOR, ".dakto-rows-remove")
        assert remove.text == f"Xóa mục {index + 1}"
        press(remove)
        left = rows.find_elements(By.CSS_SELECTOR, ".dakto-rows-entry")
        assert [e.find_element(By.CSS_SELECTOR, ".dakto-rows-title").text for e in left] == [
            f"Mục {n}" for n in range(1, len(before))
        ]
        assert browser.switch_to.active_element.get_attribute("data-key") == "channel"
        expected = before[:index] + before[index + 1 :]
        assert json.loads(area.get_attribute("value")) == expected

        # Add one back: the focus goes to its first field.
        press(rows.find_element(By.CSS_SELECTOR, ".dakto-rows-add"))
        new = rows.find_elements(By.CSS_SELECTOR, ".dakto-rows-entry")[-1]
        assert new.find_element(By.CSS_SELECTOR, ".dakto-rows-title").text == f"Mục {len(before)}"
        channel = new.find_element(By.CSS_SELECTOR, "[data-key='channel']")
        assert browser.switch_to.active_element == channel
        Select(channel).select_by_value(removed["channel"])
        new.find_element(By.CSS_SELECTOR, "[data-key='processing_time']").send_keys(
            "05 ngày làm việc"
        )
        new.find_element(By.CSS_SELECTOR, "[data-key='fee']").send_keys("Miễn lệ phí")
        expected.append(
            {
                "channel": removed["channel"],
                "processing_time": "05 ngày làm việc",
                "fee": "Miễn lệ phí",
            }
        )
        assert json.loads(area.get_attribute("value")) == expected

        # Change a field of the first entry.
        first = rows.find_element(By.CSS_SELECTOR, "[data-key='processing_time']")
        first.clear()
        first.send_keys("Trong ngày làm việc")
        expected[0] = expected[0] | {"processing_time": "Trong ngày làm việc"}
        assert json.loads(area.get_attribute("value")) == expected

        # A broken JSON text: shown as text, with a message; nothing lost.
        toggle = rows.find_element(By.CSS_SELECTOR, ".dakto-rows-toggle")
        press(toggle)
        assert area.is_displayed()
        area.send_keys(" {")
        press(toggle)
        notice = rows.find_element(By.CSS_SELECTOR, ".dakto-rows-invalid")
        assert notice.is_displayed() and "JSON" in notice.text
        assert area.is_displayed() and area.get_attribute("value").endswith(" {")
        area.clear()
        area.send_keys(json.dumps(expected, ensure_ascii=False))
        press(toggle)
        assert not notice.is_displayed() and not area.is_displayed()
        assert len(rows.find_elements(By.CSS_SELECTOR, ".dakto-rows-entry")) == len(expected)

        browser.find_element(By.NAME, "form.buttons.save").click()
        WebDriverWait(browser, 30).until(lambda b: "/edit" not in b.current_url)
        assert stored_ways(site) == expected
    finally:
        browser.delete_all_cookies()
