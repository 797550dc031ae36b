"""Dublin Core (Thông tư 24/2011) and Open Graph tags with the item's values."""

from tests.presentation.helpers import anonymous
from tests.presentation.helpers import metas
from tests.presentation.helpers import news


MANDATORY = ("DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher", "DC.identifier")
RECOMMENDED = ("DC.language", "DC.source", "DC.contributor", "DC.subject")
OPTIONAL = ("DC.coverage", "DC.type", "DC.format", "DC.relation", "DC.rights")


def test_dublin_core_of_an_article(functional):
    item = news(
        functional,
        "ca-phe",
        "Thu hoạch cà phê niên vụ 2026",
        effective="2026/03/20 08:30",
        news_author="Trần Văn Bình",
        news_source="Đài Truyền thanh thị trấn",
    )
    item.setContributors(["Lê Thị Cúc"])
    item.setSubject(["cà phê"])
    item.reindexObject()
    import transaction

    transaction.commit()
    browser = anonymous(functional)
    browser.open(item.absolute_url())
    tags = metas(browser.contents)
    for name in MANDATORY + RECOMMENDED + OPTIONAL:
        assert tags.get(name), f"{name} missing"
    assert tags["DC.title"] == "Thu hoạch cà phê niên vụ 2026"
    assert tags["DC.creator"] == "Trần Văn Bình"
    assert tags["DC.date"] == "2026-03-20T08:30:00+07:00"
    assert tags["DC.description"] == "Tóm tắt: Thu hoạch cà phê niên vụ 2026"
    assert tags["DC.publisher"] == "Ủy ban nhân dân xã Đắk Tô"
    assert tags["DC.identifier"] == item.absolute_url()
    assert tags["DC.language"] == "vi"
    assert tags["DC.source"] == "Đài Truyền thanh thị trấn"
    assert tags["DC.contributor"] == "Lê Thị Cúc"
    assert tags["DC.subject"] == "cà phê, Kinh tế"  # the topic's label, not its id
    assert tags["DC.coverage"] == "xã Đắk Tô, Quảng Ngãi"
    assert tags["DC.format"] == "text/html"
    assert tags["DC.relation"].endswith("/tin-tuc/kinh-te")
    assert tags["DC.rights"] == "© Ủy ban nhân dân xã Đắk Tô"
    assert 'rel="schema.DC"' in browser.contents


def test_open_graph_of_an_article(functional):
    item = news(functional, "og", "Ngày hội Đại đoàn kết", effective="2026/11/18 07:00")
    browser = anonymous(functional)
    browser.open(item.absolute_url())
    tags = metas(browser.contents)
    assert tags["og:title"] == "Ngày hội Đại đoàn kết"
    assert tags["og:description"] == "Tóm tắt: Ngày hội Đại đoàn kết"
    assert tags["og:url"] == item.absolute_url()
    assert tags["og:type"] == "article"
    assert tags["og:locale"] == "vi_VN"
    assert tags["og:site_name"] == "Trang thông tin điện tử xã Đắk Tô"
    assert tags["article:published_time"] == "2026-11-18T07:00:00+07:00"
    # one set of og: tags only (Plone's own are replaced)
    assert browser.contents.count('property="og:title"') == 1


def test_section_pages_carry_metadata_and_feed_link(functional):
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url() + "/van-ban")
    tags = metas(browser.contents)
    assert tags["DC.title"] == "Văn bản pháp luật"
    assert tags["og:type"] == "website"
    assert 'type="application/rss+xml"' in browser.contents
    assert "/van-ban/rss" in browser.contents
    browser.open(functional["portal"].absolute_url())
    tags = metas(browser.contents)
    assert tags["DC.publisher"] == "Ủy ban nhân dân xã Đắk Tô"
