"""The search page: type, section and date filters, the match in context,
with and without Vietnamese diacritics."""

import re
from urllib.parse import quote

import transaction
from DateTime import DateTime
from plone.app.textfield.value import RichTextValue

from dakto.policy.presentation.search import matches
from dakto.policy.presentation.search import snippet

from .helpers import anonymous
from .helpers import create
from .helpers import news
from .helpers import visitor


def test_snippet_marks_the_match_with_or_without_diacritics():
    text = "Ngày 20/3, UBND thị trấn Đắk Tô tổ chức hội nghị về đất đai."
    for query in ("Đắk Tô", "dak to", "DAK", "Đăk"):
        html = snippet(text, query)
        assert "<mark>Đắk</mark>" in html, (query, html)
    assert "<mark>Tô</mark>" in snippet(text, "dak to")
    assert "<mark>" not in snippet(text, "khong co")  # no match: the start, unmarked
    assert snippet(text, "khong co").startswith("Ngày 20/3")
    assert snippet("", "dak") == ""


def test_snippet_escapes_html_and_cuts_around_the_match():
    text = "Mở đầu. " + "chữ " * 80 + "<script>alert(1)</script> giá đất & thuế " + "đuôi " * 80
    html = snippet(text, "gia dat")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<mark>giá</mark> <mark>đất</mark> &amp; thuế" in html
    assert html.startswith("… ") and html.endswith(" …") and "Mở đầu" not in html
    assert len(html) < 400


def test_matches_are_word_starts_in_the_original_text():
    text = "Hoà bình, hòa thuận; Thoa"
    assert [text[s:e] for s, e in matches(text, "hoa")] == ["Hoà", "hòa"]


def _content(functional):
    doc = create(
        functional,
        "gioi-thieu",
        "Document",
        "lich-su",
        "Lịch sử thị trấn",
        description="Quá trình hình thành thị trấn.",
        text=RichTextValue(
            "<p>Năm 1975, <b>Đắk Tô</b> được giải phóng &lt;b&gt; ngày 10/3.</p>",
            "text/html",
            "text/x-html-safe",
        ),
    )
    item = news(functional, "hoi-nghi", "Hội nghị tổng kết năm", description="Đắk Tô tổng kết năm.")
    old = news(functional, "tin-cu", "Tin cũ về Đắk Tô", description="Một tin cũ ở Đắk Tô.")
    old.creation_date = DateTime("2020/01/15 08:00 GMT+7")
    old.reindexObject()
    transaction.commit()
    return doc, item, old


def _ids(html):
    results = html.split('id="search-results"', 1)[1]
    return {id for id in ("lich-su", "hoi-nghi", "tin-cu") if f"/{id}" in results}


def test_search_page_with_and_without_diacritics_shows_the_match(functional):
    _content(functional)
    url = functional["portal"].absolute_url() + "/@@search?SearchableText="
    browser = anonymous(functional)
    for query in ("Đắk Tô", "dak to", "DAK TO"):
        browser.open(url + quote(query))
        assert _ids(browser.contents) == {"lich-su", "hoi-nghi", "tin-cu"}, query
        # the page's text, around the match, marked and escaped
        assert "<mark>Đắk</mark> <mark>Tô</mark> được giải phóng &lt;b&gt; ngày 10/3." in (
            browser.contents
        ), query
        assert "<b>Đắk Tô</b>" not in browser.contents.split('id="search-results"', 1)[1]


def test_section_type_and_date_filters(functional):
    _content(functional)
    portal = functional["portal"]
    root = "/".join(portal.getPhysicalPath())
    base = portal.absolute_url() + "/@@search?SearchableText=dak+to"
    browser = anonymous(functional)
    browser.open(f"{base}&path={quote(root)}/tin-tuc")
    assert _ids(browser.contents) == {"hoi-nghi", "tin-cu"}
    assert f'<option value="{root}/tin-tuc" selected="selected">' in browser.contents
    browser.open(f"{base}&path=gioi-thieu")  # a section's id works too
    assert _ids(browser.contents) == {"lich-su"}
    browser.open(f"{base}&path=/somewhere/else")  # not a section: no filter, no error
    assert _ids(browser.contents) == {"lich-su", "hoi-nghi", "tin-cu"}
    browser.open(f"{base}&portal_type:list=Document")
    assert _ids(browser.contents) == {"lich-su"}
    since = (DateTime() - 7).ISO8601()
    browser.open(f"{base}&created.query:record={quote(since)}&created.range:record=min")
    assert _ids(browser.contents) == {"lich-su", "hoi-nghi"}
    browser.open(f"{base}&created.query:record=2019-12-01&created.range:record=min")
    assert _ids(browser.contents) == {"lich-su", "hoi-nghi", "tin-cu"}
    # a bookmarked date that no choice matches stays chosen
    assert "Từ ngày 01/12/2019" in browser.contents
    assert re.search(r'id="search-date-other"[^>]*checked', browser.contents)


def test_the_form_submits_its_filters_by_get(functional):
    _content(functional)
    portal = functional["portal"]
    browser = anonymous(functional)
    browser.open(portal.absolute_url() + "/@@search")
    form = browser.getForm(id="searchform")
    assert form.method.upper() == "GET"
    html = browser.contents
    for field in ("search-text", "search-section", "search-sort"):
        assert f'for="{field}"' in html and f'id="{field}"' in html
    assert html.count("<legend") >= 2
    form.getControl(name="SearchableText").value = "Đắk Tô"
    form.getControl(name="path").value = ["/".join(portal.getPhysicalPath()) + "/tin-tuc"]
    dates = form.getControl(name="created.query:record")
    dates.value = [dates.options[2]]  # the last week
    form.submit()
    assert "path=" in browser.url and "created.query" in browser.url  # bookmarkable
    assert _ids(browser.contents) == {"hoi-nghi"}


def test_bad_filters_give_a_page_not_an_error(functional):
    _content(functional)
    portal = functional["portal"]
    root = "/".join(portal.getPhysicalPath())
    browser = anonymous(functional)
    base = portal.absolute_url() + "/@@search?SearchableText=dak+to"
    browser.open(f"{base}&path={quote(root)}/tin-tuc/kinh-te")  # not a top-level section
    assert _ids(browser.contents) == {"lich-su", "hoi-nghi", "tin-cu"}
    browser.open(f"{base}&sort_on=Date")
    assert _ids(browser.contents) == {"lich-su", "hoi-nghi", "tin-cu"}
    browser = visitor(functional)
    browser.open(f"{base}&created.query:record=not-a-date&created.range:record=min")
    assert browser.headers["status"].startswith("200")  # the filter is ignored
    assert _ids(browser.contents) == {"lich-su", "hoi-nghi", "tin-cu"}
    assert re.search(r'id="search-date-ever"[^>]*checked', browser.contents)
