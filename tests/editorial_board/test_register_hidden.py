"""Issue 19.5: an anonymous visitor asking for the intake register (or one
of its entries) gets the same 404 page as for a page that does not exist,
not the login form, which would tell that it exists; the board keeps its
access."""

import re

import pytest
import requests
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from dakto.policy.editorial_board.content import REGISTER_ID
from tests.editorial_board.helpers import PASSWORD
from tests.editorial_board.helpers import create_members
from tests.editorial_board.helpers import dt
from tests.editorial_board.helpers import intake


SECRET = "Bài viết về đường Hùng Vương"


@pytest.fixture
def site(functional):
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    create_members()
    intake(portal, "bai-mat", dt("2026-11-02 08:00"), title=SECRET)
    transaction.commit()
    return portal


@pytest.mark.parametrize(
    "path",
    (f"/{REGISTER_ID}", f"/{REGISTER_ID}/bai-mat", f"/{REGISTER_ID}/@@intake-register"),
)
def test_anonymous_gets_the_404_of_a_missing_page(site, path):
    url = site.absolute_url()
    page = {"allow_redirects": False, "timeout": 30, "headers": {"Accept": "text/html"}}
    response = requests.get(url + path, **page)
    missing = requests.get(url + "/khong-co-trang-nay", **page)
    assert missing.status_code == 404
    assert response.status_code == 404, (path, response.status_code, response.headers)
    assert "Location" not in response.headers and "WWW-Authenticate" not in response.headers
    assert "login" not in response.headers.get("Location", "")
    assert SECRET not in response.text and "Sổ tiếp nhận" not in response.text
    assert "Không tìm thấy trang" in response.text
    title = re.search(r"<title>(.*?)</title>", response.text, re.S).group(1)
    assert title == re.search(r"<title>(.*?)</title>", missing.text, re.S).group(1)


def test_the_board_keeps_its_access(site):
    url = f"{site.absolute_url()}/{REGISTER_ID}/@@intake-register"
    response = requests.get(url, auth=("kiemduyet", PASSWORD), timeout=30)
    assert response.status_code == 200 and SECRET in response.text
