"""Issue 21.6, response headers: no X-Powered-By, a Permissions-Policy, HSTS
only behind TLS, and a CSP without 'unsafe-inline' for scripts on public
pages (the pages anonymous visitors get have no inline script to need it)."""

import re

import pytest
import requests
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from dakto.policy.security.headers import AUTHENTICATED_CONTENT_SECURITY_POLICY
from dakto.policy.security.headers import CONTENT_SECURITY_POLICY
from dakto.policy.security.headers import PERMISSIONS_POLICY
from tests.security.conftest import PASSWORD


PUBLIC_PATHS = ("", "/tin-tuc", "/login", "/no-such-page", "/@search", "/@@search?SearchableText=a")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def directives(policy):
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_no_powered_by_and_permissions_policy(site, path):
    response = requests.get(site.absolute_url() + path, timeout=30)
    assert "X-Powered-By" not in response.headers, path
    assert response.headers["Permissions-Policy"] == PERMISSIONS_POLICY
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in response.headers["Permissions-Policy"]


def test_no_powered_by_on_files_and_for_members(site):
    logo = requests.get(site.absolute_url() + "/favicon.ico", timeout=30)
    assert "X-Powered-By" not in logo.headers
    assert "Permissions-Policy" in logo.headers
    page = requests.get(site.absolute_url(), auth=("binh", PASSWORD), timeout=30)
    assert "X-Powered-By" not in page.headers
    assert "Permissions-Policy" in page.headers


def test_hsts_only_behind_tls(site):
    plain = requests.get(site.absolute_url(), timeout=30)
    assert "Strict-Transport-Security" not in plain.headers
    tls = requests.get(site.absolute_url(), headers={"X-Forwarded-Proto": "https"}, timeout=30)
    assert tls.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_csp_forbids_inline_scripts(site, path):
    response = requests.get(site.absolute_url() + path, timeout=30)
    policy = response.headers["Content-Security-Policy"]
    assert policy == CONTENT_SECURITY_POLICY
    assert directives(policy)["script-src"] == ["'self'"]
    # and the page needs none: no inline script, no event-handler attribute
    assert not INLINE_SCRIPT.findall(response.text), path
    assert not EVENT_HANDLER.findall(response.text), path


def test_authenticated_pages_keep_inline_scripts(site):
    """Zope's management screens and z3c.form's ordered-select widget (the news
    topics field) write inline scripts and onclick handlers: for logged-in
    users 'unsafe-inline' stays (README, Security)."""
    auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    response = requests.get(site.absolute_url() + "/manage_main", auth=auth, timeout=30)
    assert INLINE_SCRIPT.findall(response.text)
    assert response.headers["Content-Security-Policy"] == AUTHENTICATED_CONTENT_SECURITY_POLICY
    assert directives(AUTHENTICATED_CONTENT_SECURITY_POLICY)["script-src"] == [
        "'self'",
        "'unsafe-inline'",
        "'unsafe-eval'",  # Plone's folder contents (tests/browser/test_folder_contents.py)
    ]
