"""RSS 2.0 of the news, each news topic, legal documents and drafts:
published items only, newest first."""

import xml.etree.ElementTree as ET

from tests.presentation.helpers import anonymous
from tests.presentation.helpers import news
from tests.servers import http_get


def _feed(functional, path):
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url() + path)
    assert browser.headers["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(browser.contents.encode("utf-8"))
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    return channel, [item.findtext("title") for item in channel.findall("item")]


def test_news_feed_lists_published_news_newest_first(functional):
    news(functional, "cu", "Tin cũ", effective="2026/01/05 08:00")
    news(functional, "moi", "Tin mới", topic="van-hoa-xa-hoi", effective="2026/02/05 08:00")
    news(functional, "nhap", "Tin chưa đăng", publish=False)
    channel, titles = _feed(functional, "/tin-tuc/rss")
    assert titles == ["Tin mới", "Tin cũ"]
    first = channel.find("item")
    assert first.findtext("pubDate") == "Thu, 05 Feb 2026 08:00:00 +0700"
    assert first.findtext("link").endswith("/tin-tuc/van-hoa-xa-hoi/moi")
    assert first.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Nguyễn Thị Hoa"
    assert channel.findtext("language") == "vi"


def test_each_topic_has_its_own_feed(functional):
    news(functional, "kt", "Tin kinh tế")
    news(functional, "vh", "Tin văn hóa", topic="van-hoa-xa-hoi")
    _, titles = _feed(functional, "/tin-tuc/kinh-te/rss")
    assert titles == ["Tin kinh tế"]
    _, titles = _feed(functional, "/tin-tuc/van-hoa-xa-hoi/rss")
    assert titles == ["Tin văn hóa"]


def test_legal_document_and_draft_feeds_exist(functional):
    channel, titles = _feed(functional, "/van-ban/rss")
    assert titles == []
    assert channel.findtext("title").startswith("Văn bản pháp luật")
    channel, _ = _feed(functional, "/du-thao/rss")
    assert channel.findtext("title").startswith("Dự thảo")


def test_no_feed_outside_the_feed_sections(functional):
    status, _ = http_get(functional["portal"].absolute_url() + "/gioi-thieu/rss")
    assert status == 404
