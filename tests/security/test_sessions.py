"""Server-side logout (issue 21.4): a login cookie copied before logout, a
password change or the deletion of the account is refused afterwards
(plone.session's per-user keyring); the person who changed their own
password stays logged in."""

import re

import pytest
import requests
import transaction
from plone import api

from dakto.policy.security import sessions
from tests.security.conftest import OWNER
from tests.security.conftest import PASSWORD


NEW_PASSWORD = "Suoi-Da-Xanh-ven-doi-7391"
JSON = {"Accept": "application/json", "Accept-Language": "vi"}


def log_in(portal, user="binh", password=PASSWORD):
    """A browser's session after the login form."""
    session = requests.Session()
    response = session.post(
        portal.absolute_url() + "/login",
        data={"__ac_name": user, "__ac_password": password, "buttons.login": "Đăng nhập"},
        timeout=60,
    )
    assert response.status_code == 200 and session.cookies.get("__ac"), response.status_code
    return session


def with_cookie(portal, cookie, user="binh"):
    """``GET @users/<user>`` with nothing but a copied ``__ac`` cookie."""
    return requests.get(
        f"{portal.absolute_url()}/@users/{user}",
        headers={**JSON, "Cookie": f"__ac={cookie}"},
        timeout=60,
    ).status_code


def copied(session):
    return session.cookies.get("__ac")


def test_per_user_keyring_is_on(site):
    assert site.acl_users.session.getProperty("per_user_keyring") is True


def test_logout_ends_the_copied_cookie(site):
    session = log_in(site)
    cookie = copied(session)
    assert with_cookie(site, cookie) == 200
    session.get(site.absolute_url() + "/logout", timeout=60)
    assert with_cookie(site, cookie) == 401
    # Logging in again works, with a new ticket.
    again = copied(log_in(site))
    assert with_cookie(site, again) == 200 and with_cookie(site, cookie) == 401


def test_logout_over_rest_ends_the_copied_cookie(site):
    session = log_in(site)
    cookie = copied(session)
    response = session.post(
        site.absolute_url() + "/@logout",
        headers={**JSON, "Content-Type": "application/json", "Origin": site.absolute_url()},
        data=b"{}",
        timeout=60,
    )
    assert response.status_code in (200, 204), response.text[:300]
    assert with_cookie(site, cookie) == 401


def test_a_ticket_signed_before_the_keyring_existed_is_ended_by_logout(site):
    """Tickets issued before per-user keyrings were on (the shared secret):
    logout refuses them too, and is no 500."""
    plugin = site.acl_users.session
    plugin.per_user_keyring = False
    transaction.commit()
    try:
        cookie = copied(log_in(site, "chi"))
    finally:
        plugin.per_user_keyring = True
        transaction.commit()
    assert with_cookie(site, cookie, "chi") == 200
    response = requests.get(
        site.absolute_url() + "/logout", headers={"Cookie": f"__ac={cookie}"}, timeout=60
    )
    assert response.status_code == 200
    assert with_cookie(site, cookie, "chi") == 401


def change_own_password(site, session):
    page = session.get(site.absolute_url() + "/@@change-password", timeout=60).text
    token = re.search(r'name="_authenticator" value="([0-9a-f]+)"', page).group(1)
    return session.post(
        site.absolute_url() + "/@@change-password",
        data={
            "form.widgets.current_password": PASSWORD,
            "form.widgets.new_password": NEW_PASSWORD,
            "form.widgets.new_password_ctl": NEW_PASSWORD,
            "form.buttons.reset_passwd": "Đổi mật khẩu",
            "_authenticator": token,
        },
        timeout=60,
    )


def test_own_password_change_ends_other_sessions_and_keeps_this_one(site):
    other = copied(log_in(site))  # e.g. a session left open on another computer
    session = log_in(site)
    before = copied(session)
    response = change_own_password(site, session)
    assert response.status_code == 200
    assert copied(session) != before  # a new ticket for this browser
    assert with_cookie(site, other) == 401
    assert with_cookie(site, before) == 401
    assert with_cookie(site, copied(session)) == 200
    assert session.get(f"{site.absolute_url()}/@users/binh", headers=JSON, timeout=60).ok


def test_password_set_by_an_administrator_over_rest_ends_the_sessions(site):
    cookie = copied(log_in(site))
    response = requests.patch(
        f"{site.absolute_url()}/@users/binh",
        json={"password": NEW_PASSWORD},
        headers=JSON,
        auth=OWNER,
        timeout=60,
    )
    assert response.status_code == 204, response.text[:300]
    assert with_cookie(site, cookie) == 401
    assert with_cookie(site, copied(log_in(site, password=NEW_PASSWORD))) == 200


def test_password_reset_ends_the_sessions(site):
    cookie = copied(log_in(site))
    transaction.begin()
    tool = api.portal.get_tool("portal_password_reset")
    key = tool.requestReset("binh")["randomstring"]
    transaction.commit()
    page = requests.get(f"{site.absolute_url()}/passwordreset/{key}", timeout=60)
    assert page.status_code == 200
    response = requests.post(
        f"{site.absolute_url()}/passwordreset/{key}",
        data={
            "userid": "binh",
            "password": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "form.submitted": "1",
        },
        timeout=60,
    )
    assert response.status_code == 200
    transaction.begin()
    assert site.acl_users.authenticate("binh", NEW_PASSWORD, site.REQUEST) is not None
    assert with_cookie(site, cookie) == 401


def test_a_deleted_and_recreated_account_gets_no_old_ticket(site):
    cookie = copied(log_in(site, "chi"))
    response = requests.delete(f"{site.absolute_url()}/@users/chi", headers=JSON, auth=OWNER)
    assert response.status_code == 204, response.text[:300]
    transaction.begin()
    api.user.create(email="chi2@dakto.example.org", username="chi", password=NEW_PASSWORD)
    transaction.commit()
    assert with_cookie(site, cookie, "chi") == 401


def test_end_sessions_without_a_keyring(site):
    """A user who never logged in since the keyrings were on has none: one is made."""
    transaction.begin()
    from plone.keyring.interfaces import IKeyManager
    from zope.component import getUtility

    manager = getUtility(IKeyManager)
    name = site.acl_users.session._getSecretKey("nobody-yet")
    assert name not in manager
    sessions.end_sessions("nobody-yet", site.acl_users.session)
    assert manager[name].current
    transaction.abort()


@pytest.fixture(autouse=True)
def _no_lockout_noise(site):
    yield


def account_status(site, userid, body=None, auth=OWNER):
    url = f"{site.absolute_url()}/@account-status/{userid}"
    if body is None:
        return requests.get(url, headers=JSON, auth=auth, timeout=60)
    return requests.post(url, headers=JSON, json=body, auth=auth, timeout=60)


def test_a_disabled_account_is_refused_however_it_logs_in(site):
    cookie = copied(log_in(site))
    token = requests.post(
        site.absolute_url() + "/@login",
        json={"login": "binh", "password": PASSWORD},
        headers=JSON,
        timeout=60,
    ).json()["token"]
    assert account_status(site, "binh").json() == {"userid": "binh", "disabled": False}
    response = account_status(site, "binh", {"disabled": True})
    assert response.status_code == 200, response.text[:300]
    assert response.json()["disabled"] is True
    assert with_cookie(site, cookie) == 401  # the ticket copied before
    basic = requests.get(
        f"{site.absolute_url()}/@users/binh", headers=JSON, auth=("binh", PASSWORD), timeout=60
    )
    assert basic.status_code == 401
    bearer = requests.get(
        f"{site.absolute_url()}/@users/binh",
        headers={**JSON, "Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert bearer.status_code == 401
    assert "Tài khoản này đã bị vô hiệu hóa" in basic.json()["message"]
    session = requests.Session()
    session.post(
        site.absolute_url() + "/login",
        data={"__ac_name": "binh", "__ac_password": PASSWORD, "buttons.login": "Đăng nhập"},
        timeout=60,
    )
    assert not session.cookies.get("__ac")  # the login form does not log it in
    # Enabled again: the old ticket stays refused, a new login works.
    assert account_status(site, "binh", {"disabled": False}).json()["disabled"] is False
    assert with_cookie(site, cookie) == 401
    assert with_cookie(site, copied(log_in(site))) == 200


@pytest.mark.parametrize(
    "userid, body, status",
    [
        ("binh", {"disabled": "yes"}, 400),
        ("binh", {}, 400),
        ("binh", ["disabled"], 400),
        ("khong-co-ai", {"disabled": True}, 404),
        ("<script>", {"disabled": True}, 404),
    ],
)
def test_account_status_bad_input(site, userid, body, status):
    response = account_status(site, userid, body)
    assert response.status_code == status, response.text[:300]
    assert response.json()["error"]["message"]
    assert account_status(site, "binh").json()["disabled"] is False


def test_only_administrators_disable_accounts(site):
    response = account_status(site, "chi", {"disabled": True}, auth=("binh", PASSWORD))
    assert response.status_code in (401, 403)
    assert account_status(site, "chi").json()["disabled"] is False
