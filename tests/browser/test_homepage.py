"""The homepage in real Chromium at phone (360 px), tablet (768 px) and
desktop (1366 px) widths (issue 16) with the demo content of `make start`,
and the urgent notice (issue 17.7): every section there, a main menu on one
row at 1366 px, axe-core at 0 violations with and without the notice, the
page whole without JavaScript; screenshots in var/screenshots/."""

import json

import pytest
from selenium.webdriver.common.by import By

from tests.browser import chromium
from tests.browser.chromium import ADMIN
from tests.servers import http_get


PHONE, TABLET, DESKTOP = (360, 800), (768, 1024), (1366, 900)
WIDTHS = pytest.mark.parametrize("width", [PHONE, TABLET, DESKTOP], ids=["360", "768", "1366"])
SECTIONS = (
    "#dakto-home-featured",
    "#dakto-home-services",
    "#dakto-home-schedule",
    "#dakto-home-latest-news",
    "#dakto-home-legal-documents",
    "#dakto-home-portals",
)
NOTICE = {
    "heading": "Cảnh báo mưa lớn, nguy cơ lũ quét",
    "message": "Người dân không qua lại các ngầm tràn khi nước dâng.",
    "link": "https://dichvucong.gov.vn",
    "starts": "2026-01-01T00:00",
    "ends": "2099-01-01T00:00",
}


def set_notice(site, **body):
    status, text = http_get(
        site + "/@urgent-notice",
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        auth=ADMIN,
        data=json.dumps(body).encode(),
        method="PATCH",
    )
    assert status == 200, text


@pytest.fixture
def notice(site):
    set_notice(site, **NOTICE)
    yield
    set_notice(site, starts=None, ends=None)


def visible(browser, selector):
    elements = browser.find_elements(By.CSS_SELECTOR, selector)
    return bool(elements) and elements[0].is_displayed()


@WIDTHS
def test_every_section_shows_and_axe_finds_nothing(site, browser, width):
    chromium.set_width(browser, width)
    browser.get(site)
    missing = [s for s in SECTIONS if not visible(browser, s)]
    assert missing == []
    featured = browser.find_elements(By.CSS_SELECTOR, "#dakto-home-featured img")
    assert len(featured) == 3  # the demo's newest news have lead images
    assert browser.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth > 0", featured[0]
    )
    # the first picture is no wider than the screen
    assert featured[0].size["width"] <= width[0]
    text = browser.find_element(By.TAG_NAME, "body").text
    for wrong in ("Upcoming Events", "Asia/Ho_Chi_Minh", "Featured news", "Quick links"):
        assert wrong not in text, wrong
    assert not browser.find_elements(By.CSS_SELECTOR, ".dakto-page-tools, #document-actions")
    violations = chromium.run_axe(browser)
    assert violations == [], chromium.describe(violations)
    label = {PHONE: "phone", TABLET: "tablet", DESKTOP: "desktop"}[width]
    target = chromium.SCREENSHOTS / f"homepage-{width[0]}-{label}.png"
    chromium.screenshot(browser, target, width)
    assert target.stat().st_size > 10_000


def test_the_main_menu_is_one_row_at_1366_px(site, browser):
    chromium.set_width(browser, DESKTOP)
    browser.get(site)
    layout = browser.execute_script(
        """
        const items = [...document.querySelectorAll('#portal-globalnav > li')];
        const links = items.map(li => li.querySelector('a.nav-link'));
        return {
          tops: [...new Set(items.map(li => Math.round(li.getBoundingClientRect().top)))],
          overflowing: links.filter(a => a.scrollWidth > a.clientWidth + 1)
                            .map(a => a.textContent.trim()),
          // a word whose letters lie on two lines was broken inside it
          split: links.flatMap(a => [...a.textContent.matchAll(/\\S+/g)].filter(m => {
            const node = [...a.childNodes].find(n => n.nodeType === 3 && n.data.includes(m[0]));
            if (!node) return false;
            const range = document.createRange();
            const start = node.data.indexOf(m[0]);
            range.setStart(node, start);
            range.setEnd(node, start + m[0].length);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
          }).map(m => m[0])),
          right: Math.max(...items.map(li => li.getBoundingClientRect().right)),
          count: items.length,
        };
        """
    )
    assert layout["count"] >= 10
    assert len(layout["tops"]) == 1, layout  # one row
    assert layout["overflowing"] == []  # no title cut off
    assert layout["split"] == []  # titles break between words, never inside one
    assert layout["right"] <= DESKTOP[0]


@WIDTHS
def test_the_urgent_notice_on_top_of_every_page(site, browser, width, notice):
    chromium.set_width(browser, width)
    for path in ("", "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026", "/van-ban"):
        browser.get(site + path)
        box = browser.find_element(By.ID, "dakto-urgent-notice")
        assert box.is_displayed()
        assert "THÔNG BÁO KHẨN" in box.text.upper() and NOTICE["heading"] in box.text
        main_top = browser.find_element(By.ID, "content").location["y"]
        assert box.location["y"] <= main_top
        violations = chromium.run_axe(browser)
        assert violations == [], f"{path or '/'}:\n{chromium.describe(violations)}"


def test_without_javascript_the_homepage_is_whole(site, browser):
    chromium.set_width(browser, PHONE)
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(site)
        missing = [s for s in SECTIONS if not visible(browser, s)]
        assert missing == []
        link = browser.find_element(By.CSS_SELECTOR, "#dakto-home-services a")
        assert link.get_attribute("href").startswith(site)
        picture = browser.find_element(By.CSS_SELECTOR, "#dakto-home-featured img")
        assert picture.get_attribute("srcset")
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_the_urgent_notice_control_panel_passes_axe(site, browser):
    chromium.log_in(browser, site, size=DESKTOP)
    try:
        browser.get(site + "/@@dakto-urgent-notice")
        assert browser.find_element(By.NAME, "form.widgets.starts").is_displayed()
        assert "Thông báo khẩn" in browser.find_element(By.TAG_NAME, "h1").text
        violations = chromium.run_axe(browser, "#content")
        assert violations == [], chromium.describe(violations)
    finally:
        browser.delete_all_cookies()
