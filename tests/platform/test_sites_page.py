"""The province administrators' page /@@dakto-sites and the REST service /@dakto-sites
at the Zope root (issue 15): list, add, remove with confirmation and backup."""

import html
import re

import pytest
import requests
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from plone.testing.zope import Browser


@pytest.fixture
def backups(tmp_path, monkeypatch):
    from App.config import getConfiguration

    monkeypatch.setattr(getConfiguration(), "clienthome", str(tmp_path))
    return tmp_path / "site-backups"


def admin_browser(functional, language="vi"):
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.addHeader("Accept-Language", language)
    return browser


def text(browser):
    """The page's text (plone.protect's transform writes non-ASCII letters as
    character references)."""
    return html.unescape(browser.contents)


def page_url(functional):
    return functional["app"].absolute_url() + "/@@dakto-sites"


def fill_add_form(browser, site_id, name, kind, province, domain=""):
    form = browser.getForm(index=0 if "form.remove" not in text(browser) else 1)
    form.getControl(name="site_id").value = site_id
    form.getControl(name="name").value = name
    form.getControl(name="kind").value = [kind]
    form.getControl(name="province").value = province
    form.getControl(name="domain").value = domain
    form.getControl(name="form.add").click()


def test_page_lists_adds_and_removes_sites_in_vietnamese(functional, backups):
    # Through the WSGI server, as an administrator's browser does.
    app = functional["app"]
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    page = session.get(page_url(functional))
    assert page.status_code == 200
    assert page.headers["Content-Language"] == "vi"
    assert "Các trang của tỉnh" in html.unescape(page.text)
    assert "Ủy ban nhân dân xã Đắk Tô" in html.unescape(page.text)  # the layer's site
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
    added = session.post(
        page_url(functional),
        data={
            "_authenticator": token,
            "site_id": "phuong-hai-chau",
            "name": "Hải Châu",
            "kind": "phuong",
            "province": "Đà Nẵng",
            "domain": "haichau.danang.gov.vn",
            "form.add": "1",
        },
    )
    assert added.status_code == 200, added.text
    assert "Đã tạo trang phuong-hai-chau" in html.unescape(added.text)
    assert "haichau.danang.gov.vn" in added.text
    transaction.begin()
    assert app["phuong-hai-chau"].portal_registry["dakto.identity.body_name"] == (
        "Ủy ban nhân dân phường Hải Châu"
    )
    # The new site is served at once.
    home = requests.get(app.absolute_url() + "/phuong-hai-chau")
    assert home.status_code == 200
    assert "Trang thông tin điện tử phường Hải Châu" in html.unescape(home.text)

    # Remove: a confirmation form first; a wrong id keeps the site.
    confirm = session.get(page_url(functional), params={"remove": "phuong-hai-chau"})
    assert "Xóa trang phuong-hai-chau" in html.unescape(confirm.text)
    token = re.search(r'name="_authenticator" value="([^"]+)"', confirm.text).group(1)
    fields = {"_authenticator": token, "site_id": "phuong-hai-chau", "form.remove": "1"}
    refused = session.post(page_url(functional), data=dict(fields, confirm="phuong-hai"))
    assert refused.status_code == 400
    assert "Chưa xác nhận" in html.unescape(refused.text)
    transaction.begin()
    assert "phuong-hai-chau" in app.objectIds()
    removed = session.post(page_url(functional), data=dict(fields, confirm="phuong-hai-chau"))
    assert removed.status_code == 200, removed.text
    assert "Đã xóa trang phuong-hai-chau" in html.unescape(removed.text)
    transaction.begin()
    assert "phuong-hai-chau" not in app.objectIds()
    assert [p.name for p in backups.glob("phuong-hai-chau-*.zexp")]


def test_page_bad_input_is_a_form_message(functional):
    browser = admin_browser(functional)
    browser.open(page_url(functional))
    fill_add_form(browser, "Plone!", "Ngọc Tụ", "xa", "Quảng Ngãi")
    assert browser.headers["status"].startswith("400")
    assert "không phải mã trang" in text(browser)
    assert 'value="Ngọc Tụ"' in text(browser)  # what was typed stays
    fill_add_form(browser, "xa-ngoc-tu", "  ", "xa", "Quảng Ngãi")
    assert "Tên Ủy ban nhân dân đang để trống" in text(browser)
    transaction.begin()
    assert "xa-ngoc-tu" not in functional["app"].objectIds()


def test_page_refuses_a_post_without_the_authenticator(functional):
    browser = admin_browser(functional)
    browser.open(page_url(functional))
    html = text(browser)
    token = re.search(r'name="_authenticator" value="([^"]+)"', html).group(1)
    assert token
    browser.post(
        page_url(functional),
        "site_id=xa-ngoc-tu&name=Ng%E1%BB%8Dc+T%E1%BB%A5&kind=xa&province=Qu%E1%BA%A3ng+Ng%C3%A3i&form.add=1",
    )
    assert browser.headers["status"].startswith("403")
    transaction.begin()
    assert "xa-ngoc-tu" not in functional["app"].objectIds()


def test_page_is_for_the_roots_managers_only(functional):
    browser = Browser(functional["app"])
    browser.raiseHttpErrors = False
    browser.open(page_url(functional))
    assert browser.headers["status"].startswith("401")
    # A user of a site (the layer's test user, a Manager there) is not known at the root.
    browser.addHeader("Authorization", f"Basic {TEST_USER_NAME}:{TEST_USER_PASSWORD}")
    browser.open(page_url(functional))
    assert browser.headers["status"].startswith("401")


def rest(functional):
    session = requests.Session()
    session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    session.headers["Accept"] = "application/json"
    return session, functional["app"].absolute_url() + "/@dakto-sites"


def test_rest_service_lists_adds_and_removes(functional, backups):
    session, url = rest(functional)
    listing = session.get(url)
    assert listing.status_code == 200, listing.text
    assert [row["id"] for row in listing.json()["items"]] == ["plone"]
    created = session.post(
        url,
        json={
            "id": "xa-ngoc-tu",
            "name": "Ủy ban nhân dân xã Ngọc Tụ",
            "kind": "xa",
            "province": "Quảng Ngãi",
        },
    )
    assert created.status_code == 201, created.text
    assert created.json()["name"] == "Ủy ban nhân dân xã Ngọc Tụ"
    assert created.json()["kind"] == "xa"
    assert created.headers["Location"].endswith("/xa-ngoc-tu")
    one = session.get(url + "/xa-ngoc-tu")
    assert one.status_code == 200 and one.json()["province"] == "Quảng Ngãi"
    assert session.get(url + "/khong-co").status_code == 404

    refused = session.delete(url + "/xa-ngoc-tu")
    assert refused.status_code == 400
    assert "Chưa xác nhận" in refused.json()["error"]["message"]
    removed = session.delete(url + "/xa-ngoc-tu", params={"confirm": "xa-ngoc-tu"})
    assert removed.status_code == 200, removed.text
    assert removed.json()["backup"].endswith(".zexp")
    assert [row["id"] for row in session.get(url).json()["items"]] == ["plone"]
    assert list(backups.glob("xa-ngoc-tu-*.zexp"))


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            {"id": "xa-moi", "name": "Mới", "kind": "thi-tran", "province": "Quảng Ngãi"},
            "Unknown kind",
        ),
        ({"id": "plone", "name": "Mới", "kind": "xa", "province": "Quảng Ngãi"}, "already taken"),
        ({"id": "xa-moi", "kind": "xa", "province": "Quảng Ngãi"}, "Missing fields: name"),
        ([], "not a JSON object"),
    ],
)
def test_rest_bad_input_is_a_400_with_a_reason(functional, body, expected):
    session, url = rest(functional)
    session.headers["Accept-Language"] = "en"
    answer = session.post(url, json=body)
    assert answer.status_code == 400, answer.text
    assert expected in answer.json()["error"]["message"]
    assert [row["id"] for row in session.get(url).json()["items"]] == ["plone"]


def test_rest_service_needs_a_root_manager(functional):
    _session, url = rest(functional)
    assert requests.get(url, headers={"Accept": "application/json"}).status_code == 401
    answer = requests.post(
        url,
        json={"id": "xa-moi", "name": "Mới", "kind": "xa", "province": "Quảng Ngãi"},
        headers={"Accept": "application/json"},
        auth=(TEST_USER_NAME, TEST_USER_PASSWORD),
    )
    assert answer.status_code == 401
