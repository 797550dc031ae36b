"""Issue 16: the homepage reads as a Vietnamese government portal — featured
news with their lead images, the services citizens use most, the leaders'
schedule of this week, the sections' latest items, the national public
service portal and the province's — in Vietnamese, full width, without the
page tools (print, save, e-mail) and without raw time zones."""

import re
from datetime import time
from datetime import timedelta

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from dakto.policy.homepage.view import province_portal
from dakto.policy.organisation import schedule
from tests.homepage.helpers import news_with_image
from tests.organisation.helpers import SCHEDULE
from tests.organisation.helpers import publish
from tests.presentation.helpers import anonymous
from tests.presentation.helpers import news


def homepage(functional):
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url())
    return browser.contents


def section(html, section_id):
    match = re.search(rf'<(section|nav)[^>]*id="dakto-home-{section_id}".*?</\1>', html, re.S)
    assert match, f"no homepage section {section_id}"
    return match.group(0)


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_the_root_shows_the_homepage_view(functional):
    assert functional["portal"].getLayout() == "homepage"
    html = homepage(functional)
    assert 'id="dakto-homepage"' in html
    assert "<h1" in html and "Trang thông tin điện tử" in text(html)


def test_sections_in_order_with_vietnamese_headings(functional):
    html = homepage(functional)
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html[html.index('id="dakto-homepage"') :])
    wanted = [
        "Dịch vụ công",
        "Lịch công tác tuần",
        "Tin mới nhất",
        "Chỉ đạo - Điều hành",
        "Văn bản mới ban hành",
        "Dự thảo đang lấy ý kiến",
        "Thủ tục hành chính",
        "Cổng dịch vụ công và cổng thông tin",
    ]
    found = [text(h) for h in headings]
    assert [h for h in found if h in wanted] == wanted, found


def test_featured_news_have_their_lead_image_with_srcset_and_alt(functional):
    news_with_image(functional, "lua-chin", "Lúa chín trên cánh đồng Đắk Tô", "2026-11-30 08:00")
    news_with_image(functional, "cau-moi", "Cầu mới qua suối Đắk Tờ Kan", "2026-12-01 09:00", 1)
    news_with_image(functional, "khong-anh", "Tin không có ảnh", "2026-12-02 10:00", None)
    featured = section(homepage(functional), "featured")
    assert "Tin nổi bật" in featured
    titles = re.findall(r"<h3><a[^>]*>(.*?)</a></h3>", featured)
    # the newest with a picture first; an article without one is not featured
    assert titles[:2] == ["Cầu mới qua suối Đắk Tờ Kan", "Lúa chín trên cánh đồng Đắk Tô"]
    assert "Tin không có ảnh" not in featured
    images = re.findall(r"<img\b[^>]*>", featured)
    assert len(images) == 2
    first, second = images
    assert 'alt="Cánh đồng lúa chín"' in first and "srcset=" in first and "sizes=" in first
    assert 'fetchpriority="high"' in first and 'loading="lazy"' not in first
    assert 'loading="lazy"' in second  # below the first screen
    assert re.search(r'width="\d+"', first) and re.search(r'height="\d+"', first)
    assert 'datetime="2026-12-01T09:00:00+07:00"' in featured and "01/12/2026" in featured


def test_no_featured_section_without_pictures(functional):
    news(functional, "khong-anh", "Tin không có ảnh")
    assert 'id="dakto-home-featured"' not in homepage(functional)


def test_services_citizens_use_most(functional):
    services = section(homepage(functional), "services")
    portal_url = functional["portal"].absolute_url()
    for title, path in (
        ("Thủ tục hành chính", "/thu-tuc-hanh-chinh"),
        ("Tra cứu văn bản", "/van-ban"),
        ("Tra cứu hồ sơ", "/@@tra-cuu-ho-so"),
        ("Phản ánh, kiến nghị", "/phan-anh-kien-nghi"),
        ("Hỏi đáp", "/phan-anh-kien-nghi/hoi-dap"),
    ):
        assert f'href="{portal_url}{path}">{title}</a>' in services, title


def test_the_week_schedule_names_its_days_in_vietnamese_without_a_time_zone(functional):
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    day = schedule.today()
    publish(
        api.content.create(
            container=portal.unrestrictedTraverse(SCHEDULE),
            type="Event",
            id="giao-ban",
            title="Họp giao ban UBND xã",
            start=schedule.at(day, time(14)),
            end=schedule.at(day, time(16)),
            location="Hội trường UBND xã",
        )
    )
    next_week = schedule.monday_of(day) + timedelta(days=7)
    publish(
        api.content.create(
            container=portal.unrestrictedTraverse(SCHEDULE),
            type="Event",
            id="tuan-sau",
            title="Hội nghị tuần sau",
            start=schedule.at(next_week, time(8)),
            end=schedule.at(next_week, time(10)),
        )
    )
    transaction.commit()
    box = section(homepage(functional), "schedule")
    words = text(box)
    monday = schedule.monday_of(day)
    assert f"Tuần {monday.isocalendar()[1]}" in words
    assert f"{monday:%d/%m/%Y}" in words and f"{monday + timedelta(days=6):%d/%m/%Y}" in words
    weekday = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
    assert f"{weekday[day.weekday()]}, {day:%d/%m/%Y} (hôm nay)" in words
    assert "Họp giao ban UBND xã" in words and "14:00" in words
    assert "Địa điểm : Hội trường UBND xã" in words
    assert "Hội nghị tuần sau" not in words  # this week only
    assert "Asia/Ho_Chi_Minh" not in box and "Upcoming" not in box
    assert f'datetime="{day.isoformat()}"' in box
    assert "/lich-cong-tac/@@work-schedule" in box


def test_latest_items_of_the_sections(functional):
    news(functional, "trang-chu", "Tin trên trang chủ", effective="2026-12-01 08:30")
    news(functional, "chua-dang", "Tin chưa đăng", publish=False)
    html = homepage(functional)
    latest = section(html, "latest-news")
    assert "Tin trên trang chủ" in latest and "Tin chưa đăng" not in html
    assert '<time class="dakto-date" datetime="2026-12-01T08:30:00+07:00">01/12/2026' in latest


def test_national_and_provincial_portals(functional):
    portals = section(homepage(functional), "portals")
    assert 'href="https://dichvucong.gov.vn">Cổng Dịch vụ công quốc gia</a>' in portals
    assert 'href="https://quangngai.gov.vn">Cổng thông tin điện tử tỉnh Quảng Ngãi</a>' in portals


def test_the_province_portal_comes_from_the_sites_domain():
    class Identity:
        province = "Quảng Ngãi"
        domain = "xangoctu.quangngai.gov.vn"

    assert province_portal(Identity())["url"] == "https://quangngai.gov.vn"
    Identity.domain = "quangngai.gov.vn"  # the province's own site: no parent
    assert province_portal(Identity()) is None
    Identity.domain = "dakto.example.org"  # not a government domain
    assert province_portal(Identity()) is None


def test_full_width_without_page_tools_or_portlets(functional):
    html = homepage(functional)
    assert "portletEvents" not in html and "portletNavigationTree" not in html
    assert 'id="portal-column-one"' not in html and 'id="portal-column-two"' not in html
    assert "?print=1" not in html and "mailto:?subject" not in html
    assert "Upcoming Events" not in html and "Asia/Ho_Chi_Minh" not in html
    # the other pages keep theirs
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url() + "/gioi-thieu")
    assert "?print=1" in browser.contents or "portletNavigationTree" in browser.contents
