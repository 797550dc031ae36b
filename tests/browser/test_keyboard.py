"""Keyboard only: the skip link comes first and moves focus to the content,
the main menu and its sub-menus open and are followed with the keyboard, and a
form is filled in and sent without a mouse."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import chromium


def active(browser):
    return browser.switch_to.active_element


def press(browser, *keys):
    ActionChains(browser).send_keys(*keys).perform()


def tab_until(browser, predicate, limit=80):
    for _ in range(limit):
        press(browser, Keys.TAB)
        element = active(browser)
        if predicate(element):
            return element
    raise AssertionError(f"not reached with the Tab key in {limit} presses")


def test_skip_link_first_and_moves_focus_to_content(site, browser):
    chromium.set_width(browser, chromium.DESKTOP)
    browser.get(site)
    press(browser, Keys.TAB)
    first = active(browser)
    assert "dakto-skip" in first.get_attribute("class")
    assert first.get_attribute("href").endswith("#main-container")
    assert first.is_displayed()  # visible when focused
    assert first.text.strip() == "Bỏ qua, đến nội dung chính"
    press(browser, Keys.ENTER)
    assert active(browser).get_attribute("id") == "main-container"
    # the next Tab goes on inside the content, not back to the header
    press(browser, Keys.TAB)
    inside = browser.execute_script(
        "return document.getElementById('main-container').contains(document.activeElement)"
    )
    assert inside


def test_main_menu_and_submenu_with_keyboard(site, browser):
    chromium.set_width(browser, chromium.DESKTOP)
    browser.get(site)
    news = tab_until(
        browser,
        lambda e: e.tag_name == "a" and e.get_attribute("href").rstrip("/") == site + "/tin-tuc",
    )
    submenu = browser.find_element("css selector", "#portal-globalnav li.tin-tuc > ul.dropdown")
    assert submenu.is_displayed(), "the sub-menu opens when its menu item has the focus"
    assert news.get_attribute("aria-haspopup") == "true"
    item = tab_until(browser, lambda e: e.tag_name == "a", limit=3)
    assert item.get_attribute("href").startswith(site + "/tin-tuc/")
    assert item.is_displayed()
    target = item.get_attribute("href")
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda b: b.current_url.rstrip("/") == target.rstrip("/"))


def test_focus_is_visible(site, browser):
    chromium.set_width(browser, chromium.DESKTOP)
    browser.get(site)
    link = tab_until(
        browser, lambda e: e.tag_name == "a" and "nav-link" in (e.get_attribute("class") or "")
    )
    outline = link.value_of_css_property("outline-style")
    assert outline not in ("none", ""), outline


def test_form_filled_and_sent_with_keyboard(site, browser):
    chromium.set_width(browser, chromium.PHONE)
    browser.get(site + "/van-ban")
    press(browser, Keys.TAB)
    press(browser, Keys.ENTER)  # skip link: straight to the content
    field = tab_until(browser, lambda e: e.get_attribute("id") == "legal-text")
    field.send_keys("quy chế")
    tab_until(browser, lambda e: e.get_attribute("id") == "legal-year", limit=6)
    button = tab_until(
        browser, lambda e: e.tag_name == "button" and e.get_attribute("type") == "submit", limit=6
    )
    assert button.is_displayed()
    press(browser, Keys.ENTER)
    # The answer takes its time on a loaded machine: wait for it, up to 30 s.
    WebDriverWait(browser, 30).until(lambda b: "SearchableText=quy" in b.current_url)
    WebDriverWait(browser, 30).until(
        lambda b: "33/QĐ-UBND" in b.find_element("css selector", "#content").text
    )
    assert "33/QĐ-UBND" in browser.find_element("css selector", "#content").text


def test_reading_tools_persist(site, browser):
    chromium.set_width(browser, chromium.DESKTOP)
    browser.get(site)
    browser.execute_script("localStorage.clear()")
    browser.get(site)
    larger = browser.find_element("css selector", "[data-dakto-textsize='up']")
    contrast = browser.find_element("css selector", "[data-dakto-contrast]")
    assert larger.is_displayed()
    base = browser.execute_script("return getComputedStyle(document.documentElement).fontSize")
    larger.click()
    contrast.click()
    assert contrast.get_attribute("aria-pressed") == "true"
    browser.get(site + "/tin-tuc")  # another page: the choice is kept
    size = browser.execute_script("return getComputedStyle(document.documentElement).fontSize")
    assert float(size.rstrip("px")) > float(base.rstrip("px"))
    assert "dakto-contrast" in browser.find_element("css selector", "html").get_attribute("class")
    browser.execute_script("localStorage.clear()")
