"""Issues 19.1 and 19.3 on screen (390 px and 1366 px): what a visitor reads
has no epoch date (31/12/1969), no English or US date format and no time
zone name; the events box is in Vietnamese with dd/mm/yyyy and 24-hour."""

import re

import pytest
from selenium.webdriver.common.by import By

from tests.browser import chromium
from tests.servers import http_get


PHONE = (390, 844)
DESKTOP = (1366, 900)
EPOCH = re.compile(r"31/12/1969|01/01/1970|1969-12-31")
FOREIGN = re.compile(
    r"Upcoming Events|Upcoming events|Previous events|Future events|\b(?:AM|PM)\b"
    r"|Asia/Ho_Chi_Minh|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d, \d{4}"
)
DATE = re.compile(r"\b\d\d/\d\d/\d{4}\b")


def _pages(site):
    """The homepage, the search for 'dak to' and one page of each kind the
    issue names (legal document, draft, person, schedule event) from the sitemap."""
    _, sitemap = http_get(site + "/sitemap.xml")
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    pages = [site, site + "/@@search?SearchableText=dak+to"]
    for part in ("/van-ban/", "/du-thao/", "/co-cau-to-chuc/", "/lich-cong-tac/"):
        pages.append(next(u for u in urls if part in u and not u.endswith(part.rstrip("/"))))
    return pages


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_dates_a_visitor_reads(site, browser, size):
    chromium.set_width(browser, size)
    wrong = {}
    for url in _pages(site):
        browser.get(url)
        text = browser.find_element(By.TAG_NAME, "body").text
        found = EPOCH.findall(text) + FOREIGN.findall(text)
        if found:
            wrong[url] = sorted(set(found))
        assert DATE.search(text), url  # dates are there, dd/mm/yyyy
    assert wrong == {}
    # the events portlet of a page with portlets (the homepage has none: it
    # shows the week's schedule, tests/browser/test_homepage.py)
    browser.get(site + "/van-ban")
    box = browser.find_element(By.CSS_SELECTOR, ".portletEvents")
    assert box.is_displayed()
    assert "Sự kiện sắp diễn ra" in box.text and "Sự kiện đã qua" in box.text
    when = box.find_element(By.CSS_SELECTOR, "time.dtstart")
    assert re.fullmatch(
        r"\d\d/\d\d/\d{4}( \d\d:\d\d( – (\d\d/\d\d/\d{4} )?\d\d:\d\d)?)?", when.text
    )
