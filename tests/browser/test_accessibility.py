"""axe-core (WCAG 2.0/2.1 A and AA rules) on the homepage, one page of every
public type and every public form, at phone (360 px) and desktop (1280 px)
widths, in real headless Chromium: zero violations."""

import pytest

from tests.browser import chromium
from tests.servers import http_get


# (name, path under the site): one page of every public type and form.
PAGES = (
    ("homepage", ""),
    ("news section", "/tin-tuc"),
    ("news item", "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026"),
    ("page", "/gioi-thieu/chuc-nang-nhiem-vu"),
    ("legal document", "/van-ban/qd-33-2024-quy-che-trang-thong-tin-dien-tu"),
    ("legal document lookup", "/van-ban?SearchableText=quy+che"),
    ("draft", "/du-thao/du-thao-quy-che-quan-ly-trat-tu-xay-dung"),
    ("draft listing", "/du-thao"),
    ("procedure", "/thu-tuc-hanh-chinh/dang-ky-khai-sinh"),
    ("procedure lookup", "/thu-tuc-hanh-chinh?SearchableText=khai+sinh"),
    ("organisation", "/gioi-thieu/co-cau-to-chuc"),
    ("organisation unit", "/gioi-thieu/co-cau-to-chuc/van-phong-thong-ke"),
    ("person", "/gioi-thieu/co-cau-to-chuc/nguyen-van-thanh"),
    ("promotion listing", "/dau-tu/quang-ba-doanh-nghiep"),
    ("promotion", "/dau-tu/quang-ba-doanh-nghiep/hop-tac-xa-ca-phe-dak-to"),
    ("work schedule", "/tin-tuc/chi-dao-dieu-hanh/lich-cong-tac"),
    ("search", "/@@search?SearchableText=Đắk+Tô"),
    ("site map", "/sitemap"),
    ("feedback section", "/phan-anh-kien-nghi"),
    ("feedback form", "/phan-anh-kien-nghi/@@gui-phan-anh"),
    ("contact form", "/contact-info"),
    ("accessibility statement", "/tuyen-bo-kha-nang-tiep-can"),
    ("access to information", "/thong-tin-cong-khai/tiep-can-thong-tin"),
    (
        "information request form",
        "/thong-tin-cong-khai/tiep-can-thong-tin/@@yeu-cau-cung-cap-thong-tin",
    ),
    ("login form", "/login"),
    ("English page", "/en"),
    ("print view", "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026?print=1"),
    ("not found", "/khong-co-trang-nay"),
)
OPTIONAL = {"feedback form"}  # built by the feedback feature; skipped until it answers


@pytest.mark.parametrize("width", [chromium.PHONE, chromium.DESKTOP], ids=["phone", "desktop"])
def test_no_wcag_violations(site, browser, width):
    chromium.set_width(browser, width)
    failures = []
    checked = 0
    for name, path in PAGES:
        if name in OPTIONAL and http_get(site + path.split("?")[0])[0] == 404:
            continue
        browser.get(site + path)
        violations = chromium.run_axe(browser)
        checked += 1
        if violations:
            failures.append(
                f"{name} ({path or '/'}) at {width[0]} px:\n{chromium.describe(violations)}"
            )
    assert checked >= len(PAGES) - len(OPTIONAL)
    assert not failures, "WCAG 2.1 A/AA violations found by axe-core:\n\n" + "\n\n".join(failures)


def test_every_page_is_vietnamese_or_english(site, browser):
    chromium.set_width(browser, chromium.DESKTOP)
    browser.get(site)
    assert browser.find_element("css selector", "html").get_attribute("lang") == "vi"
    browser.get(site + "/en")
    assert browser.find_element("css selector", "html").get_attribute("lang") == "en"
