"""Bad input, tried (issue 21.1): the ZMI asked for in hostile ways by a
request the public front marked public (``X-Dakto-Front: public``, as the
shipped Varnish and HAProxy mark every client outside DAKTO_ZMI_ALLOW), and
malformed Basic-auth headers at the Zope root. Every case: a 4xx, never a
5xx or a traceback; the ZMI never served."""

import base64

import pytest
import requests
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from dakto.policy.security import root
from dakto.policy.security.lockout import COUNTERS


PUBLIC = {"X-Dakto-Front": "public"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
XMLRPC = (
    "<?xml version='1.0'?><methodCall><methodName>manage_main</methodName>"
    "<params></params></methodCall>"
)
MULTIPART = '--b\r\nContent-Disposition: form-data; name="manage_main:method"\r\n\r\n1\r\n--b--\r\n'

# (method, path under the root, extra headers, body)
ZMI_REQUESTS = {
    "root-manage_main": ("GET", "/manage_main", {}, None),
    "site-manage_main": ("GET", "/{site}/manage_main", {}, None),
    "deep-manage": ("GET", "/{site}/front-page/manage", {}, None),
    "encoded-path": ("GET", "/{site}/%6Danage_main", {}, None),
    "root-acl_users": ("GET", "/acl_users/manage_main", {}, None),
    "control-panel": ("GET", "/Control_Panel/manage_main", {}, None),
    "query-method": ("GET", "/{site}?manage_main:method=1", {}, None),
    "form-method": ("POST", "/{site}", FORM, "manage_main:method=1"),
    "form-action-encoded": ("POST", "/{site}", FORM, "x%3Aaction=manage_main"),
    "form-default-method": ("POST", "/{site}", FORM, ":default_method=manage_main"),
    "multipart-method": (
        "POST",
        "/{site}",
        {"Content-Type": "multipart/form-data; boundary=b"},
        MULTIPART,
    ),
    "xml-rpc": ("POST", "/{site}", {"Content-Type": "text/xml"}, XMLRPC),
}

BASIC_HEADERS = {
    "not-base64": "Basic ###",
    "no-colon": "Basic " + base64.b64encode(b"admin").decode(),
    "empty": "Basic ",
    "not-utf8": "Basic " + base64.b64encode(b"admin:\xff\xfe").decode(),
    "huge-login": "Basic " + base64.b64encode(b"a" * 20_000 + b":x").decode(),
    "nul-login": "Basic " + base64.b64encode(b"ad\x00min:x").decode(),
}


@pytest.fixture
def zope(functional):
    root.install(functional["app"])
    transaction.commit()
    COUNTERS.clear()
    portal = functional["portal"]
    yield {"root": portal.absolute_url().rsplit("/", 1)[0], "site": portal.getId()}
    COUNTERS.clear()


def no_traceback(response):
    assert response.status_code < 500, (response.status_code, response.text[:2000])
    assert "Traceback" not in response.text, response.text[:2000]


@pytest.mark.parametrize("accept", ["text/html", "application/json"])
@pytest.mark.parametrize("kind", sorted(ZMI_REQUESTS))
def test_the_zmi_is_refused_to_public_requests(zope, kind, accept):
    method, path, headers, body = ZMI_REQUESTS[kind]
    response = requests.request(
        method,
        zope["root"] + path.format(site=zope["site"]),
        data=body,
        headers={"Accept": accept, **PUBLIC, **headers},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=60,
        allow_redirects=False,
    )
    no_traceback(response)
    assert response.status_code in (403, 404), (kind, response.status_code)
    assert "manage_tabs" not in response.text and "zmi-" not in response.text


def test_the_same_requests_from_the_zope_port_reach_the_zmi(zope):
    """No mark (an SSH tunnel to the Zope port): the administrator works."""
    response = requests.post(
        f"{zope['root']}/{zope['site']}",
        data="manage_main:method=1",
        headers=FORM,
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=60,
    )
    assert response.status_code == 200
    assert "zmi" in response.text


@pytest.mark.parametrize("kind", sorted(BASIC_HEADERS))
def test_malformed_basic_auth_at_the_root(zope, kind):
    response = requests.get(
        zope["root"] + "/manage_main",
        headers={"Authorization": BASIC_HEADERS[kind]},
        timeout=60,
    )
    no_traceback(response)
    assert 400 <= response.status_code < 500, (kind, response.status_code)
    if response.status_code == 400:  # the reason, in Vietnamese by default
        assert "Authorization" in response.text
