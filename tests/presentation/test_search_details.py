"""Search details (issue 19.5): whole-word highlighting, the visitor's
language first, type filters only for types the visitor may see, and the
browser titles of the search, dossier lookup and 404 pages."""

import re
from html import unescape
from urllib.parse import quote

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import login

from dakto.policy.presentation.search import matches
from dakto.policy.presentation.search import snippet

from .helpers import anonymous
from .helpers import create
from .helpers import visitor


def test_highlighting_marks_whole_words_only():
    text = "Thị trấn Đắk Tô: town hall, tower; Tô Hiến Thành"
    assert [text[s:e] for s, e in matches(text, "to")] == ["Tô", "Tô"]
    html = snippet(text, "to")
    assert "<mark>town</mark>" not in html and "<mark>to</mark>wn" not in html
    assert "<mark>Tô</mark>" in html
    # diacritics folded, old/new tone placement, case: still whole words
    text = "Hoà bình, hòa thuận; Thoa, hoang"
    assert [text[s:e] for s, e in matches(text, "hoa")] == ["Hoà", "hòa"]


def test_highlighting_leaves_addresses_alone():
    text = "Liên hệ UBND Đắk Tô: vanthu.dak@dakto.gov.vn, https://dak.gov.vn/dak hoặc Đắk Hà."
    found = [text[s:e] for s, e in matches(text, "dak")]
    assert found == ["Đắk", "Đắk"], found
    html = snippet(text, "dak")
    assert "vanthu.dak@dakto.gov.vn" in html and "<mark>dak</mark>" not in html


def _ids(html):
    results = html.split('id="search-results"', 1)[1]
    return re.findall(r'<h2 class="result-title[^"]*"[^>]*>\s*<a href="[^"]*/([^/"]+)"', results)


def _bilingual(functional):
    # The English page is short and says the words often: Plone's relevance
    # alone puts it first.
    create(
        functional,
        "en",
        "Document",
        "dak-to-town",
        "Dak To town: Dak To district, Dak To people",
        description="Dak To, Dak To, Dak To.",
        language="en",
    )
    create(
        functional,
        "gioi-thieu",
        "Document",
        "thi-tran-dak-to",
        "Giới thiệu chung về thị trấn Đắk Tô",
        description="Thị trấn Đắk Tô nằm ở phía bắc tỉnh, "
        + "với nhiều dân tộc cùng sinh sống và làm ăn lâu đời. " * 5,
    )


def test_results_in_the_visitors_language_first(functional):
    _bilingual(functional)
    portal = functional["portal"]
    browser = anonymous(functional)
    for query in ("dak to", "Đắk Tô", "Dak To"):
        browser.open(portal.absolute_url() + "/@@search?SearchableText=" + quote(query))
        ids = _ids(browser.contents)
        assert ids.index("thi-tran-dak-to") < ids.index("dak-to-town"), (query, ids)
    # an English visitor (who chose English: Plone's language cookie) gets
    # the English page first
    browser = anonymous(functional)
    browser.addHeader("Cookie", "I18N_LANGUAGE=en")
    browser.open(portal.absolute_url() + "/@@search?SearchableText=" + quote("dak to"))
    ids = _ids(browser.contents)
    assert ids.index("dak-to-town") < ids.index("thi-tran-dak-to"), ids


def _types_offered(html):
    return set(re.findall(r'name="portal_type:list"[^>]*value="([^"]+)"', html))


def test_anonymous_is_offered_no_filter_for_internal_types(functional):
    from tests.feedback.helpers import make_feedback

    login(functional["app"], SITE_OWNER_NAME)
    make_feedback()
    create(functional, "gioi-thieu", "Document", "mot-trang", "Một trang")
    transaction.commit()
    assert len(
        api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            portal_type="IntakeRegister"
        )
    )
    url = functional["portal"].absolute_url() + "/@@search?SearchableText=trang"
    browser = anonymous(functional)
    browser.open(url)
    offered = _types_offered(browser.contents)
    assert "Document" in offered
    assert not offered & {"Feedback", "IntakeRegister", "IntakeRecord"}, offered
    # an administrator, who may see them, is offered them
    admin = anonymous(functional)
    admin.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    admin.open(url)
    assert {"Feedback", "IntakeRegister"} <= _types_offered(admin.contents)


def _title(html):
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip())


def test_page_titles_name_the_page_then_the_site(functional):
    portal = functional["portal"]
    site = api.portal.get_registry_record("plone.site_title")
    browser = anonymous(functional)
    browser.open(portal.absolute_url() + "/@@search?SearchableText=dak")
    assert _title(browser.contents) == f"Kết quả tìm kiếm — {site}"
    browser.open(portal.absolute_url() + "/@@tra-cuu-ho-so")
    assert _title(browser.contents) == f"Tra cứu hồ sơ — {site}"
    page = visitor(functional)
    page.open(portal.absolute_url() + "/khong-co-trang-nay")
    assert page.headers["status"].startswith("404")
    assert _title(page.contents) == f"Không tìm thấy trang — {site}"
    # a content page keeps Plone's "<title> — <site>"
    browser.open(portal.absolute_url() + "/gioi-thieu")
    assert _title(browser.contents) == f"{portal['gioi-thieu'].Title()} — {site}"
