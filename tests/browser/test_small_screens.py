"""Issue 19.4 on screen: the legal-document lookup, the procedure lookup and
the intake register keep their table at 1366 px and become stacked cards at
390 px (each value with its column's name), without a horizontal scrollbar
and without a result as tall as a page; axe-core finds no violation."""

import pytest

from tests.browser import chromium


PHONE = (390, 844)
DESKTOP = (1366, 900)
PAGES = (
    ("legal documents", "/van-ban", "table.dakto-lookup-results"),
    ("procedures", "/thu-tuc-hanh-chinh", "table.dakto-lookup-results"),
    ("intake register", "/so-tiep-nhan/@@intake-register", "table.dakto-register"),
)


MEASURE = """
const table = document.querySelector(arguments[0]);
const row = table.querySelector('tbody tr');
const cells = [...row.children];
const wide = cells.map(c => c.getBoundingClientRect().width);
return {
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  tableScroll: table.parentElement.scrollWidth - table.parentElement.clientWidth,
  rowHeight: row.getBoundingClientRect().height,
  narrowest: Math.min(...wide),
  headerShown: table.querySelector('thead').getBoundingClientRect().height > 1,
  labels: cells.map(c => c.getAttribute('data-label')),
  before: cells.map(c => getComputedStyle(c, '::before').content),
};
"""


def check(browser, size, name, table, within=None):
    found = browser.execute_script(MEASURE, table)
    assert found["scrollWidth"] <= found["innerWidth"], (name, found)
    assert found["tableScroll"] <= 0, (name, found)
    assert all(found["labels"]), (name, found["labels"])  # every cell says its column
    if size == PHONE:
        # a card: every value on the card's whole width, its column's name above it
        assert not found["headerShown"], (name, found)
        assert found["narrowest"] >= 300, (name, found)
        assert found["rowHeight"] <= 600, (name, found)
        assert all(b not in ("none", "normal", "") for b in found["before"]), (name, found)
    else:
        assert found["headerShown"], (name, found)
        assert found["rowHeight"] <= 200, (name, found)
    violations = chromium.run_axe(browser, within)
    assert not violations, chromium.describe(violations)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1366px"])
@pytest.mark.parametrize("name,path,table", PAGES[:2], ids=[p[0] for p in PAGES[:2]])
def test_lookup_results_fit_the_screen(site, browser, size, name, path, table):
    browser.delete_all_cookies()
    chromium.set_width(browser, size)
    browser.get(site + path)
    check(browser, size, name, table)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_register_fits_the_screen(site, logged_in, size):
    name, path, table = PAGES[2]
    chromium.set_width(logged_in, size)
    logged_in.get(site + path)
    # the page's content (Plone's editing toolbar around it is not this issue's)
    check(logged_in, size, name, table, within="#content")
