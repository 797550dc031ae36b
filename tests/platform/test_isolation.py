"""Isolation between the sites of one Zope (issue 15; docs/platform-isolation.md).

Each site keeps its own users and groups in its own ``acl_users``; the
province's administrators are in the Zope root's ``acl_users`` with the
Manager role. Tested over real HTTP (the functional layer's server): a user
of site A does not log in to site B (login form, Basic auth, JWT), neither
sees nor changes B's private content; A's groups are not B's; A's login
cookie and A's token are worthless at B (each site has its own keyring); a
root administrator acts on both; a site that raises in traversal or hangs
leaves the other serving.
"""

import threading
import time

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.keyring.interfaces import IKeyManager
from zope.component import getUtility
from zope.component.hooks import setSite
from ZPublisher.BeforeTraverse import registerBeforeTraverse
from ZPublisher.BeforeTraverse import unregisterBeforeTraverse

from tests.platform.sites import add_ward


PASSWORD = "mat-khau-cua-phuong-42"
A_USER = "bientap-haichau"
SHARED_ID = "bientap"  # the same login name in both sites: two different people
B_PASSWORD = "mat-khau-cua-xa-dakto-42"
A_GROUP = "nhom-rieng-hai-chau"
PRIVATE_ID = "ke-hoach-noi-bo"
TITLE = "Kế hoạch nội bộ"


def _member(userid, password, roles=("Site Administrator",)):
    api.user.create(email=f"{userid}@example.vn", username=userid, password=password)
    api.user.grant_roles(username=userid, roles=list(roles))


def _private_page(site):
    page = api.content.create(
        container=site, type="Document", id=PRIVATE_ID, title=TITLE, safe_id=False
    )
    assert api.content.get_state(page) != "published"
    return page


@pytest.fixture
def two_sites(functional):
    """A: the ward (a new site); B: the functional layer's site. Each has a
    site administrator of its own and a private page; both have a user
    named ``bientap`` with different passwords."""
    a = add_ward(functional)
    b = functional["portal"]
    setSite(a)
    _member(A_USER, PASSWORD)
    _member(SHARED_ID, PASSWORD)
    api.group.create(groupname=A_GROUP, title="Nhóm riêng của phường")
    api.group.add_user(groupname=A_GROUP, username=A_USER)
    _private_page(a)
    setSite(b)
    _member(SHARED_ID, B_PASSWORD)
    _private_page(b)
    transaction.commit()
    yield a, b
    setSite(b)


def _json(url, auth=None, headers=None, method="GET", body=None):
    return requests.request(
        method,
        url,
        auth=auth,
        json=body,
        headers={"Accept": "application/json", **(headers or {})},
        timeout=60,
        allow_redirects=False,
    )


def _login_form(site, user, password):
    session = requests.Session()
    response = session.post(
        site.absolute_url() + "/login",
        data={"__ac_name": user, "__ac_password": password, "buttons.login": "Đăng nhập"},
        headers={"Accept-Language": "vi"},
        timeout=60,
    )
    return session, response


def _titles(response):
    if response.status_code != 200:
        return []
    return [item.get("title") for item in response.json().get("items", [])]


def _title(site):
    transaction.begin()
    return site[PRIVATE_ID].Title()


def test_users_log_in_to_their_own_site_only(two_sites):
    a, b = two_sites
    session, _ = _login_form(a, A_USER, PASSWORD)
    assert "__ac" in session.cookies  # A's user logs in to A
    session, response = _login_form(b, A_USER, PASSWORD)
    assert "__ac" not in session.cookies
    assert 'id="login-form"' in response.text or "login" in response.url
    # Basic auth: A's credentials are unknown to B
    assert _json(f"{a.absolute_url()}/{PRIVATE_ID}", auth=(A_USER, PASSWORD)).status_code == 200
    response = _json(f"{b.absolute_url()}/{PRIVATE_ID}", auth=(A_USER, PASSWORD))
    assert response.status_code == 401
    # the same login name in both sites: each site checks its own password
    assert _json(f"{b.absolute_url()}/{PRIVATE_ID}", auth=(SHARED_ID, PASSWORD)).status_code == 401
    assert (
        _json(f"{b.absolute_url()}/{PRIVATE_ID}", auth=(SHARED_ID, B_PASSWORD)).status_code == 200
    )
    # @login (JWT) at B with A's password
    response = _json(
        f"{b.absolute_url()}/@login", method="POST", body={"login": A_USER, "password": PASSWORD}
    )
    assert response.status_code == 401


def test_tokens_and_cookies_of_a_are_worthless_at_b(two_sites):
    a, b = two_sites
    keys = {getUtility(IKeyManager, context=site).secret() for site in (a, b)}
    assert len(keys) == 2  # plone.session's and the JWT's secrets are per site
    # JWT: the token A issued for ``bientap`` (a user name B has too)
    response = _json(
        f"{a.absolute_url()}/@login", method="POST", body={"login": SHARED_ID, "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    token = response.json()["token"]
    bearer = {"Authorization": f"Bearer {token}"}
    assert _json(f"{a.absolute_url()}/{PRIVATE_ID}", headers=bearer).status_code == 200
    assert _json(f"{b.absolute_url()}/{PRIVATE_ID}", headers=bearer).status_code == 401
    # the login cookie A set for ``bientap``, sent to B (sites on one host name)
    session, _ = _login_form(a, SHARED_ID, PASSWORD)
    cookie = session.cookies["__ac"]
    jar = {"__ac": cookie}
    assert (
        requests.get(f"{a.absolute_url()}/{PRIVATE_ID}", cookies=jar, timeout=60).status_code == 200
    )
    at_b = requests.get(
        f"{b.absolute_url()}/{PRIVATE_ID}",
        cookies=jar,
        headers={"Accept": "application/json"},
        timeout=60,
        allow_redirects=False,
    )
    assert at_b.status_code == 401
    whoami = requests.get(
        f"{b.absolute_url()}/@@personal-information",
        cookies=jar,
        timeout=60,
        allow_redirects=False,
    )
    assert whoami.status_code in (302, 401)  # B asks to log in: the cookie is nobody there


def test_a_user_of_a_neither_sees_nor_changes_b(two_sites):
    a, b = two_sites
    auth = (A_USER, PASSWORD)
    url = f"{b.absolute_url()}/{PRIVATE_ID}"
    assert _json(url, auth=auth).status_code == 401
    assert _json(url, auth=auth, method="PATCH", body={"title": "Đã bị sửa"}).status_code == 401
    # searching B with A's credentials is an anonymous search: public items only
    search = f"{b.absolute_url()}/@search?SearchableText=n%E1%BB%99i+b%E1%BB%99"
    found = _json(search, auth=auth)
    assert found.status_code in (200, 401)
    assert TITLE not in _titles(found)
    assert TITLE in _titles(_json(search, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)))
    assert _title(b) == TITLE
    # the same through a path that starts at A and acquires B (/A/B/page)
    acquired = f"{a.absolute_url()}/{b.getId()}/{PRIVATE_ID}"
    response = _json(acquired, auth=auth, method="PATCH", body={"title": "Đã bị sửa"})
    assert response.status_code in (401, 403, 404)
    assert _title(b) == TITLE


def test_groups_and_users_of_a_are_not_in_b(two_sites):
    a, b = two_sites
    setSite(b)
    assert api.group.get(groupname=A_GROUP) is None
    assert api.user.get(username=A_USER) is None
    setSite(a)
    assert api.group.get(groupname=A_GROUP) is not None
    setSite(b)
    root = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)

    def ids(site, endpoint):
        response = _json(f"{site.absolute_url()}/{endpoint}", auth=root)
        assert response.status_code == 200, response.text
        data = response.json()
        items = data.get("items", data) if isinstance(data, dict) else data
        return {item["id"] if isinstance(item, dict) else item for item in items}

    assert A_GROUP in ids(a, "@groups") and A_GROUP not in ids(b, "@groups")
    assert A_USER in ids(a, "@users") and A_USER not in ids(b, "@users")
    # A's site administrator cannot list B's users or groups either
    assert _json(f"{b.absolute_url()}/@users", auth=(A_USER, PASSWORD)).status_code == 401


def test_a_root_administrator_acts_on_both(two_sites):
    a, b = two_sites
    root = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    for site in (a, b):
        url = f"{site.absolute_url()}/{PRIVATE_ID}"
        response = _json(url, auth=root, method="PATCH", body={"title": f"{TITLE} (tỉnh)"})
        assert response.status_code == 204, response.text
        assert _title(site) == f"{TITLE} (tỉnh)"


class Boom:
    """A traversal hook that breaks one site (stored with the site, so the
    server's own connection runs it)."""

    def __init__(self, seconds=0):
        self.seconds = seconds

    def __call__(self, container, request):
        if self.seconds:
            time.sleep(self.seconds)
            return
        raise RuntimeError("site A is broken")


HOOK = "dakto.test.boom"


def _break(site, hook):
    registerBeforeTraverse(site, hook, HOOK)
    transaction.commit()


def _repair(site):
    transaction.begin()
    unregisterBeforeTraverse(site, HOOK)
    transaction.commit()


def test_a_failing_site_leaves_the_other_serving(two_sites):
    a, b = two_sites
    _break(a, Boom())
    try:
        assert requests.get(a.absolute_url(), timeout=60).status_code == 500
        for path in ("", "/tin-tuc", "/@@search?SearchableText=tin"):
            response = requests.get(b.absolute_url() + path, timeout=60)
            assert response.status_code == 200, path
        assert requests.get(a.absolute_url(), timeout=60).status_code == 500
    finally:
        _repair(a)
    assert requests.get(a.absolute_url(), timeout=60).status_code == 200


def test_a_hanging_site_leaves_the_other_serving(two_sites):
    a, b = two_sites
    _break(a, Boom(seconds=6))
    try:
        slow = threading.Thread(
            target=requests.get, args=(a.absolute_url(),), kwargs={"timeout": 60}
        )
        slow.start()
        time.sleep(0.5)  # A's request is now in its hook
        started = time.monotonic()
        assert requests.get(b.absolute_url(), timeout=60).status_code == 200
        assert time.monotonic() - started < 5  # B did not wait for A
        assert slow.is_alive()
        slow.join()
    finally:
        _repair(a)
