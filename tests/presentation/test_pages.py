"""What every page carries: the site map, sitemap.xml, print and save views,
posting dates, the homepage blocks, the footer and the English pages."""

import gzip
import re
import urllib.request

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from tests.presentation.helpers import anonymous
from tests.presentation.helpers import create
from tests.presentation.helpers import news


def test_html_site_map_lists_the_sections(functional):
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url() + "/sitemap")
    for title in ("Tin tức - Sự kiện", "Văn bản pháp luật", "Thủ tục hành chính", "Liên hệ"):
        assert title in browser.contents
    assert 'id="dakto-banner"' in browser.contents


def test_sitemap_xml_lists_public_content_only(functional):
    public = news(functional, "cong-khai", "Tin công khai")
    private = news(functional, "rieng", "Tin nội bộ", publish=False)
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url() + "/sitemap.xml")
    assert browser.headers["Content-Type"].startswith("application/xml")
    assert "<urlset" in browser.contents
    assert f"<loc>{public.absolute_url()}</loc>" in browser.contents
    assert private.absolute_url() not in browser.contents
    # the same for a logged-in manager: the sitemap is what the public sees
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(functional["portal"].absolute_url() + "/sitemap.xml")
    assert private.absolute_url() not in browser.contents
    # Plone's compressed one is enabled too
    url = functional["portal"].absolute_url() + "/sitemap.xml.gz?page=1"
    with urllib.request.urlopen(url, timeout=30) as response:
        assert public.absolute_url().encode() in gzip.decompress(response.read())


def test_print_view_has_the_content_without_the_site_chrome(functional):
    item = news(functional, "in", "Bài để in")
    browser = anonymous(functional)
    browser.open(item.absolute_url() + "?print=1")
    html = browser.contents
    assert "Bài để in" in html
    assert "Ủy ban nhân dân xã Đắk Tô" in html  # who published it
    assert 'id="portal-globalnav"' not in html
    assert 'id="portal-searchbox"' not in html
    assert "dakto-footer-links" not in html
    assert "dakto.css" in html  # the print styles
    browser.open(item.absolute_url())
    assert f'href="{item.absolute_url()}?print=1"' in browser.contents
    assert (
        "@media print"
        in open(
            __import__("dakto.theme").theme.__path__[0] + "/theme/css/dakto.css", encoding="utf-8"
        ).read()
    )


def test_save_and_share_by_email(functional):
    item = news(functional, "luu", "Bài để lưu")
    browser = anonymous(functional)
    browser.open(item.absolute_url())
    assert "mailto:?subject=B%C3%A0i%20%C4%91%E1%BB%83%20l%C6%B0u" in browser.contents
    browser.open(item.absolute_url() + "?print=1&download=1")
    assert browser.headers["Content-Disposition"] == 'attachment; filename="luu.html"'
    assert "Bài để lưu" in browser.contents


def test_posting_and_update_dates_on_articles_and_documents(functional):
    item = news(functional, "ngay", "Tin có ngày", effective="2026/03/20 08:30")
    browser = anonymous(functional)
    browser.open(item.absolute_url())
    assert "20/03/2026 08:30" in browser.contents
    page = create(
        functional,
        "gioi-thieu",
        "Document",
        "trang",
        "Trang giới thiệu",
        effective="2026/03/21 09:15",
    )
    browser.open(page.absolute_url())
    dates = re.search(r'<p class="dakto-dates".*?</p>', browser.contents, re.S).group(0)
    assert "Ngày đăng" in dates and "21/03/2026 09:15" in dates
    assert 'datetime="2026-03-21T09:15:00+07:00"' in dates


def test_homepage_blocks(functional):
    news(functional, "trang-chu", "Tin trên trang chủ")
    news(functional, "chua-dang", "Tin chưa đăng", publish=False)
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url())
    html = browser.contents
    for heading in (
        "Tin mới nhất",
        "Chỉ đạo - Điều hành",
        "Văn bản mới ban hành",
        "Dự thảo đang lấy ý kiến",
        "Thủ tục hành chính",
        "Dịch vụ công",  # the quick links (homepage/, issue 16)
    ):
        assert heading in html, heading
    assert "Tin trên trang chủ" in html
    assert "Tin chưa đăng" not in html
    for link in ("/phan-anh-kien-nghi", "/@@tra-cuu-ho-so", "/phan-anh-kien-nghi/hoi-dap"):
        assert link in html


def test_footer_carries_the_identity_and_related_agencies(functional):
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url() + "/lien-he")
    footer = browser.contents[browser.contents.index('id="dakto-footer"') :]
    for text in (
        "Ủy ban nhân dân xã Đắk Tô",
        "Số 01 đường Hùng Vương",
        "0260 3831 234",
        "ubnd.xadakto@quangngai.gov.vn",
        "Trưởng Ban Biên tập",
        "Giấy phép",
        "https://dichvucong.gov.vn",
        "https://quangngai.gov.vn",
    ):
        assert text in footer, text
    api.portal.set_registry_record("dakto.identity.address", "Số 9 đường Trần Hưng Đạo")
    transaction.commit()
    browser.open(functional["portal"].absolute_url())
    assert "Số 9 đường Trần Hưng Đạo" in browser.contents


def test_skip_link_and_reading_tools_on_every_page(functional):
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url() + "/van-ban")
    html = browser.contents
    body = html[html.index("<body") :]
    first_link = re.search(r"<a\b[^>]*>", body).group(0)
    assert 'class="dakto-skip"' in first_link and 'href="#main-container"' in first_link
    assert "Bỏ qua, đến nội dung chính" in html
    assert (
        'id="main-container" tabindex="-1"' in html or 'tabindex="-1" id="main-container"' in html
    )
    assert 'data-dakto-contrast="toggle"' in html
    assert "++theme++dakto/js/dakto.js" in html


def test_english_pages_are_in_english(functional):
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url() + "/en")
    assert re.search(r'<html[^>]*\blang="en"', browser.contents)
    assert "Skip to main content" in browser.contents
    browser.open(functional["portal"].absolute_url())
    assert re.search(r'<html[^>]*\blang="vi"', browser.contents)
