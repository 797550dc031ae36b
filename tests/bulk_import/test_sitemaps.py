"""Bulk import of news from an old site's sitemap: every page it lists is
fetched from the old site's real web server (``old_site``) and read as an
article (title, date, summary, body, image, source, author); its address is
kept as a redirect. A page that cannot be fetched, has no title or is on
another site is its row's error, and nothing is imported."""

import gzip
import io
import unicodedata

import pytest
import transaction
from plone import api
from plone.app.redirector.interfaces import IRedirectionStorage
from zope.component import getUtility

from dakto.policy.bulk_import import feeds
from dakto.policy.dates import local_date
from tests.browsers import anon
from tests.browsers import owner
from tests.bulk_import.helpers import refused
from tests.bulk_import.helpers import run


NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
TITLE = "Lễ hội văn hóa cồng chiêng xã Đắk Tô"


def nfd(text):
    """As some old sites write Vietnamese: letters and marks apart."""
    return unicodedata.normalize("NFD", text)


def article_page(title=TITLE, author="Trần Thị Lan"):
    """A page with Open Graph metadata, its text written in NFD."""
    return nfd(f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{title} - Cổng thông tin xã Đắk Tô (cũ)</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Cổng thông tin xã Đắk Tô (cũ)">
<meta property="og:description" content="Ngày hội của đồng bào các dân tộc.">
<meta property="og:image" content="/images/le-hoi.png">
<meta property="article:published_time" content="2024-03-12T08:30:00+07:00">
<meta name="author" content="{author}">
</head><body>
<nav><a href="/">Trang chủ</a></nav>
<article><h1>{title}</h1>
<p>Sáng 12/3, xã tổ chức <strong>lễ hội</strong>.</p>
<p><img src="../images/le-hoi.png" alt="Cồng chiêng"></p>
<script>document.write("quảng cáo")</script>
</article>
<footer>Bản quyền</footer>
</body></html>""").encode()


PLAIN_PAGE = """<html><head><title>Lịch tiếp công dân | Trang cũ</title>
<meta name="author" content="Văn phòng UBND"></head>
<body><main><h1>Tiếp công dân định kỳ tháng 4</h1><time datetime="2024-04-01">1/4</time>
<p>Chủ tịch UBND xã tiếp công dân ngày 15/4.</p></main></body></html>""".encode()


def sitemap(*urls, news=None):
    """A sitemap of ``urls`` (``(loc, lastmod)`` or a loc); ``news`` the
    Google News entries by loc: ``(title, publication date)``."""
    entries = []
    for url in urls:
        loc, lastmod = url if isinstance(url, tuple) else (url, "")
        extra = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        if news and loc in news:
            title, published = news[loc]
            extra += (
                "<news:news><news:publication><news:name>Báo xã Đắk Tô</news:name>"
                "<news:language>vi</news:language></news:publication>"
                f"<news:publication_date>{published}</news:publication_date>"
                f"<news:title>{title}</news:title></news:news>"
            )
        entries.append(f"<url><loc>{loc}</loc>{extra}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="{NEWS_NS}">'
        + "".join(entries)
        + "</urlset>"
    ).encode()


def index(*locs):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
        + "</sitemapindex>"
    ).encode()


@pytest.fixture
def pages(old_site, tmp_path):
    """The old site's two articles; ``(address, folder)``."""
    root = tmp_path / "old-site"
    (root / "tin-tuc").mkdir()
    (root / "tin-tuc" / "le-hoi.html").write_bytes(article_page())
    (root / "tin-tuc" / "tiep-dan.html").write_bytes(PLAIN_PAGE)
    return old_site, root


def test_a_sitemap_becomes_articles_read_from_their_pages(manager, pages):
    site, _root = pages
    data = sitemap(
        f"{site}/tin-tuc/le-hoi.html?id=12",
        (f"{site}/tin-tuc/tiep-dan.html", "2024-04-02T10:00:00+07:00"),
    )
    result = run(manager, "news", data, source=f"{site}/sitemap.xml")
    assert result.created == 2
    article = manager.unrestrictedTraverse(result.items[0])
    assert article.title == TITLE  # NFC, though the page is NFD
    assert unicodedata.is_normalized("NFC", article.text.raw)
    assert article.description == "Ngày hội của đồng bào các dân tộc."
    assert "<strong>lễ hội</strong>" in article.text.raw
    assert f'src="{site}/images/le-hoi.png"' in article.text.raw  # made absolute
    assert "<h1" not in article.text.raw  # the title, shown by the page
    assert "quảng cáo" not in article.text.raw and "Trang chủ" not in article.text.raw
    assert article.news_source == "Cổng thông tin xã Đắk Tô (cũ)"
    assert article.news_author == "Trần Thị Lan"
    assert article.image.getImageSize() == (40, 30)
    assert local_date(article.effective()) == "12/03/2024"
    assert api.content.get_state(article) == "published"

    plain = manager.unrestrictedTraverse(result.items[1])
    assert plain.title == "Tiếp công dân định kỳ tháng 4"  # the <h1>, not <title>
    assert plain.news_source == "127.0.0.1"  # no og:site_name: the old site's host
    assert plain.news_author == "Văn phòng UBND"
    assert local_date(plain.effective()) == "01/04/2024"  # <time>, before <lastmod>
    assert "ngày 15/4" in plain.text.raw and "1/4</time>" in plain.text.raw

    storage = getUtility(IRedirectionStorage)
    assert storage.get("/plone/tin-tuc/le-hoi.html?id=12") == result.items[0]
    assert storage.get("/plone/tin-tuc/tiep-dan.html") == result.items[1]


def test_the_news_extension_and_lastmod_fill_what_a_page_lacks(manager, pages):
    site, root = pages
    (root / "tin-tuc" / "bare.html").write_bytes(
        b"<html><body><p>Th\xc3\xb4ng b\xc3\xa1o</p></body></html>"
    )
    (root / "tin-tuc" / "dated.html").write_bytes(
        "<html><body><h1>Họp dân thôn 3</h1></body></html>".encode()
    )
    data = sitemap(
        f"{site}/tin-tuc/bare.html",
        (f"{site}/tin-tuc/dated.html", "2023-11-05"),
        news={f"{site}/tin-tuc/bare.html": ("Thông báo mùa khô", "2024-01-20T07:00:00+07:00")},
    )
    result = run(manager, "news", data, author="Ban biên tập")
    bare, dated = (manager.unrestrictedTraverse(path) for path in result.items)
    assert (bare.title, bare.news_source) == ("Thông báo mùa khô", "Báo xã Đắk Tô")
    assert local_date(bare.effective()) == "20/01/2024"
    assert bare.news_author == dated.news_author == "Ban biên tập"  # the default (--author)
    assert local_date(dated.effective()) == "05/11/2023"


def test_a_rerun_updates_through_the_redirect(manager, pages):
    site, root = pages
    data = sitemap(f"{site}/tin-tuc/le-hoi.html?id=12", f"{site}/tin-tuc/tiep-dan.html")
    first = run(manager, "news", data)
    again = run(manager, "news", data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    (root / "tin-tuc" / "le-hoi.html").write_bytes(article_page(title="Lễ hội cồng chiêng 2024"))
    changed = run(manager, "news", data)
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 1)
    assert changed.items == first.items
    assert manager.unrestrictedTraverse(first.items[0]).title == "Lễ hội cồng chiêng 2024"


def test_bad_pages_are_their_rows_errors_and_nothing_is_imported(manager, pages):
    site, root = pages
    (root / "tin-tuc" / "no-title.html").write_bytes(b"<html><body><p>x</p></body></html>")
    (root / "tin-tuc" / "no-author.html").write_bytes(article_page(author=""))
    other_host = site.replace("127.0.0.1", "localhost")  # served, but another site
    data = sitemap(
        f"{site}/tin-tuc/le-hoi.html",
        f"{site}/tin-tuc/missing.html",
        f"{site}/tin-tuc/no-title.html",
        f"{other_host}/tin-tuc/tiep-dan.html",
        "file:///etc/passwd",
        f"{site}/tin-tuc/no-author.html",
    )
    before = len(
        api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type="News Item")
    )
    errors = refused(manager, "news", data, source=f"{site}/sitemap.xml")
    assert [(row, column) for row, column, _m in errors] == [
        (2, "Địa chỉ cũ"),
        (3, "Tiêu đề"),
        (4, "Địa chỉ cũ"),
        (5, "Địa chỉ cũ"),
        (6, "Tác giả"),
    ]
    messages = [message for _r, _c, message in errors]
    assert f"{site}/tin-tuc/missing.html" in messages[0] and "404" in messages[0]
    assert f"{site}/tin-tuc/no-title.html" in messages[1]
    assert other_host in messages[2] and "127.0.0.1" in messages[2]
    assert "file:///etc/passwd" in messages[3]
    after = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type="News Item")
    assert len(after) == before


def test_a_sitemap_index_is_followed_on_its_own_site(manager, pages):
    site, root = pages
    (root / "sitemap-1.xml").write_bytes(sitemap(f"{site}/tin-tuc/le-hoi.html"))
    (root / "sitemap-2.xml.gz").write_bytes(
        gzip.compress(sitemap(f"{site}/tin-tuc/tiep-dan.html", f"{site}/tin-tuc/none.html"))
    )
    data = index(f"{site}/sitemap-1.xml", f"{site}/sitemap-2.xml.gz")
    errors = refused(manager, "news", gzip.compress(data), source=f"{site}/sitemap.xml.gz")
    assert [(row, column) for row, column, _m in errors] == [(3, "Địa chỉ cũ")]  # rows follow on
    (root / "tin-tuc" / "none.html").write_bytes(PLAIN_PAGE)
    result = run(manager, "news", gzip.compress(data), source=f"{site}/sitemap.xml.gz")
    assert result.created == 3

    other = site.replace("127.0.0.1", "localhost")
    with pytest.raises(feeds.FeedError) as foreign:
        feeds.read(index(f"{site}/sitemap-1.xml", f"{other}/sitemap-1.xml"), f"{site}/x.xml")
    assert foreign.value.args[0].mapping == {"url": f"{other}/sitemap-1.xml", "host": "127.0.0.1"}
    (root / "nested.xml").write_bytes(index(f"{site}/sitemap-1.xml"))
    with pytest.raises(feeds.FeedError) as nested:
        feeds.read(index(f"{site}/nested.xml"))
    assert "urlset" in nested.value.args[0]
    with pytest.raises(feeds.FeedError) as missing:
        feeds.read(index(f"{site}/sitemap-9.xml"))
    assert "404" in missing.value.args[0].mapping["reason"]


def test_xml_that_is_no_sitemap_is_refused():
    entities = (
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "http://127.0.0.1/a">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>&a;</loc></url></urlset>"
    )
    for data, msgid in (
        (b"<html><body>x</body></html>", "neither an RSS 2.0 or Atom feed nor a sitemap"),
        (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', "lists no pages"),
        (entities, "declares XML entities"),
        (b"\x1f\x8b not gzip", "damaged gzip"),
    ):
        with pytest.raises(feeds.FeedError) as error:
            feeds.read(data)
        assert msgid in error.value.args[0]


def test_the_page_imports_a_sitemap_and_the_old_address_redirects(functional, pages):
    site, root = pages
    (root / "tin-tuc" / "le-hoi.html").write_bytes(article_page(author=""))
    portal = functional["portal"].absolute_url()
    data = sitemap(f"{site}/tin-tuc/le-hoi.html?id=12")
    browser = owner(functional)
    browser.raiseHttpErrors = False
    browser.open(f"{portal}/@@nhap-du-lieu")
    browser.getControl(name="kind").value = ["news"]
    browser.getControl(name="file").add_file(io.BytesIO(data), "application/xml", "sitemap.xml")
    browser.getForm(id="bulk-import-form").submit()
    assert browser.headers["status"].startswith("400")  # the page names no author
    assert "<td>1</td><td>Tác giả</td>" in browser.contents.split('id="import-errors"')[1]
    browser.getControl(name="kind").value = ["news"]
    browser.getControl(name="file").add_file(io.BytesIO(data), "application/xml", "sitemap.xml")
    browser.getControl(name="author").value = "Ban biên tập"
    browser.getForm(id="bulk-import-form").submit()
    assert 'id="import-result"' in browser.contents, browser.contents
    transaction.begin()
    article = api.content.find(portal_type="News Item", Title=TITLE)[0].getObject()
    assert article.news_author == "Ban biên tập"
    visitor = anon(functional)
    visitor.open(f"{portal}/tin-tuc/le-hoi.html?id=12")
    assert visitor.url.startswith(f"{portal}/tin-tuc/le-hoi-van-hoa-cong-chieng-xa-dak-to")
    assert TITLE in visitor.contents


def test_from_the_site_a_sitemap_too_long_is_refused_before_its_pages_are_fetched():
    from dakto.policy.bulk_import import upload

    unreachable = "http://127.0.0.1:9/tin-tuc"  # the discard port: a fetch would fail
    data = sitemap(*(f"{unreachable}/{n}.html" for n in range(upload.MAX_ROWS + 1)))
    with pytest.raises(upload.UploadError) as error:
        upload.read("news", data)
    assert error.value.args[0].mapping["count"] == upload.MAX_ROWS + 1


def test_a_sitemap_of_the_index_with_entities_says_which_and_why(manager, pages):
    from zope.i18n import translate

    site, root = pages
    (root / "bomb.xml").write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaa">]><urlset>&a;</urlset>'
    )
    with pytest.raises(feeds.FeedError) as error:
        feeds.read(index(f"{site}/bomb.xml"))
    message = translate(error.value.args[0], target_language="vi")
    assert message == (
        f"Sơ đồ trang {site}/bomb.xml: Tệp khai báo thực thể XML (entity), loại này không được đọc."
    )


def test_rest_imports_a_sitemap_with_a_default_author(functional, manager_request, pages):
    site, root = pages
    (root / "tin-tuc" / "le-hoi.html").write_bytes(article_page(author=""))
    data = sitemap(f"{site}/tin-tuc/le-hoi.html?id=7", f"{site}/tin-tuc/missing.html")
    bad = manager_request.post("/@bulk-import/news?author=Ban%20bi%C3%AAn%20t%E1%BA%ADp", data=data)
    assert bad.status_code == 400
    assert [(e["row"], e["column"]) for e in bad.json()["error"]["errors"]] == [(2, "Địa chỉ cũ")]
    data = sitemap(f"{site}/tin-tuc/le-hoi.html?id=7")
    assert manager_request.post("/@bulk-import/news", data=data).status_code == 400  # no author
    ok = manager_request.post("/@bulk-import/news?author=Ban%20bi%C3%AAn%20t%E1%BA%ADp", data=data)
    assert ok.status_code == 200, ok.text
    assert ok.json()["created"] == 1
    transaction.begin()
    article = api.content.find(portal_type="News Item", Title=TITLE)[0].getObject()
    assert article.news_author == "Ban biên tập"
