"""Security headers, cookie flags, session settings, ZMI and control panel access."""

import re

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from dakto.policy.security.headers import CONTENT_SECURITY_POLICY
from tests.security.conftest import PASSWORD


def test_headers_on_pages_files_and_errors(site):
    for path in ("", "/login", "/no-such-page", "/@search"):
        response = requests.get(site.absolute_url() + path, timeout=30)
        headers = response.headers
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["X-Frame-Options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
        assert "Strict-Transport-Security" not in headers  # plain HTTP


def test_hsts_and_secure_cookie_over_https(site):
    response = requests.post(
        site.absolute_url() + "/login",
        data={"__ac_name": "binh", "__ac_password": PASSWORD, "buttons.login": "Log in"},
        headers={"X-Forwarded-Proto": "https"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    cookie = next(c for c in response.raw.headers.getlist("Set-Cookie") if c.startswith("__ac="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    # over plain HTTP: HttpOnly and SameSite, no Secure
    response = requests.post(
        site.absolute_url() + "/login",
        data={"__ac_name": "binh", "__ac_password": PASSWORD, "buttons.login": "Log in"},
        allow_redirects=False,
        timeout=30,
    )
    cookie = next(c for c in response.raw.headers.getlist("Set-Cookie") if c.startswith("__ac="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_session_settings_follow_the_registry(site):
    session = site.acl_users.session
    assert session.timeout == 120 * 60
    api.portal.set_registry_record("dakto.policy.security.session_timeout_minutes", 30)
    assert session.timeout == 30 * 60 and session.refresh_interval == 450
    api.portal.set_registry_record("dakto.policy.security.behind_https", True)
    assert session.secure is True
    api.portal.set_registry_record("dakto.policy.security.behind_https", False)
    api.portal.set_registry_record("dakto.policy.security.session_timeout_minutes", 120)
    transaction.commit()


def test_themed_page_loads_its_resources_under_the_csp(site):
    """Every script, style sheet and image of the themed front page comes from
    the site itself (the CSP allows no other host)."""
    response = requests.get(site.absolute_url(), timeout=30)
    assert response.status_code == 200
    urls = re.findall(r'<(?:script|img)[^>]+src="([^"]+)"', response.text)
    urls += re.findall(r'<link[^>]+href="([^"]+)"', response.text)
    resources = [u for u in urls if re.search(r"\.(js|css|png|svg|ico|jpg)(\?|$)", u)]
    assert resources
    for url in resources:
        if url.startswith("data:"):
            continue
        assert url.startswith(site.absolute_url()) or url.startswith("/"), url
        if not url.startswith("http"):
            url = site.aq_parent.absolute_url() + url
        assert requests.get(url, timeout=30).status_code == 200, url


ROLE_USERS = {"quanly": "Site Administrator", "bientap": "Editor", "thanhvien": "Member"}


@pytest.fixture
def role_users(site):
    with api.env.adopt_roles(["Manager"]):
        for user_id, role in ROLE_USERS.items():
            if api.user.get(userid=user_id) is None:
                api.user.create(
                    email=f"{user_id}@dakto.example.org", username=user_id, password=PASSWORD
                )
                site.acl_users.portal_role_manager.assignRoleToPrincipal(role, user_id)
        if "tai-lieu" not in site:
            api.content.create(container=site, type="Document", id="tai-lieu", title="Tài liệu")
        api.user.grant_roles(username="bientap", obj=site["tai-lieu"], roles=["Owner"])
    transaction.commit()
    return site


def status(url, auth=None):
    """The status; a redirect counts as what it leads to (login form: refused)."""
    response = requests.get(url, auth=auth, allow_redirects=False, timeout=30)
    location = response.headers.get("Location", "")
    if response.status_code == 302 and "login" in location:
        return 401
    if response.status_code == 302:  # e.g. manage_workspace: where it leads
        return status(location, auth) if location != url else 508
    return response.status_code


@pytest.mark.parametrize(
    "path",
    [
        "/manage_main",
        "/manage",
        "/manage_access",
        "/tai-lieu/manage_main",
        "/acl_users/manage_main",
    ],
)
def test_zmi_is_for_managers_only(role_users, path):
    url = role_users.absolute_url() + path
    assert status(url) == 401
    for user_id in ROLE_USERS:
        assert status(url, (user_id, PASSWORD)) in (401, 403), (user_id, path)
    assert status(url, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)) == 200


def test_overview_controlpanel_for_administrators_only(role_users):
    url = role_users.absolute_url() + "/@@overview-controlpanel"
    assert status(url) == 401
    assert status(url, ("bientap", PASSWORD)) in (401, 403)
    assert status(url, ("thanhvien", PASSWORD)) in (401, 403)
    assert status(url, ("quanly", PASSWORD)) == 200
    assert status(url, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)) == 200
