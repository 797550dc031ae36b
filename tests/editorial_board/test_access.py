"""Anonymous never sees the register or the board's pages; an updater logs an
entry through the add form; REST answers 400 on a bad filter."""

import gzip
import io

import pytest
import requests
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import login
from plone.testing.zope import Browser

from dakto.policy.editorial_board.content import REGISTER_ID
from tests.editorial_board.helpers import PASSWORD
from tests.editorial_board.helpers import create_members
from tests.editorial_board.helpers import dt
from tests.editorial_board.helpers import intake


SECRET = "Phản ánh đường Hùng Vương ngập nước"


@pytest.fixture
def site(functional):
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    create_members()
    intake(portal, "bi-mat", dt("2026-11-02 08:00"), title=SECRET)
    transaction.commit()
    return portal


PATHS = (
    f"/{REGISTER_ID}",
    f"/{REGISTER_ID}/bi-mat",
    f"/{REGISTER_ID}/@@intake-register?channel=zalo",
    "/@@editorial-dashboard",
    "/@@editorial-quota?month=2026-11",
    "/@@editorial-board-controlpanel",
)
REST = (
    f"/{REGISTER_ID}/@intake-register",
    "/@editorial-dashboard",
    "/@editorial-quota?month=2026-11",
    f"/{REGISTER_ID}/bi-mat",
    "/@controlpanels/editorial-board",
)


@pytest.mark.parametrize("path", PATHS)
def test_anonymous_pages_refused(site, path):
    response = requests.get(site.absolute_url() + path, allow_redirects=False, timeout=30)
    if path.startswith(f"/{REGISTER_ID}"):
        # the register is not even said to exist (tests/editorial_board/test_register_hidden.py)
        assert response.status_code == 404, (path, response.status_code)
    else:
        assert response.status_code in (302, 401, 403), (path, response.status_code)
    if response.status_code == 302:
        assert "login" in response.headers["Location"]
    assert SECRET not in response.text


@pytest.mark.parametrize("path", REST)
def test_anonymous_api_refused(site, path):
    response = requests.get(
        site.absolute_url() + path, headers={"Accept": "application/json"}, timeout=30
    )
    assert response.status_code == 401, (path, response.status_code)
    assert SECRET not in response.text


def test_anonymous_search_listing_sitemap(site):
    url = site.absolute_url()
    found = requests.get(
        f"{url}/@search",
        params={"SearchableText": "Hùng Vương ngập"},
        headers={"Accept": "application/json"},
        timeout=30,
    ).json()
    assert found["items_total"] == 0
    page = requests.get(f"{url}/@@search", params={"SearchableText": "ngập nước"}, timeout=30)
    assert SECRET not in page.text
    home = requests.get(url, timeout=30)
    assert f"/{REGISTER_ID}" not in home.text
    sitemap = requests.get(f"{url}/sitemap.xml.gz", timeout=30)
    if sitemap.status_code == 200:
        text = gzip.GzipFile(fileobj=io.BytesIO(sitemap.content)).read().decode()
        assert REGISTER_ID not in text


def test_member_outside_the_board_refused(site):
    from plone import api

    api.user.create(email="dan@example.org", username="nguoidan", password=PASSWORD)
    transaction.commit()
    response = requests.get(
        f"{site.absolute_url()}/@editorial-dashboard",
        headers={"Accept": "application/json"},
        auth=("nguoidan", PASSWORD),
        timeout=30,
    )
    assert response.status_code == 401
    response = requests.get(
        f"{site.absolute_url()}/{REGISTER_ID}/@intake-register",
        headers={"Accept": "application/json"},
        auth=("nguoidan", PASSWORD),
        timeout=30,
    )
    assert response.status_code == 401
    assert SECRET not in response.text


def test_rest_for_a_reviewer_and_bad_filter(site):
    url = f"{site.absolute_url()}/{REGISTER_ID}/@intake-register"
    auth = ("kiemduyet", PASSWORD)
    ok = requests.get(
        url,
        params={"month": "2026-11"},
        headers={"Accept": "application/json"},
        auth=auth,
        timeout=30,
    )
    assert ok.status_code == 200, ok.text
    assert [i["title"] for i in ok.json()["items"]] == [SECRET]
    bad = requests.get(
        url,
        params={"month": "tháng 11"},
        headers={"Accept": "application/json"},
        auth=auth,
        timeout=30,
    )
    assert bad.status_code == 400 and "month" in bad.text
    dashboard = requests.get(
        f"{site.absolute_url()}/@editorial-dashboard",
        headers={"Accept": "application/json"},
        auth=auth,
        timeout=30,
    )
    assert dashboard.status_code == 200 and dashboard.json()["reviews"] is True
    quota = requests.get(
        f"{site.absolute_url()}/@editorial-quota",
        params={"month": "2026-13"},
        headers={"Accept": "application/json"},
        auth=auth,
        timeout=30,
    )
    assert quota.status_code == 400 and "month" in quota.text


def test_updater_logs_an_entry_with_the_add_form(site, functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic capnhat1:{PASSWORD}")
    browser.open(f"{site.absolute_url()}/{REGISTER_ID}/++add++IntakeRecord")
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.IBasic.title").value = "Tin về hội thi văn nghệ"
    form.getControl(name="form.widgets.channel:list").value = ["email"]
    form.getControl(name="form.widgets.sender_name").value = "Y Nhung"
    # No soft copy: refused at the field, nothing stored.
    form.getControl(name="form.buttons.save").click()
    assert "Tin về hội thi văn nghệ" not in [o.Title() for o in site[REGISTER_ID].objectValues()]
    assert "field error" in browser.contents or "invalid-feedback" in browser.contents
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.soft_copy").add_file(
        io.BytesIO(b"Noi dung"), "text/plain", "bai.txt"
    )
    form.getControl(name="form.buttons.save").click()
    transaction.begin()
    titles = [o.Title() for o in site[REGISTER_ID].objectValues()]
    assert "Tin về hội thi văn nghệ" in titles
    record = next(
        o for o in site[REGISTER_ID].objectValues() if o.Title() == "Tin về hội thi văn nghệ"
    )
    assert record.listCreators()[0] == "capnhat1"
    assert record.soft_copy.filename == "bai.txt"


def test_control_panel_changes_the_settings(site, functional):
    from plone import api

    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(f"{site.absolute_url()}/@@editorial-board-controlpanel")
    browser.getControl(name="form.widgets.approval_deadline_days").value = "5"
    browser.getControl(name="form.widgets.monthly_quota").value = "2"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert api.portal.get_registry_record("dakto.editorial.approval_deadline_days") == 5
    assert api.portal.get_registry_record("dakto.editorial.monthly_quota") == 2
