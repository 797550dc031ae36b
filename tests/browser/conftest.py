"""The browser suite: a real `dakto start` with the demo content and one
headless Chromium for the whole session.

Without Chromium, chromedriver or axe-core the suite is skipped with the
reason; under CI=true it fails instead (scripts/install-browser.sh installs
them)."""

import os

import pytest

from tests.browser import chromium
from tests.servers import DaktoServer
from tests.servers import base_env
from tests.servers import free_port


def _require_browser():
    missing = chromium.missing_pieces()
    if missing:
        reason = "browser suite needs " + ", ".join(missing) + " (scripts/install-browser.sh)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """URL of a served portal with the demo content (DAKTO_BROWSER_URL: an
    already running one, e.g. http://127.0.0.1:8080/dakto after `make start`)."""
    _require_browser()
    if os.environ.get("DAKTO_BROWSER_URL"):
        yield os.environ["DAKTO_BROWSER_URL"].rstrip("/")
        return
    var = tmp_path_factory.mktemp("browser") / "var"
    server = DaktoServer(base_env(var, free_port(), DAKTO_DEMO="1", DAKTO_THREADS="4"))
    server.start()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def browser(site):
    driver = chromium.start_chromium()
    yield driver
    chromium.stop_chromium(driver)


@pytest.fixture(scope="module")
def logged_in(site, browser):
    """The browser logged in as the site's manager for a module's tests (each
    test sets its own width), logged out after them."""
    chromium.log_in(browser, site)
    yield browser
    browser.delete_all_cookies()
