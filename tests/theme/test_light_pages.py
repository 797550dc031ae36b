"""Light public pages (issue 16, docs/light-pages.md): an anonymous visitor's
page does not load Plone's editing bundle, a logged-in user's does; the
portal's own style and script come with hashed (long-cached) URLs; HTML,
CSS and JavaScript are gzipped over HTTP for a client that accepts it; every
page says its summary in ``<meta name="description">``."""

import gzip
import re
import urllib.request

import pytest
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from tests.servers import DaktoServer
from tests.servers import base_env
from tests.servers import free_port


EDITING_BUNDLE = "++plone++static/bundle-plone/bundle.min.js"
ARTICLE = "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026"


@pytest.fixture
def anonymous(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    return browser


@pytest.fixture
def owner(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def test_anonymous_page_has_no_editing_bundle(functional, anonymous):
    anonymous.open(functional["portal"].absolute_url())
    html = anonymous.contents
    assert EDITING_BUNDLE not in html
    assert 'data-bundle="plone"' not in html
    assert "plone-fullscreen" not in html


def test_logged_in_page_has_the_editing_bundle(functional, owner):
    owner.open(functional["portal"].absolute_url())
    html = owner.contents
    assert EDITING_BUNDLE in html
    assert 'data-bundle="plone"' in html


def test_own_style_and_script_once_with_hashed_urls(functional, anonymous):
    anonymous.open(functional["portal"].absolute_url())
    html = anonymous.contents
    for resource in ("++theme++dakto/css/dakto.css", "++theme++dakto/js/dakto.js"):
        urls = re.findall(r'(?:href|src)="([^"]*' + re.escape(resource) + ')"', html)
        assert len(urls) == 1, (resource, urls)
        assert "/++webresource++" in urls[0], urls[0]
    # After Barceloneta's style, so that the portal's rules win.
    assert html.index("barceloneta") < html.index("++theme++dakto/css/dakto.css")


def meta_description(html):
    found = re.findall(r'<meta\s+name="description"\s+content="([^"]*)"', html)
    assert len(found) == 1, found
    return found[0]


def test_meta_description_is_the_summary(functional, owner):
    import html as html_module

    import transaction
    from plone import api

    summary = "Tóm tắt: lịch tiếp công dân & các thủ tục"
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(functional["portal"], "Document", id="tom-tat", title="Trang")
    page.setDescription(summary)
    page.reindexObject()
    transaction.commit()
    owner.open(page.absolute_url())
    assert html_module.unescape(meta_description(owner.contents)) == summary


def test_homepage_has_a_meta_description(functional, anonymous):
    anonymous.open(functional["portal"].absolute_url())
    html = anonymous.contents
    dc = re.findall(r'<meta\s+name="DC.description"\s+content="([^"]*)"', html)
    assert meta_description(html).strip()
    assert [meta_description(html)] == dc


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A real `dakto start`: the WSGI pipeline of zope.ini."""
    var = tmp_path_factory.mktemp("light") / "var"
    server = DaktoServer(base_env(var, free_port()))
    server.start()
    yield server
    server.stop()


def fetch(url, encoding="gzip"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, dict(response.headers), response.read()


def resources(html):
    css = re.findall(r'<link[^>]+href="([^"]+\.css)"', html)
    js = re.findall(r'<script[^>]+src="([^"]+\.js)"', html)
    return css, js


def test_gzip_for_html_css_and_js(served):
    status, headers, body = fetch(served.url + ARTICLE)
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in headers.get("Vary", "")
    html = gzip.decompress(body).decode("utf-8")
    assert "<html" in html
    css, js = resources(html)
    assert css and js
    for url in css + js:
        status, headers, body = fetch(url)
        assert status == 200, url
        assert headers.get("Content-Encoding") == "gzip", url
        assert gzip.decompress(body), url


def test_no_gzip_unless_accepted(served):
    for encoding in (None, "identity", "gzip;q=0"):
        status, headers, body = fetch(served.url + ARTICLE, encoding)
        assert status == 200
        assert "Content-Encoding" not in headers, encoding
        assert b"<html" in body


def test_images_not_gzipped(served):
    status, headers, body = fetch(served.url + "/++theme++dakto/share.png")
    assert status == 200
    assert "Content-Encoding" not in headers
    assert body.startswith(b"\x89PNG")


def test_hashed_resources_long_cached(served):
    _, _, body = fetch(served.url, None)
    css, js = resources(body.decode("utf-8"))
    hashed = [url for url in css + js if "++webresource++" in url and "++theme++" in url]
    assert any("dakto.css" in url for url in hashed)
    assert any("dakto.js" in url for url in hashed)
    assert any("barceloneta" in url for url in hashed)
    for url in hashed:
        _, headers, _ = fetch(url)
        age = re.search(r"max-age=(\d+)", headers.get("Cache-Control", ""))
        assert age and int(age.group(1)) >= 86400 * 30, (url, headers.get("Cache-Control"))


def test_varnish_keeps_gzip_and_unzips_for_others(served):
    """deploy/varnish/default.vcl in front: a client that accepts gzip gets the
    compressed page, one that does not gets it plain, from the same cache."""
    from tests.caching.proxies import Varnish
    from tests.caching.proxies import require_program

    require_program("varnishd", "varnish")
    with Varnish(served.port) as varnish:
        url = varnish.url + "/dakto" + ARTICLE
        for _ in range(2):  # a miss, then a hit
            status, headers, body = fetch(url)
            assert status == 200
            assert headers.get("Content-Encoding") == "gzip"
            assert b"<html" in gzip.decompress(body)
        status, headers, body = fetch(url, None)
        assert status == 200
        assert "Content-Encoding" not in headers
        assert b"<html" in body
