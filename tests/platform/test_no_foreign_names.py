"""Every word a visitor of a new site sees comes from that site's identity
(issue 15): a ward of another province (phường Hải Châu, thành phố Đà Nẵng)
renders no "Đắk Tô", "thị trấn", "Kon Tum" or "Quảng Ngãi" (case- and
diacritics-insensitive, "Dak To" too) on its public pages (each section, the
items, forms, search, the personal-data notice, feeds, the sitemap, error
pages), in the mails it sends (real SMTP server), in its exports (ODT, ODS,
XLSX, CSV: the activity report, the ranking, the royalty statement, the
forms' saved data) and in the text its install created."""

import gzip
import io
import json
import re
import zipfile
from urllib.parse import urldefrag
from urllib.parse import urljoin

import lxml.html
import pytest
import requests
import transaction
from collective.easyform.api import get_actions
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from zope.component.hooks import setSite

from tests.platform.sites import WARD
from tests.platform.sites import add_ward
from tests.platform.sites import foreign_names


MAX_PAGES = 400
SKIP = re.compile(
    r"/(\+\+[a-z]+\+\+|@@images/|portal_css|portal_javascripts)"
    r"|\.(css|js|png|jpe?g|gif|svg|ico|woff2?|ttf|map)(\?|$)"
    r"|/logout|/@@(edit|delete_confirmation|folder_contents)|mailto:|tel:"
)
VISIBLE_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label", "aria-description", "summary")
VISIBLE_META = re.compile(r"^(description|keywords|author|og:.*|twitter:.*|dc\..*|DC\..*)$")


def visible_text(html):
    """What a person reads or hears of an HTML page: text outside scripts and
    styles, the attributes read aloud or shown, the meta descriptions."""
    tree = lxml.html.fromstring(html)
    for element in tree.xpath("//script|//style|//template|//noscript"):
        element.drop_tree()
    parts = [tree.text_content()]
    for name in VISIBLE_ATTRIBUTES:
        parts.extend(tree.xpath(f"//@{name}"))
    parts.extend(tree.xpath("//input[@type='submit' or @type='button']/@value"))
    for meta in tree.xpath("//meta[@content]"):
        if VISIBLE_META.match(meta.get("name") or meta.get("property") or ""):
            parts.append(meta.get("content"))
    return "\n".join(parts)


def document_text(response):
    """The readable text of any response: HTML, XML, JSON, CSV, gzip, ODF/OOXML."""
    content_type = response.headers.get("Content-Type", "")
    body = response.content
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    if body[:4] == b"%PDF":  # the demo's PDFs: uncompressed text strings
        return "\n".join(t.decode("latin-1") for t in re.findall(rb"\((.*?)\) Tj", body))
    if body[:2] == b"PK":  # ODT, ODS, XLSX: zip files of XML parts
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(
                archive.read(name).decode("utf-8", "replace")
                for name in archive.namelist()
                if name.endswith(".xml")
            )
    text = body.decode(response.encoding or "utf-8", "replace")
    if "html" in content_type and "<html" in text[:2000].lower():
        return visible_text(text)
    if "json" in content_type:
        return json.dumps(json.loads(text), ensure_ascii=False)
    return text


def links(base, html):
    tree = lxml.html.fromstring(html)
    for href in tree.xpath("//a/@href|//link[@rel='alternate']/@href"):
        yield urldefrag(urljoin(base, href.strip()))[0]


def by_name(found):
    """A short report of ``found`` ({url: [snippets]}): one line per snippet
    with the number of pages and the first one; empty if nothing was found."""
    report = {}
    for url, names in found.items():
        for name in names:
            count, first = report.get(name, (0, url))
            report[name] = (count + 1, first)
    return "\n".join(f"{n} × {name!r} (first: {url})" for name, (n, url) in report.items())


def crawl(session, root, start_urls):
    """{url: [foreign names]} of every page under ``root`` reachable from
    ``start_urls``; and the number of pages read."""
    seen, queue, found = set(), list(start_urls), {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen or not url.startswith(root) or SKIP.search(url):
            continue
        seen.add(url)
        response = session.get(url, timeout=120, allow_redirects=True)
        if not response.url.startswith(root):
            continue
        names = foreign_names(document_text(response))
        if names:
            found[url] = names
        if "html" in response.headers.get("Content-Type", ""):
            queue.extend(links(response.url, response.text))
    return found, len(seen)


@pytest.fixture
def ward(functional, smtp_server):
    site = add_ward(functional, demo=True)
    setSite(site)
    registry = site.portal_registry
    registry["plone.smtp_host"] = "127.0.0.1"
    registry["plone.smtp_port"] = smtp_server.port
    registry["plone.email_from_address"] = "ubnd@haichau.danang.gov.vn"
    registry["dakto.identity.email"] = "ubnd@haichau.danang.gov.vn"
    site.MailHost.smtp_host = "127.0.0.1"
    site.MailHost.smtp_port = smtp_server.port
    transaction.commit()
    smtp_server.messages.clear()
    yield site
    setSite(functional["portal"])
    smtp_server.messages.clear()


def test_the_wards_identity_is_its_own(ward):
    registry = ward.portal_registry
    assert registry["dakto.identity.body_name"] == WARD["name"]
    assert registry["dakto.identity.town"] == "phường Hải Châu"
    assert registry["dakto.identity.kind"] == "phuong"
    assert ward.Title() == "Trang thông tin điện tử phường Hải Châu"


def test_install_texts_of_the_ward_name_it(ward):
    """The personal-data notice (data controller), the forms and every
    other text its install or demo created: in the catalog's full text."""
    catalog = ward.portal_catalog
    found = {}
    for brain in catalog.unrestrictedSearchResults(path="/".join(ward.getPhysicalPath())):
        obj = brain._unrestrictedGetObject()
        text = " ".join(
            str(v)
            for v in (
                obj.Title(),
                obj.Description(),
                getattr(getattr(obj, "text", None), "raw", ""),
                re.sub(r"<[^>]+>", " ", getattr(obj, "fields_model", "") or ""),
                getattr(obj, "thanksdescription", ""),
                " ".join(str(s) for s in (getattr(obj, "subject", None) or ())),
            )
        )
        if names := foreign_names(text):
            found[brain.getPath()] = names
    assert not found, by_name(found)
    notice = ward["chinh-sach-du-lieu-ca-nhan"].text.raw
    assert "Ủy ban nhân dân phường Hải Châu" in notice


def test_public_pages_name_only_the_ward(ward):
    root = ward.absolute_url()
    session = requests.Session()
    session.headers["Accept-Language"] = "vi"
    start = [
        root,
        root + "/chinh-sach-du-lieu-ca-nhan",
        root + "/@@search?SearchableText=phuong",
        root + "/@@search?SearchableText=thong+bao",
        root + "/trang-khong-co",  # the 404 page
        root + "/sitemap.xml.gz",
        root + "/robots.txt",
        root + "/login",
        root + "/@@feedback-status?code=XX-0000",
    ]
    found, pages = crawl(session, root, start)
    assert pages > 60, pages  # the crawl read the site, not one error page
    assert not found, by_name(found)


def test_exports_name_only_the_ward(ward):
    root = ward.absolute_url()
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    session.headers["Accept-Language"] = "vi"
    period = "start=2025-07-01&end=2025-12-31"
    urls = [f"{root}/@@activity-report?{period}"] + [
        f"{root}/@@activity-report?{period}&format={f}" for f in ("odt", "ods", "xlsx")
    ]
    urls += [f"{root}/@@contribution-ranking?{period}&format={f}" for f in ("odt", "ods", "xlsx")]
    urls += [f"{root}/@@royalty-statement?month=2025-12&format={f}" for f in ("ods", "xlsx")]
    for brain in ward.portal_catalog.unrestrictedSearchResults(portal_type="DraftDocument"):
        urls += [f"{brain.getURL()}/@@draft-comments-export?format={f}" for f in ("ods", "csv")]
    found = {}
    for url in urls:
        response = session.get(url, timeout=120)
        assert response.status_code == 200, (url, response.status_code)
        if names := foreign_names(document_text(response)):
            found[url] = names
    assert not found, by_name(found)


CONTACT = {
    "ho_ten": "Trần Văn Bình",
    "email": "binh.tran@example.vn",
    "tieu_de": "Hỏi giờ làm việc bộ phận một cửa",
    "noi_dung": "Xin cho biết bộ phận một cửa phường có làm việc sáng thứ Bảy không?",
}


def test_mails_name_only_the_ward(functional, ward, smtp_server):
    app = functional["app"]
    root = ward.absolute_url()
    response = requests.post(
        f"{root}/@feedback",
        json={
            "name": "Trần Văn Bình",
            "email": "binh.tran@example.vn",
            "phone": "0905 123 456",
            "address": "Tổ 5, phường Hải Châu",
            "subject": "Đèn đường hỏng trên đường Bạch Đằng",
            "content": "Đoạn đường trước chợ mất đèn từ một tuần nay.",
            "topic": "giao-thong",
            "consent": ["answer_feedback"],
        },
        headers={"Accept": "application/json", "Accept-Language": "vi"},
        timeout=120,
    )
    assert response.status_code == 201, response.text
    assert smtp_server.wait_for(1)
    # the contact form: its mail to the board and its saved data (CSV)
    transaction.begin()
    setSite(ward)
    form = ward["lien-he"]["gui-thu-lien-he"]
    sent = len(smtp_server.messages)
    browser = Browser(app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.addHeader("Accept-Language", "vi")
    browser.open(form.absolute_url())
    assert foreign_names(visible_text(browser.contents)) == []
    for name, value in CONTACT.items():
        browser.getControl(name=f"form.widgets.{name}").value = value
    browser.getControl(name="form.widgets.consent:list").value = ["selected"]
    browser.getControl(name="form.buttons.submit").click()
    assert "Cảm ơn bạn đã liên hệ" in browser.contents
    assert len(smtp_server.wait_for(sent + 1)) > sent
    transaction.begin()
    saved = get_actions(form)["saved_data"].getSavedFormInputForEdit(header=True)
    assert "Trần Văn Bình" in saved
    assert foreign_names(saved) == []
    found = {}
    for item in smtp_server.messages:
        message = item["message"]
        text = "\n".join(
            [str(message.get(h, "")) for h in ("From", "Subject", "Reply-To")]
            + [smtp_server.body(message)]
        )
        if names := foreign_names(text):
            found[message["Subject"]] = names
    assert not found, by_name(found)
