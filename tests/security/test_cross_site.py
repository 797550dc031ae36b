"""REST writes made with the login cookie come from the portal's own pages
(issue 21.3): JSON or the form token, and the portal's own Origin/Referer;
else 403 with the reason and nothing changed. Token (JWT) and Basic-auth
clients are not concerned."""

import json
import re
from urllib.parse import urlsplit

import pytest
import requests
import transaction
from plone import api

from dakto.policy.security.csrf import origin
from tests.workflow.helpers import PASSWORD
from tests.workflow.helpers import USERS
from tests.workflow.helpers import make_item
from tests.workflow.helpers import site_with_members


UPDATER = USERS["updater"][0]
SECTION = "tin-tuc/kinh-te"
EVIL = "http://evil.example"
ATTRIBUTION = {"news_source": "UBND thị trấn", "news_author": "Nguyễn Văn An"}
NEWS = {"@type": "News Item", "title": "Tin giả mạo", **ATTRIBUTION}


@pytest.fixture
def site(functional):
    return site_with_members(functional)


def own(portal):
    return origin(portal.absolute_url())


def sibling(portal):
    """A sibling sub-domain: the same *site* for SameSite, another origin."""
    parts = urlsplit(portal.absolute_url())
    return f"{parts.scheme}://xa-ben-canh.{parts.hostname}:{parts.port}"


def cookie_session(portal, user=UPDATER, password=PASSWORD):
    """A browser's session after the login form: the ``__ac`` cookie."""
    session = requests.Session()
    response = session.post(
        portal.absolute_url() + "/login",
        data={"__ac_name": user, "__ac_password": password, "buttons.login": "Đăng nhập"},
        headers={"Accept-Language": "vi"},
        timeout=60,
    )
    assert response.status_code == 200 and "__ac" in session.cookies, response.status_code
    return session


def form_token(session, portal):
    page = session.get(portal.absolute_url() + "/@@personal-information", timeout=60).text
    return re.search(r'name="_authenticator" value="([0-9a-f]+)"', page).group(1)


def titles(portal):
    transaction.begin()
    return sorted(
        b.Title
        for b in api.content.find(
            path="/".join(portal.unrestrictedTraverse(SECTION).getPhysicalPath()),
            portal_type="News Item",
        )
    )


def post_news(session, portal, content_type="text/plain", **headers):
    return session.post(
        f"{portal.absolute_url()}/{SECTION}",
        data=json.dumps(NEWS).encode(),
        headers={"Accept": "application/json", "Content-Type": content_type, **headers},
        timeout=60,
    )


def refused(response, reason):
    assert response.status_code == 403, (response.status_code, response.text[:300])
    body = response.json()["error"]
    assert body["type"] == "CrossSiteRequestRefused"
    assert reason in body["message"], body["message"]
    assert "Traceback" not in response.text


REASON_ORIGIN = "phải đến từ chính các trang của cổng thông tin"
REASON_TYPE = "phải gửi dưới dạng JSON"


def test_the_issues_request_is_refused(site):
    """__ac, text/plain, Accept: application/json, Origin: http://evil.example."""
    before = titles(site)
    session = cookie_session(site)
    response = post_news(session, site, Origin=EVIL, **{"Accept-Language": "vi"})
    refused(response, REASON_ORIGIN)
    assert EVIL in response.json()["error"]["message"]
    assert titles(site) == before


def test_a_sibling_sub_domain_is_refused(site):
    before = titles(site)
    session = cookie_session(site)
    refused(post_news(session, site, Origin=sibling(site)), REASON_ORIGIN)
    refused(post_news(session, site, "application/json", Origin=sibling(site)), REASON_ORIGIN)
    refused(post_news(session, site, Referer=sibling(site) + "/trang"), REASON_ORIGIN)
    assert titles(site) == before


def test_neither_origin_nor_referer_is_refused(site):
    session = cookie_session(site)
    refused(post_news(session, site, "application/json"), REASON_ORIGIN)


def test_own_origin_but_text_plain_without_token_is_refused(site):
    session = cookie_session(site)
    refused(post_news(session, site, Origin=own(site)), REASON_TYPE)


def test_the_reason_in_english(site):
    session = cookie_session(site)
    response = post_news(session, site, Origin=EVIL, **{"Accept-Language": "en"})
    assert response.status_code == 403
    assert "must come from the portal's own pages" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "OWN"},
        {"Referer": "OWN/tin-tuc"},  # a browser that sent no Origin
    ],
    ids=["origin", "referer"],
)
def test_own_json_writes_work(site, headers):
    session = cookie_session(site)
    headers = {k: v.replace("OWN", own(site)) for k, v in headers.items()}
    response = post_news(session, site, "application/json", **headers)
    assert response.status_code == 201, response.text[:300]
    assert "Tin giả mạo" in titles(site)


def test_own_origin_with_the_form_token_works(site):
    session = cookie_session(site)
    token = form_token(session, site)
    response = post_news(session, site, Origin=own(site), **{"X-CSRF-TOKEN": token})
    assert response.status_code == 201, response.text[:300]
    refused(post_news(session, site, Origin=own(site), **{"X-CSRF-TOKEN": "0" * 40}), REASON_TYPE)


def test_patch_delete_and_workflow_refused_cross_site(site):
    item = make_item(site, "News Item", "tin-that", title="Tin thật")
    transaction.commit()
    url = item.absolute_url()
    session = cookie_session(site)
    plain = {"Accept": "application/json", "Content-Type": "text/plain", "Origin": EVIL}
    refused(
        session.patch(
            url,
            data=json.dumps({"title": "Bị sửa", **ATTRIBUTION}).encode(),
            headers=plain,
            timeout=60,
        ),
        "",
    )
    refused(session.post(url + "/@workflow/submit", data=b"{}", headers=plain, timeout=60), "")
    refused(session.delete(url, headers=plain, timeout=60), "")
    transaction.begin()
    item = site.unrestrictedTraverse(SECTION)["tin-that"]
    assert item.Title() == "Tin thật"
    assert api.content.get_state(item) == "draft"
    # The same from the portal's own pages, as JSON: done.
    mine = {"Accept": "application/json", "Content-Type": "application/json", "Origin": own(site)}
    response = session.patch(
        url,
        data=json.dumps({"title": "Tin đã sửa", **ATTRIBUTION}).encode(),
        headers=mine,
        timeout=60,
    )
    assert response.status_code == 204, response.text[:300]
    transaction.begin()
    assert site.unrestrictedTraverse(SECTION)["tin-that"].Title() == "Tin đã sửa"


def test_basic_auth_and_jwt_clients_unchanged(site):
    before = titles(site)
    headers = {"Accept": "application/json", "Content-Type": "text/plain", "Origin": EVIL}
    url = f"{site.absolute_url()}/{SECTION}"
    body = json.dumps(NEWS).encode()
    response = requests.post(url, data=body, headers=headers, auth=(UPDATER, PASSWORD), timeout=60)
    assert response.status_code == 201, response.text[:300]
    token = requests.post(
        site.absolute_url() + "/@login",
        json={"login": UPDATER, "password": PASSWORD},
        headers={"Accept": "application/json"},
        timeout=60,
    ).json()
    assert "token" in token, token
    token = token["token"]
    response = requests.post(
        url, data=body, headers={**headers, "Authorization": f"Bearer {token}"}, timeout=60
    )
    assert response.status_code == 201, response.text[:300]
    assert len(titles(site)) == len(before) + 2


def test_anonymous_public_writes_unchanged(site):
    """No login, nothing to forge: the public REST services answer as before."""
    response = requests.post(
        site.absolute_url() + "/@login",
        data=json.dumps({"login": UPDATER, "password": PASSWORD}).encode(),
        headers={"Accept": "application/json", "Content-Type": "text/plain", "Origin": EVIL},
        timeout=60,
    )
    assert response.status_code == 200


def test_virtual_hosting_uses_the_public_address(functional, site):
    """Behind the proxy the portal's origin is its public address."""
    from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster

    app = functional["app"]
    if "virtual_hosting" not in app.objectIds():
        manage_addVirtualHostMonster(app, "virtual_hosting")
        transaction.commit()
    path = "/".join(site.getPhysicalPath())
    vhost = f"http://localhost:{urlsplit(site.absolute_url()).port}/VirtualHostBase/https/congthongtin.dakto.example:443{path}/VirtualHostRoot"
    session = cookie_session(site)
    public = "https://congthongtin.dakto.example"
    headers = {"Accept": "application/json", "Content-Type": "application/json"}
    body = json.dumps(NEWS).encode()
    response = session.post(
        f"{vhost}/{SECTION}", data=body, headers={**headers, "Origin": public}, timeout=60
    )
    assert response.status_code == 201, response.text[:300]
    response = session.post(
        f"{vhost}/{SECTION}", data=body, headers={**headers, "Origin": own(site)}, timeout=60
    )
    refused(response, REASON_ORIGIN)
