"""A site's JWT sent to the Zope root: the root does not know it, and says so.

The root's JWT plugin signs the tokens of the root's own users (the province's
staff logging in at a site) with a secret of its own, not a keyring the root
does not have (docs/platform-isolation.md): a ``Bearer`` header at the root,
valid at a site or forged, is a visitor the root does not know: 401, never an
error page; a root user's token holds at the site and at the root.
"""

import requests
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from tests.security.conftest import PASSWORD


def _token(site, login, password=PASSWORD):
    response = requests.post(
        site.absolute_url() + "/@login",
        json={"login": login, "password": password},
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 200, response.text[:300]
    return response.json()["token"]


def _get(url, token):
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    return requests.get(url, headers=headers, timeout=60, allow_redirects=False)


def test_a_sites_token_at_the_zope_root_is_refused_not_an_error(site):
    root = site.aq_parent.absolute_url()
    for token in (_token(site, "binh"), "not.a.token", "e30.e30.e30"):
        for path in ("/manage_main", "/@@dakto-sites", "/@dakto-sites"):
            response = _get(root + path, token)
            assert response.status_code in (401, 403), (
                path,
                response.status_code,
                response.text[:300],
            )
            assert "Traceback" not in response.text


def test_a_root_users_token_holds_at_the_site_and_at_the_root(site):
    token = _token(site, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    me = _get(site.absolute_url() + f"/@users/{SITE_OWNER_NAME}", token)
    assert me.status_code == 200, me.text[:300]
    assert _get(site.aq_parent.absolute_url() + "/@dakto-sites", token).status_code == 200
