"""Password policy, plone.protect's CSRF check, upload sniffing, audit of
roles, groups, sharing and publishing, and @@audit-log."""

import base64

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from dakto.policy.filetypes import mismatch
from dakto.policy.security import audit
from dakto.policy.security.password import password_errors
from tests.security.conftest import PASSWORD


OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
JSON = {"Accept": "application/json", "Accept-Language": "vi"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("ngan", False),
        ("123456789", False),
        ("nguyenvana-2026", False),  # contains the login name
        ("NGUYENVANA@dakto.example.org", False),
        ("Hoa-sen-no-giua-dong", True),
    ],
)
def test_password_rules(portal, password, ok):
    errors = password_errors(password, ["nguyenvana", "nguyenvana@dakto.example.org"])
    assert (not errors) is ok


def add_user(site, username, password):
    return requests.post(
        site.absolute_url() + "/@users",
        json={"username": username, "email": f"{username}@dakto.example.org", "password": password},
        auth=OWNER,
        headers=JSON,
        timeout=30,
    )


def test_rest_user_creation_applies_the_policy(site):
    response = add_user(site, "dungnv", "ngan")
    assert response.status_code == 400
    assert "ít nhất 10 ký tự" in response.json()["error"]["message"]
    response = add_user(site, "dungnv", "dungnv-2026-abc")
    assert response.status_code == 400
    assert "tên đăng nhập" in response.json()["error"]["message"]
    assert api.user.get(userid="dungnv") is None
    assert add_user(site, "dungnv", "Hoa-sen-no-giua-dong").status_code == 201


def test_change_password_form_applies_the_policy(site):
    browser = Browser(site.aq_parent)
    browser.addHeader("Authorization", f"Basic binh:{PASSWORD}")
    browser.addHeader("Accept-Language", "vi")
    browser.open(site.absolute_url() + "/@@change-password")
    browser.getControl(name="form.widgets.current_password").value = PASSWORD
    browser.getControl(name="form.widgets.new_password").value = "binh-moi-2026"
    browser.getControl(name="form.widgets.new_password_ctl").value = "binh-moi-2026"
    browser.getControl(name="form.buttons.reset_passwd").click()
    assert "không được trùng hoặc chứa tên đăng nhập" in browser.contents


def test_csrf_protection_is_on(site):
    """A POST without plone.protect's token is refused; with it, it works."""
    browser = Browser(site.aq_parent)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.addHeader("Authorization", f"Basic binh:{PASSWORD}")
    url = site.absolute_url() + "/@@personal-information"
    browser.post(
        url,
        "form.widgets.fullname=Hacker&form.widgets.email=binh%40dakto.example.org"
        "&form.buttons.save=Save",
    )
    transaction.begin()
    assert api.user.get(userid="binh").getProperty("fullname") != "Hacker"
    browser.open(url)
    browser.getControl(name="form.widgets.fullname").value = "Lê Văn Bình"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert api.user.get(userid="binh").getProperty("fullname") == "Lê Văn Bình"


@pytest.mark.parametrize(
    ("name", "mime", "data", "bad"),
    [
        ("bao-cao.pdf", "application/pdf", PDF, False),
        ("virus.pdf", "application/pdf", EXE, True),
        ("anh.png", "image/png", PNG, False),
        ("anh.jpg", "image/jpeg", PNG, True),
        ("anh.png", "image/jpeg", PNG, True),
        ("ghi-chu.txt", "text/plain", "Xin chào".encode(), False),
        ("tai-lieu.docx", "application/octet-stream", PDF, True),
        ("setup.exe", "application/octet-stream", EXE, True),
    ],
)
def test_sniffing(name, mime, data, bad):
    assert (mismatch(name, mime, data) is not None) is bad


def post_file(site, name, data, mime="application/pdf"):
    return requests.post(
        site.absolute_url(),
        json={
            "@type": "File",
            "title": name,
            "file": {
                "data": base64.b64encode(data).decode(),
                "encoding": "base64",
                "filename": name,
                "content-type": mime,
            },
        },
        auth=OWNER,
        headers=JSON,
        timeout=30,
    )


def test_disguised_upload_refused_over_rest(site):
    response = post_file(site, "quyet-dinh.pdf", EXE)
    assert response.status_code == 400
    assert "là một chương trình" in response.json()["message"]
    transaction.begin()
    assert "quyet-dinh.pdf" not in site
    assert post_file(site, "quyet-dinh.pdf", PDF).status_code == 201


def test_disguised_upload_refused_in_the_form(site):
    browser = Browser(site.aq_parent)
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.addHeader("Accept-Language", "vi")
    browser.open(site.absolute_url() + "/++add++File")
    browser.getControl(name="form.widgets.title").value = "Tệp giả"
    browser.getControl(name="form.widgets.file").add_file(EXE, "application/pdf", "gia.pdf")
    browser.getControl(name="form.buttons.save").click()
    assert "là một chương trình" in browser.contents
    transaction.begin()
    assert "gia.pdf" not in site


def test_audit_of_groups_roles_sharing_and_publishing(site):
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="Reviewers", username="chi")
        api.group.remove_user(groupname="Reviewers", username="chi")
        api.user.grant_roles(username="chi", roles=["Editor"])
        news = api.content.create(
            container=site["tin-tuc"], type="News Item", id="tin-kiem-tra", title="Tin kiểm tra"
        )
    transaction.commit()
    # sharing tab, over HTTP, as the site owner
    browser = Browser(site.aq_parent)
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(news.absolute_url() + "/@@sharing")
    browser.getControl(name="form.button.Save").click()
    # publishing over REST
    for transition in ("submit", "approve", "publish"):
        requests.post(
            news.absolute_url() + f"/@workflow/{transition}", auth=OWNER, headers=JSON, timeout=30
        )
    events = {(e["event"], e.get("transition")) for e in audit.read()}
    assert ("group_added", None) in events and ("group_removed", None) in events
    assert ("roles_set", None) in events
    assert ("workflow", "publish") in events
    roles = next(e for e in audit.read(kind="roles"))
    assert roles["principal"] == "chi" and roles["added"] == ["Editor"]
    # the administrators' page lists them, filtered by kind
    page = requests.get(site.absolute_url() + "/@@audit-log?kind=workflow", auth=OWNER, timeout=30)
    assert page.status_code == 200 and "tin-kiem-tra" in page.text and "binh" not in page.text
    assert requests.get(
        site.absolute_url() + "/@@audit-log",
        auth=("chi", PASSWORD),
        allow_redirects=False,
        timeout=30,
    ).status_code in (401, 403, 302)
