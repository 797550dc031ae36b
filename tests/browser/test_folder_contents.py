"""An editor's folder contents works in real Chromium under the portal's
Content-Security-Policy for logged-in users: Plone's structure pattern
compiles its row templates at run time (underscore's templates, an eval), so
that policy must allow it; before, the table stayed empty with an EvalError."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import chromium
from tests.browser.test_csp import LISTEN


def test_folder_contents_lists_a_sections_items(site, browser):
    script = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
    chromium.log_in(browser, site)
    try:
        browser.get(site + "/tin-tuc/folder_contents")
        rows = WebDriverWait(browser, 60).until(
            lambda b: (
                b.find_elements(By.CSS_SELECTOR, ".pat-structure table tbody tr[data-id]")
                or b.find_elements(By.CSS_SELECTOR, "table.table tbody tr td.title")
            )
        )
        assert rows, "folder contents shows no item"
        violations = browser.execute_script("return window.__cspViolations || []")
        assert [v for v in violations if v.startswith("script-src")] == [], violations
    finally:
        browser.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]}
        )
        browser.delete_all_cookies()
