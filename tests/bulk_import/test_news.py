"""Bulk import of news from an old site: its RSS or Atom feed (title, date,
body, author, image fetched from its address) or a sheet; the old address of
every article is kept as a redirect to the new one, and a re-run updates
through that redirect."""

import pytest
from plone import api
from plone.app.redirector.interfaces import IRedirectionStorage
from zope.component import getUtility

from dakto.policy.dates import local_date
from tests.bulk_import.helpers import csv_bytes
from tests.bulk_import.helpers import files_folder
from tests.bulk_import.helpers import png
from tests.bulk_import.helpers import refused
from tests.bulk_import.helpers import run


def rss(old_site, title="Lễ hội văn hóa cồng chiêng xã Đắk Tô", image="/images/le-hoi.png"):
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Cổng thông tin xã Đắk Tô (cũ)</title>
  <link>http://dakto.kontum.gov.vn/</link>
  <item>
    <title>{title}</title>
    <link>http://dakto.kontum.gov.vn/tin-tuc/le-hoi-cong-chieng.html?id=12</link>
    <description>Ngày hội của đồng bào các dân tộc.</description>
    <content:encoded><![CDATA[<p>Sáng 12/3, xã tổ chức <strong>lễ hội</strong>.</p>]]></content:encoded>
    <pubDate>Tue, 12 Mar 2024 08:30:00 +0700</pubDate>
    <dc:creator>Trần Thị Lan</dc:creator>
    <enclosure url="{old_site}{image}" type="image/png" length="100"/>
  </item>
  <item>
    <title>Tiếp công dân định kỳ tháng 4</title>
    <link>http://dakto.kontum.gov.vn/tin-tuc/tiep-cong-dan.html</link>
    <description>Lịch tiếp công dân.</description>
    <pubDate>Mon, 01 Apr 2024 07:00:00 +0700</pubDate>
    <author>vanphong@dakto.gov.vn (Văn phòng UBND)</author>
  </item>
</channel>
</rss>""".encode()


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Trang tin xã cũ</title>
  <author><name>Ban biên tập</name></author>
  <entry>
    <title>Ra quân làm đường giao thông nông thôn</title>
    <link rel="alternate" href="https://old.example.vn/2023/05/ra-quan"/>
    <published>2023-05-20T09:00:00+07:00</published>
    <summary>Hơn 300 người tham gia.</summary>
    <content type="html">&lt;p&gt;Hơn 300 người tham gia.&lt;/p&gt;</content>
  </entry>
</feed>""".encode()


def news_items(portal):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(portal_type="News Item", path="/plone/tin-tuc")


def test_an_rss_feed_becomes_articles_and_old_addresses_redirect(manager, old_site):
    before = len(news_items(manager))
    result = run(manager, "news", rss(old_site))
    assert result.created == 2 and len(news_items(manager)) == before + 2
    article = manager.unrestrictedTraverse(result.items[0])
    assert article.title == "Lễ hội văn hóa cồng chiêng xã Đắk Tô"
    assert article.description == "Ngày hội của đồng bào các dân tộc."
    assert "<strong>lễ hội</strong>" in article.text.output
    assert article.news_source == "Cổng thông tin xã Đắk Tô (cũ)"
    assert article.news_author == "Trần Thị Lan"
    assert article.image.getImageSize() == (40, 30)
    assert local_date(article.effective()) == "12/03/2024"
    assert api.content.get_state(article) == "published"
    storage = getUtility(IRedirectionStorage)
    assert storage.get("/plone/tin-tuc/le-hoi-cong-chieng.html?id=12") == result.items[0]
    assert storage.get("/plone/tin-tuc/tiep-cong-dan.html") == result.items[1]


def test_a_rerun_of_the_feed_updates_through_the_redirect(manager, old_site):
    first = run(manager, "news", rss(old_site))
    again = run(manager, "news", rss(old_site))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    retitled = run(manager, "news", rss(old_site, title="Lễ hội cồng chiêng 2024"))
    assert (retitled.created, retitled.updated) == (0, 1)
    assert retitled.items == first.items
    assert manager.unrestrictedTraverse(first.items[0]).title == "Lễ hội cồng chiêng 2024"


def test_an_atom_feed(manager):
    result = run(manager, "news", ATOM)
    article = manager.unrestrictedTraverse(result.items[0])
    assert (article.news_source, article.news_author) == ("Trang tin xã cũ", "Ban biên tập")
    assert local_date(article.effective()) == "20/05/2023"
    storage = getUtility(IRedirectionStorage)
    assert storage.get("/plone/2023/05/ra-quan") == result.items[0]


def test_an_image_that_cannot_be_fetched_is_the_items_error(manager, old_site):
    errors = refused(manager, "news", rss(old_site, image="/images/none.png"))
    assert [(row, column) for row, column, _m in errors] == [(1, "Ảnh")]
    assert "404" in errors[0][2]


def test_a_sheet_of_news_needs_source_and_author(manager, tmp_path):
    folder = files_folder(tmp_path, "anh.png", data=png())
    header = ["Tiêu đề", "Tóm tắt", "Nội dung", "Ngày đăng", "Nguồn tin", "Tác giả", "Ảnh"]
    rows = [
        [
            "Họp dân thôn 3",
            "Tóm tắt",
            "Dòng một\nDòng hai",
            "02/05/2024",
            "UBND xã",
            "Lan",
            "anh.png",
        ],
        ["Không nguồn", "", "", "02/05/2024", "", "Lan", ""],
        ["Không tác giả", "", "", "02/05/2024", "UBND xã", "", ""],
    ]
    errors = refused(manager, "news", csv_bytes(header, rows), folder)
    assert [(row, column) for row, column, _m in errors] == [(3, "Nguồn tin"), (4, "Tác giả")]
    result = run(manager, "news", csv_bytes(header, rows[:1]), folder)
    article = manager.unrestrictedTraverse(result.items[0])
    assert article.text.raw == "<p>Dòng một</p><p>Dòng hai</p>"
    assert article.image.filename == "anh.png"
    again = run(manager, "news", csv_bytes(header, rows[:1]), folder)  # keyed by its title
    assert (again.created, again.unchanged) == (0, 1)


def test_xml_that_is_not_a_feed_is_refused():
    from dakto.policy.bulk_import import feeds

    for data in (b"<html><body>x</body></html>", b"<rss><channel></channel></rss>", b"<rss"):
        with pytest.raises(feeds.FeedError):
            feeds.read(data)
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>'
    )
    with pytest.raises(feeds.FeedError):
        feeds.read(bomb)
