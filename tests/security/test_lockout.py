"""Login lockout: per account and per client address, over the login form,
HTTP Basic auth and plone.restapi's @login."""

import requests
from plone.testing.zope import Browser

from dakto.policy.security import audit
from dakto.policy.security.lockout import COUNTERS
from tests.security.conftest import OWNER
from tests.security.conftest import PASSWORD


def basic(portal, login, password, ip="10.0.0.1", path=None):
    return requests.get(
        portal.absolute_url() + (path or f"/@users/{login}"),
        auth=(login, password),
        headers={"Accept": "application/json", "Accept-Language": "vi", "X-Forwarded-For": ip},
        timeout=30,
    )


def rest_login(portal, login, password, ip="10.0.0.1"):
    return requests.post(
        portal.absolute_url() + "/@login",
        json={"login": login, "password": password},
        headers={"Accept": "application/json", "Accept-Language": "vi", "X-Forwarded-For": ip},
        timeout=30,
    )


def test_right_password_works(site):
    assert basic(site, "binh", PASSWORD).status_code == 200
    assert rest_login(site, "binh", PASSWORD).status_code == 200


def test_five_wrong_passwords_lock_the_account(site):
    for _ in range(4):
        assert basic(site, "binh", "sai-mat-khau").status_code == 401
    assert basic(site, "binh", PASSWORD).status_code == 200  # not yet locked; resets
    for _ in range(5):
        assert basic(site, "binh", "sai-mat-khau").status_code == 401
    # locked: even the right password, from any address, over every way in
    response = basic(site, "binh", PASSWORD, ip="10.0.0.2")
    assert response.status_code == 401
    assert response.headers["X-Login-Locked"] == "account"
    assert int(response.headers["Retry-After"]) > 60
    response = rest_login(site, "binh", PASSWORD, ip="10.0.0.3")
    assert response.status_code == 429
    assert "khóa" in response.json()["error"]["message"]
    # another account (and another client) is not affected
    assert basic(site, "chi", PASSWORD, ip="10.0.0.1").status_code == 200
    # when the period is over, the right password works again
    for key, times in COUNTERS._failures.items():
        COUNTERS._failures[key] = [t - 16 * 60 for t in times]
    assert basic(site, "binh", PASSWORD).status_code == 200
    events = [e["event"] for e in audit.read()]
    assert events.count("login_failed") == 9
    assert "lockout" in events and "login_refused" in events


def test_one_client_trying_many_accounts_is_locked(site):
    import transaction
    from plone import api

    api.portal.set_registry_record("dakto.policy.security.lockout_client_attempts", 6)
    transaction.commit()
    for login in ("an", "bao", "cuong", "dung", "giang"):
        assert rest_login(site, login, "x", ip="10.9.9.9").status_code == 401
    # the sixth failure locks the address, and says so
    assert rest_login(site, "hoa", "x", ip="10.9.9.9").status_code == 429
    response = rest_login(site, "chi", PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429
    assert "địa chỉ" in response.json()["error"]["message"]
    # the same account from another client logs in
    assert rest_login(site, "chi", PASSWORD, ip="10.1.1.1").status_code == 200
    api.portal.set_registry_record("dakto.policy.security.lockout_client_attempts", 20)
    transaction.commit()


def test_login_form_shows_the_lock_in_vietnamese(site):
    browser = Browser(site.aq_parent)
    browser.handleErrors = False
    browser.addHeader("Accept-Language", "vi")
    for _ in range(5):
        browser.open(site.absolute_url() + "/login")
        browser.getControl(name="__ac_name").value = "chi"
        browser.getControl(name="__ac_password").value = "sai"
        browser.getControl(name="buttons.login").click()
    assert "Tài khoản này bị tạm khóa" in browser.contents
    browser.open(site.absolute_url() + "/login")
    browser.getControl(name="__ac_name").value = "chi"
    browser.getControl(name="__ac_password").value = PASSWORD
    browser.getControl(name="buttons.login").click()
    assert "Tài khoản này bị tạm khóa" in browser.contents
    assert "__ac" not in browser.cookies


def test_successful_login_is_audited(site):
    assert rest_login(site, "binh", PASSWORD, ip="10.4.4.4").status_code == 200
    entries = [e for e in audit.read(kind="login") if e["event"] == "login"]
    assert entries and entries[0]["login"] == "binh" and entries[0]["ip"] == "10.4.4.4"


def test_site_owner_is_not_counted_as_failure(site):
    for _ in range(6):
        assert basic(site, *OWNER, path="/@users").status_code == 200
    assert not [e for e in audit.read() if e["event"] == "login_failed"]
