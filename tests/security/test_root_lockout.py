"""The Zope root's ``admin`` (root user folder, outside the site's PAS) is
counted, locked and audited like the site's users, through every door: HTTP
Basic at the root's /manage_main (the ZMI's login), Basic auth on the site,
plone.restapi's @login and Plone's login form; per login name and per client
address. (Across a restart and two processes: tests/instance and
tests/cluster.)"""

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from dakto.policy.security import audit
from dakto.policy.security import lockout
from dakto.policy.security import root


WRONG = "khong-dung-mat-khau"


@pytest.fixture
def root_site(site, functional):
    """The functional portal, its Zope root with the lockout plugin (as the
    `dakto` instance set-up installs it)."""
    app = functional["app"]
    assert root.install(app)
    assert not root.install(app)  # once
    transaction.commit()
    lockout._audited_successes.clear()
    yield site
    lockout._audited_successes.clear()


def root_url(portal):
    return portal.absolute_url().rsplit("/", 1)[0]


def basic(url, password, ip="10.0.0.1", login=SITE_OWNER_NAME, accept="application/json"):
    return requests.get(
        url,
        auth=(login, password),
        headers={"Accept": accept, "Accept-Language": "vi", "X-Forwarded-For": ip},
        timeout=30,
        allow_redirects=False,
    )


def rest_login(portal, password, ip="10.0.0.1", login=SITE_OWNER_NAME):
    return requests.post(
        portal.absolute_url() + "/@login",
        json={"login": login, "password": password},
        headers={"Accept": "application/json", "Accept-Language": "vi", "X-Forwarded-For": ip},
        timeout=30,
    )


def login_events():
    return [e for e in audit.read(limit=1000) if e.get("login") == SITE_OWNER_NAME]


def test_the_lockout_is_first_in_the_root_user_folder(root_site, functional):
    from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin

    plugins = functional["app"].acl_users.plugins
    assert plugins.listPluginIds(IAuthenticationPlugin)[0] == lockout.PLUGIN_ID
    assert basic(root_url(root_site) + "/manage_main", SITE_OWNER_PASSWORD).status_code == 200


def test_wrong_passwords_at_the_root_zmi_lock_admin(root_site):
    url = root_url(root_site) + "/manage_main"
    for _ in range(5):
        assert basic(url, WRONG).status_code == 401
    # locked: the right password is refused, from any address, and says why
    response = basic(url, SITE_OWNER_PASSWORD, ip="10.0.0.2")
    assert response.status_code == 401
    assert response.headers["X-Login-Locked"] == "account"
    assert int(response.headers["Retry-After"]) > 60
    events = [e["event"] for e in login_events()]
    assert events.count("login_failed") == 5
    assert events.count("lockout") == 1 and "login_refused" in events
    assert {e["ip"] for e in login_events() if e["event"] == "login_failed"} == {"10.0.0.1"}


def test_a_lock_from_the_zmi_holds_at_every_door(root_site):
    for _ in range(5):
        basic(root_url(root_site) + "/manage_main", WRONG)
    site_url = root_site.absolute_url()
    # Basic auth on the site (the site's PAS does not know admin)
    assert basic(site_url + "/@users", SITE_OWNER_PASSWORD).status_code == 401
    # the site's ZMI: Plone sends the browser to its login form
    response = basic(site_url + "/manage_main", SITE_OWNER_PASSWORD, accept="text/html")
    assert response.status_code == 302 and "require_login" in response.headers["Location"]
    # @login: 429 with the reason
    response = rest_login(root_site, SITE_OWNER_PASSWORD, ip="10.0.0.3")
    assert response.status_code == 429
    assert "khóa" in response.json()["error"]["message"]


def test_wrong_passwords_on_the_site_lock_admin_at_the_root(root_site):
    """Basic auth on the site: the site's plugin and the root folder both
    judge the same attempt; it counts once."""
    site_url = root_site.absolute_url() + "/@users"
    for _ in range(4):
        assert basic(site_url, WRONG).status_code == 401
    assert basic(site_url, SITE_OWNER_PASSWORD).status_code == 200  # 4 < 5; resets
    for _ in range(5):
        assert basic(site_url, WRONG).status_code == 401
    assert basic(site_url, SITE_OWNER_PASSWORD).status_code == 401
    response = basic(root_url(root_site) + "/manage_main", SITE_OWNER_PASSWORD)
    assert response.status_code == 401
    assert response.headers["X-Login-Locked"] == "account"
    assert [e["event"] for e in login_events()].count("login_failed") == 9


def test_wrong_passwords_over_rest_login_lock_admin(root_site):
    for _ in range(4):
        assert rest_login(root_site, WRONG).status_code == 401
    assert rest_login(root_site, WRONG).status_code == 429  # the fifth locks, and says so
    assert rest_login(root_site, SITE_OWNER_PASSWORD).status_code == 429
    assert basic(root_url(root_site) + "/manage_main", SITE_OWNER_PASSWORD).status_code == 401
    assert [e["event"] for e in login_events()].count("login_failed") == 5


def test_wrong_passwords_in_the_login_form_lock_admin(root_site):
    browser = Browser(root_site.aq_parent)
    browser.handleErrors = False
    browser.addHeader("Accept-Language", "vi")
    for _ in range(5):
        browser.open(root_site.absolute_url() + "/login")
        browser.getControl(name="__ac_name").value = SITE_OWNER_NAME
        browser.getControl(name="__ac_password").value = WRONG
        browser.getControl(name="buttons.login").click()
    assert "Tài khoản này bị tạm khóa" in browser.contents
    response = basic(root_url(root_site) + "/manage_main", SITE_OWNER_PASSWORD)
    assert response.status_code == 401
    assert response.headers["X-Login-Locked"] == "account"


def test_one_address_trying_root_logins_is_locked(root_site):
    api.portal.set_registry_record("dakto.policy.security.lockout_client_attempts", 3)
    transaction.commit()
    url = root_url(root_site) + "/manage_main"
    for login in ("root", "manager", "zope"):
        assert basic(url, WRONG, ip="10.8.8.8", login=login).status_code == 401
    response = basic(url, SITE_OWNER_PASSWORD, ip="10.8.8.8")
    assert response.status_code == 401
    assert response.headers["X-Login-Locked"] == "client"
    # admin itself is not locked: from another address it logs in
    assert basic(url, SITE_OWNER_PASSWORD, ip="10.1.1.1").status_code == 200
    api.portal.set_registry_record("dakto.policy.security.lockout_client_attempts", 20)
    transaction.commit()


def test_a_root_login_is_audited_once_per_address(root_site):
    url = root_url(root_site) + "/manage_main"
    for _ in range(3):
        assert basic(url, SITE_OWNER_PASSWORD, ip="10.5.5.5").status_code == 200
    entries = [e for e in login_events() if e["event"] == "login"]
    assert len(entries) == 1
    assert entries[0]["ip"] == "10.5.5.5" and entries[0]["user_folder"] == "zope-root"
