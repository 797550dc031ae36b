"""REST writes with the login cookie in real Chromium (issue 21.3): a page of
another origin on the same site (another port of the same host: cookies and
SameSite ignore ports, as they ignore sibling sub-domains of one domain)
sends the "simple" request of the issue, and nothing is created; the
portal's own pages keep writing over REST with the cookie."""

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler
from http.server import ThreadingHTTPServer

import pytest
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser import chromium
from tests.browser.chromium import ADMIN
from tests.servers import free_port
from tests.servers import http_get


FOLDER = "/gioi-thieu"
FETCH = """
const [url, method, headers, body, done] = arguments;
fetch(url, {method, headers, body, credentials: "same-origin"})
  .then(r => r.text().then(t => done([r.status, t])))
  .catch(e => done([0, String(e)]));
"""
ATTACK = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>...</title></head>
<body><script>
fetch("{url}", {{method: "POST", mode: "no-cors", credentials: "include",
  headers: {{"Content-Type": "text/plain", "Accept": "application/json"}},
  body: JSON.stringify({{"@type": "Document", "id": "{id}", "title": "Giả mạo"}})}})
  .finally(() => {{ document.title = "sent"; }});
</script></body></html>"""


def exists(site, path):
    status, _ = http_get(site + path, headers={"Accept": "application/json"}, auth=ADMIN)
    return status == 200


def delete(site, path):
    http_get(site + path, headers={"Accept": "application/json"}, auth=ADMIN, method="DELETE")


@pytest.fixture
def portal(site, browser):
    """The portal as ``localhost`` (the attacker's page is on another port of
    it), the browser logged in there."""
    url = site.replace("127.0.0.1", "localhost")
    chromium.log_in(browser, url)
    yield url
    browser.delete_all_cookies()


@pytest.fixture
def attacker(tmp_path):
    """A page of another origin of the same site: http://localhost:<other port>/."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://localhost:{server.server_address[1]}"
    server.shutdown()


def test_a_same_site_page_cannot_write_with_the_cookie(portal, browser, attacker):
    folder, origin = attacker
    page_id = "trang-gia-mao"
    (folder / "index.html").write_text(
        ATTACK.format(url=portal + FOLDER, id=page_id), encoding="utf-8"
    )
    browser.get(origin + "/index.html")
    WebDriverWait(browser, 30).until(lambda b: b.title == "sent")
    try:
        assert not exists(portal, f"{FOLDER}/{page_id}")
    finally:
        delete(portal, f"{FOLDER}/{page_id}")


def fetch(browser, url, method, headers, body=None):
    return browser.execute_async_script(FETCH, url, method, headers, body)


def test_the_portals_own_pages_write_over_rest(portal, browser):
    browser.get(portal + "/@@personal-information")
    token = browser.execute_script(
        "return document.querySelector('input[name=_authenticator]').value"
    )
    as_json = {"Accept": "application/json", "Content-Type": "application/json"}
    plain = {"Accept": "application/json", "Content-Type": "text/plain"}
    body = json.dumps({"@type": "Document", "id": "trang-tu-cong", "title": "Trang thử"})
    try:
        status, text = fetch(browser, portal + FOLDER, "POST", as_json, body)
        assert status == 201, text[:300]
        status, text = fetch(
            browser, portal + FOLDER + "/trang-tu-cong", "PATCH", as_json, '{"title": "Đã sửa"}'
        )
        assert status == 204, text[:300]
        status, text = fetch(browser, portal + FOLDER + "/trang-tu-cong", "DELETE", as_json)
        assert status == 204, text[:300]
        # text/plain from the portal's own page: the form token is needed.
        status, text = fetch(browser, portal + FOLDER, "POST", plain, body)
        assert status == 403
        assert json.loads(text)["error"]["type"] == "CrossSiteRequestRefused"
        status, text = fetch(
            browser, portal + FOLDER, "POST", {**plain, "X-CSRF-TOKEN": token}, body
        )
        assert status == 201, text[:300]
    finally:
        delete(portal, FOLDER + "/trang-tu-cong")
