"""Screenshots for a reviewer, phone and desktop, in var/screenshots/ (git-ignored)."""

import pytest

from tests.browser import chromium
from tests.servers import http_get


SHOTS = (
    ("homepage", ""),
    ("article", "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026"),
    ("legal-document-lookup", "/van-ban"),
    ("feedback-form", "/phan-anh-kien-nghi/@@gui-phan-anh"),
)


@pytest.mark.parametrize("width", [chromium.PHONE, chromium.DESKTOP], ids=["phone", "desktop"])
def test_screenshots(site, browser, width):
    chromium.set_width(browser, width)
    label = "phone" if width == chromium.PHONE else "desktop"
    written = []
    for name, path in SHOTS:
        if name == "feedback-form" and http_get(site + path)[0] == 404:
            path = "/phan-anh-kien-nghi"  # the feedback feature's form is not there yet
        browser.get(site + path)
        target = chromium.SCREENSHOTS / f"{name}-{label}.png"
        chromium.screenshot(browser, target, width)
        written.append(target)
    for target in written:
        assert target.stat().st_size > 10_000, target
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
