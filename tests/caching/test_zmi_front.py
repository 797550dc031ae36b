"""The shipped public front (deploy/varnish/default.vcl, deploy/haproxy/
haproxy.cfg.in), run with the real daemons in front of the functional Zope
server, refuses the ZMI to clients outside DAKTO_ZMI_ALLOW (default: this
machine, 127.0.0.1 and ::1) and lets it through for the allowed ones.

The client "outside" connects from 127.0.0.2 (a loopback address that is not
in the default list); the allowed one from 127.0.0.1."""

import base64
import http.client
import time
from urllib.parse import urlsplit

import pytest

from tests.caching.helpers import MANAGER
from tests.caching.proxies import HAProxy
from tests.caching.proxies import Varnish
from tests.caching.proxies import render
from tests.caching.proxies import require_program


OUTSIDE = "127.0.0.2"
ALLOWED = "127.0.0.1"
AUTH = {"Authorization": "Basic " + base64.b64encode(":".join(MANAGER).encode()).decode()}


def call(proxy, path, source, method="GET", body=None, headers=None):
    """(status, body) of one request to the proxy from the address ``source``."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", proxy.port, timeout=60, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers=dict(headers or {}))
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


@pytest.fixture(params=["varnish", "haproxy"])
def front(request, functional_portal):
    """The shipped Varnish or HAProxy configuration in front of the
    functional server; ``site`` is the site's path (/plone)."""
    backend = urlsplit(functional_portal.absolute_url())
    site = backend.path.strip("/")
    if request.param == "varnish":
        require_program("varnishd", "varnish")
        proxy = Varnish(backend.port, backend_host="127.0.0.1")
    else:
        require_program("haproxy", "haproxy")
        proxy = HAProxy([backend.port], site=site, check_interval="30s")
    with proxy:
        proxy.site = "/" + site
        yield proxy
    # A health check or background fetch still running in Zope when the test's
    # database goes away would leave that Zope thread broken for later tests.
    time.sleep(1)


ZMI_PATHS = (
    "/manage_main",
    "/manage",
    "/acl_users",
    "/acl_users/manage_main",
    "/Control_Panel",
    "/Control_Panel/Database/manage_main",
    "{site}/manage_main",
    "{site}/manage_workspace",
    "{site}/news/manage_propertiesForm",
    "{site}/acl_users/source_users/manage_users",
    "{site}/%6Danage_main",  # Zope decodes the path
    "{site}%2Fmanage_main",
    "/VirtualHostBase/http/example.org:80/acl_users",
    "{site}?manage_main:method=1",
    "{site}?x%3Amethod=manage_main",
    "{site}?:default_action=manage_main",
)


REFUSAL = {  # the proxy's own 403 page, not Zope's
    "varnish": "The management interface is not reachable from this address",
    "haproxy": "Request forbidden by administrative rule",
}


@pytest.mark.parametrize("path", ZMI_PATHS)
def test_the_zmi_is_refused_from_outside(front, path):
    status, body = call(front, path.format(site=front.site), OUTSIDE, headers=AUTH)
    assert status == 403, path
    assert REFUSAL[front.name] in body, body[:300]


def test_the_zmi_through_a_form_body_or_xmlrpc_is_refused_from_outside(front):
    """What the proxy cannot see (the :method marker in a POST body), Zope
    refuses to requests the proxy marked public."""
    form = {"Content-Type": "application/x-www-form-urlencoded", **AUTH}
    status, body = call(front, front.site, OUTSIDE, "POST", "manage_main:method=1", form)
    assert status == 403
    xmlrpc = (
        "<?xml version='1.0'?><methodCall><methodName>manage_main</methodName>"
        "<params></params></methodCall>"
    )
    headers = {"Content-Type": "text/xml", **AUTH}
    assert call(front, front.site, OUTSIDE, "POST", xmlrpc, headers)[0] == 403
    # the same form from an allowed address reaches the ZMI
    assert call(front, front.site, ALLOWED, "POST", "manage_main:method=1", form)[0] == 200


def test_the_public_site_and_the_login_still_work_from_outside(front):
    assert call(front, front.site, OUTSIDE)[0] == 200
    assert call(front, front.site + "/login", OUTSIDE)[0] == 200
    # Plone's challenge sends visitors through the site's acl_users
    status, _ = call(
        front, front.site + "/acl_users/credentials_cookie_auth/require_login", OUTSIDE
    )
    assert status in (200, 302)
    # a client cannot unmark itself
    headers = {"X-Dakto-Front": "private", **AUTH}
    assert call(front, front.site + "/manage_main", OUTSIDE, headers=headers)[0] == 403


@pytest.mark.parametrize("path", ("/manage_main", "{site}/manage_main", "/acl_users/manage_main"))
def test_the_zmi_passes_from_an_allowed_address(front, path):
    status, body = call(front, path.format(site=front.site), ALLOWED, headers=AUTH)
    assert status == 200, body[:300]
    # without credentials Zope asks for them (401), it is not refused (403)
    assert call(front, "/manage_main", ALLOWED)[0] == 401


def test_the_allowed_addresses_are_a_setting(functional_portal):
    require_program("haproxy", "haproxy")
    backend = urlsplit(functional_portal.absolute_url())
    site = backend.path.strip("/")
    with HAProxy(
        [backend.port], site=site, check_interval="30s", zmi_allow="127.0.0.2/32"
    ) as proxy:
        assert call(proxy, "/manage_main", "127.0.0.2", headers=AUTH)[0] == 200
        assert call(proxy, "/manage_main", "127.0.0.1", headers=AUTH)[0] == 403
    time.sleep(1)
    with pytest.raises(render.RenderError, match="not an address"):
        render.zmi_addresses("10.0.0.1 not-an-address")
