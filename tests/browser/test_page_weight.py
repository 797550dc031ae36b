"""What an article costs a citizen's phone (issue 16): at most 150 KB on a
first visit and 30 KB on the next, measured in real Chromium from the bytes
it transferred (the Resource Timing API's ``transferSize``: compressed bytes
and headers; 0 for what came from its cache), against the served demo
portal (Zope's gzip filter, long-cached hashed resources)."""

import re

from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import chromium
from tests.servers import http_get


ARTICLE = "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026"
FIRST_VISIT = 150_000
NEXT_VISIT = 30_000
TRANSFERRED = """
const entries = performance.getEntriesByType("navigation")
  .concat(performance.getEntriesByType("resource"));
return entries.reduce((sum, entry) => sum + entry.transferSize, 0);
"""


def _another_article(site):
    _, sitemap = http_get(site + "/sitemap.xml")
    urls = re.findall(r"<loc>([^<]+/tin-tuc/kinh-te/[^<]+)</loc>", sitemap)
    return next(u for u in urls if not u.endswith(ARTICLE))


def _transferred(browser, url):
    browser.get(url)
    # the lazy images below the fold and the view-count beacon are part of the visit
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    WebDriverWait(browser, 30).until(
        lambda b: b.execute_script(
            "return document.readyState === 'complete'"
            " && Array.from(document.images).every(image => image.complete)"
        )
    )
    return browser.execute_script(TRANSFERRED)


def test_an_article_is_light_on_the_first_visit_and_the_next(site, browser):
    chromium.set_width(browser, (360, 800))
    url = site + ARTICLE  # the article bench/lighthouse.py measures
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.clearBrowserCache", {})
    first = _transferred(browser, url)
    assert 0 < first <= FIRST_VISIT, f"{url}: {first} bytes on a first visit"
    again = _transferred(browser, url)
    assert again <= NEXT_VISIT, f"{url}: {again} bytes when read again"
    other = _another_article(site)
    following = _transferred(browser, other)  # the next article: styles, scripts from the cache
    assert following <= NEXT_VISIT, f"{other}: {following} bytes on the next visit"
    print(f"\n{url}: first visit {first} B, again {again} B; then {other}: {following} B")
