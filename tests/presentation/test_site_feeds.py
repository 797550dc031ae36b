"""Issue 19.10: the homepage's three site feeds (/RSS, /rss.xml, /atom.xml)
list the latest items, each as its own kind, and the homepage names them
readably."""

import re
import xml.etree.ElementTree as ET

import transaction
from DateTime import DateTime

from tests.presentation.helpers import news
from tests.presentation.helpers import visitor


KINDS = {
    "RSS": ("application/rdf+xml", "{http://purl.org/rss/1.0/}item", "RSS 1.0"),
    "rss.xml": ("application/rss+xml", "channel/item", "RSS 2.0"),
    "atom.xml": ("application/atom+xml", "{http://www.w3.org/2005/Atom}entry", "Atom"),
}


def _body(browser):
    body = browser.contents
    return body.decode("utf-8") if isinstance(body, bytes) else body


def test_site_feeds_list_the_latest_items(functional):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import login

    from tests.legal_documents.helpers import make
    from tests.legal_documents.helpers import prepare

    news(functional, "tin-cu", "Tin tháng Ba", effective="2026/03/20 08:30")
    login(functional["app"], SITE_OWNER_NAME)
    make(prepare(functional["portal"]), "qd-9", "9/QĐ-UBND", title="Quyết định số 9")
    transaction.commit()
    browser = visitor(functional)
    base = functional["portal"].absolute_url()
    for name, (content_type, entry, _label) in KINDS.items():
        browser.open(f"{base}/{name}")
        assert browser.headers["Content-Type"].startswith(content_type), name
        body = _body(browser)
        assert "1969" not in body, name
        entries = ET.fromstring(body.encode("utf-8")).findall(entry)
        titles = [
            e.findtext("title")
            or e.findtext("{http://purl.org/rss/1.0/}title")
            or e.findtext("{http://www.w3.org/2005/Atom}title")
            for e in entries
        ]
        # the legal document published just now first, then the March news
        assert titles[:2] == ["Quyết định số 9", "Tin tháng Ba"], (name, titles)
    browser.open(f"{base}/rss.xml")
    first = ET.fromstring(_body(browser).encode("utf-8")).find("channel/item")
    assert abs(DateTime(first.findtext("pubDate")) - DateTime()) < 1 / 24


def test_homepage_names_its_feeds(functional):
    browser = visitor(functional)
    base = functional["portal"].absolute_url()
    browser.open(base)
    links = re.findall(r'<link\b[^>]*rel="alternate"[^>]*>', browser.contents)
    assert links
    found = {}
    for tag in links:
        href = re.search(r'href="([^"]+)"', tag).group(1)
        found[href.rsplit("/", 1)[-1]] = (
            re.search(r'title="([^"]*)"', tag).group(1),
            re.search(r'type="([^"]*)"', tag).group(1),
        )
    for name, (content_type, _entry, label) in KINDS.items():
        title, kind = found[name]
        assert title.endswith(f" - {label}") and "b'" not in title, title
        assert kind == content_type
