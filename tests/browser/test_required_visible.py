"""Issue 19.7, in real Chromium at a phone's and a desktop's width: an
article's source and author are on the first tab of the add form, marked
required, and a save with both empty lists both errors at the top of the
form, each a link to its field."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import chromium


ADD_NEWS = "/tin-tuc/++add++News Item"
FIELDS = ("news_source", "news_author")
WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}


def log_in(browser, site):
    """Once for the module's tests: the session stays logged in."""
    if not browser.get_cookie("__ac"):
        chromium.log_in(browser, site)


def click(browser, element):
    """Click ``element`` once scrolled into view (instantly: the theme scrolls
    smoothly, and a click during the scroll lands elsewhere)."""
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    WebDriverWait(browser, 10).until(
        lambda b: b.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return r.top >= 0 && r.bottom <= window.innerHeight;",
            element,
        )
    )
    element.click()


def field(browser, name):
    return browser.find_element(By.ID, f"formfield-form-widgets-INewsAttribution-{name}")


def open_add_form(browser, site):
    browser.get(site + ADD_NEWS)
    # the tabs are made by Plone's scripts once the page has loaded
    WebDriverWait(browser, 30).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, ".autotoc-nav a.active")
    )


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
def test_source_and_author_on_the_first_tab_marked_required(site, browser, width):
    log_in(browser, site)
    chromium.set_width(browser, WIDTHS[width])
    open_add_form(browser, site)
    first_tab = browser.find_elements(By.CSS_SELECTOR, ".autotoc-nav a")[0]
    assert "active" in first_tab.get_attribute("class")
    first_fieldset = browser.find_elements(By.CSS_SELECTOR, "form#form fieldset")[0]
    for name in FIELDS:
        element = field(browser, name)
        assert element.is_displayed(), f"{name} is shown on the first tab"
        assert browser.execute_script(
            "return arguments[0].contains(arguments[1])", first_fieldset, element
        ), f"{name} is in the first tab's fieldset"
        marker = element.find_element(By.CSS_SELECTOR, "label .required, .required")
        assert marker.is_displayed(), f"{name} carries the required marker"
        control = browser.find_element(By.ID, f"form-widgets-INewsAttribution-{name}")
        assert control.get_attribute("aria-required") == "true"


def test_a_readers_contribution_saves_without_source_and_author(site, browser):
    """The marker does not make the browser refuse the form: the server decides."""
    log_in(browser, site)
    chromium.set_width(browser, WIDTHS["desktop"])
    open_add_form(browser, site)
    browser.find_element(By.ID, "form-widgets-IDublinCore-title").send_keys("Ý kiến bạn đọc thử")
    click(
        browser, browser.find_element(By.ID, "form-widgets-INewsAttribution-reader_contribution-0")
    )
    click(browser, browser.find_element(By.ID, "form-buttons-save"))
    WebDriverWait(browser, 30).until(lambda b: "++add++" not in b.current_url)
    assert "/tin-tuc/" in browser.current_url


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
def test_failed_save_lists_every_error_at_the_top_with_links(site, browser, width):
    log_in(browser, site)
    chromium.set_width(browser, WIDTHS[width])
    open_add_form(browser, site)
    browser.find_element(By.ID, "form-widgets-IDublinCore-title").send_keys("Tin thiếu nguồn")
    click(browser, browser.find_element(By.ID, "form-buttons-save"))
    summary = WebDriverWait(browser, 30).until(lambda b: b.find_element(By.ID, "dakto-form-errors"))
    assert summary.is_displayed()
    # above the form
    assert summary.location["y"] < browser.find_element(By.ID, "form").location["y"]
    links = {
        link.get_attribute("href").rsplit("#", 1)[1]: link.text
        for link in summary.find_elements(By.CSS_SELECTOR, "a[href*='#']")
    }
    for name in FIELDS:
        target = f"form-widgets-INewsAttribution-{name}"
        assert target in links, f"the summary links to {name}: {links}"
        assert browser.find_elements(By.ID, target), "the link's target is on the page"
        # both errors at their fields too, not only the tab in red
        assert field(browser, name).find_elements(
            By.CSS_SELECTOR, ".invalid-feedback, .fieldErrorBox"
        )
    assert links["form-widgets-INewsAttribution-news_source"] == "Nguồn tin"
    assert links["form-widgets-INewsAttribution-news_author"] == "Người viết"
    text = summary.text
    assert "Hãy nhập nguồn tin của tin bài" in text
    assert "Hãy nhập người viết tin bài" in text
    # the link takes the editor to the field
    click(
        browser,
        summary.find_element(
            By.CSS_SELECTOR, "a[href$='#form-widgets-INewsAttribution-news_author']"
        ),
    )
    WebDriverWait(browser, 10).until(
        lambda b: (
            b.execute_script("return location.hash") == "#form-widgets-INewsAttribution-news_author"
        )
    )
    assert field(browser, "news_author").is_displayed()
