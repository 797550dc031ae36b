"""The compliance self-check page and the board's dashboard (with its daily
updates section), as an administrator sees them: axe-core finds no WCAG 2.1
A/AA violation at phone and desktop widths, nothing scrolls sideways, and
each line says met or not met in words."""

import pytest
from selenium.webdriver.common.by import By

from tests.browser import chromium


PAGES = ("/@@compliance", "/@@editorial-dashboard")


@pytest.mark.parametrize("width", [chromium.PHONE, chromium.DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations(site, logged_in, width, path):
    chromium.set_width(logged_in, width)
    logged_in.get(site + path)
    assert logged_in.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth"
    )
    violations = chromium.run_axe(logged_in, "#content")
    assert not violations, chromium.describe(violations)


def test_each_line_says_met_or_not_met_in_words(site, logged_in):
    chromium.set_width(logged_in, chromium.DESKTOP)
    logged_in.get(site + "/@@compliance")
    rows = logged_in.find_elements(By.CSS_SELECTOR, "#compliance-checks tbody tr")
    assert len(rows) >= 9
    for row in rows:
        badge = row.find_element(By.CSS_SELECTOR, ".badge").text
        assert badge in ("Đạt", "Chưa đạt")
        assert row.find_element(By.CSS_SELECTOR, "a").get_attribute("href").startswith("http")
