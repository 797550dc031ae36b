"""Issue 21.6, passwords: common and guessable passwords are refused (NIST SP
800-63B, no composition rules): zxcvbn against its breach lists, the user's
login, full name and e-mail, the site's names and Vietnamese favourites; the
refusal says why, in Vietnamese."""

import threading

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from zope.i18n import translate
from zxcvbn import matching

from dakto.policy.security import guessable
from dakto.policy.security.password import password_errors
from tests.security.conftest import PASSWORD


OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
JSON = {"Accept": "application/json", "Accept-Language": "vi"}
NAMES = ["bichtt", "bichtt@dakto.example.org"]
FULL_NAMES = ["Trần Thị Bích"]


def vietnamese(messages):
    return [translate(m, target_language="vi") for m in messages]


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("password1234", guessable.COMMON),
        ("qwertyuiop123", guessable.COMMON),
        ("iloveyou2026", guessable.COMMON),
        ("matkhaumoi2026", guessable.VIETNAMESE),
        ("matkhau123456", guessable.VIETNAMESE),
        ("123456a@abc", guessable.VIETNAMESE),
        ("anhyeuem1234", guessable.VIETNAMESE),
        ("TranThiBich1990", guessable.PERSONAL),  # the full name, no diacritics
        ("Trần Thị Bích 1990", guessable.PERSONAL),
        ("dakto123456", guessable.PERSONAL),  # the commune (identity settings)
        ("Đắk Tô 2026!", guessable.PERSONAL),
        ("quangngai2026", guessable.PERSONAL),  # the domain
        ("1234567890", guessable.COMMON),
        ("13579135791357", guessable.PATTERN),
        ("aaaaaaaaaaaa", guessable.PATTERN),
    ],
)
def test_guessable_passwords_refused_with_the_reason(portal, password, why):
    errors = password_errors(password, NAMES, FULL_NAMES)
    assert why in errors, vietnamese(errors)
    assert all(translate(m, target_language="vi") != str(m) for m in errors)


@pytest.mark.parametrize(
    "password",
    [
        "Hoa-sen-no-giua-dong",
        "correct horse battery staple",
        "mây trắng bay qua đồi chè",  # a phrase with diacritics
        "Mat-khau-rat-dai-2026",  # the suite's own test password
    ],
)
def test_good_passwords_accepted_without_composition_rules(portal, password):
    assert password_errors(password, NAMES, FULL_NAMES) == []


def test_long_input_is_scored_quickly(portal):
    errors = password_errors("x" * 100_000, NAMES)
    assert guessable.PATTERN in errors


def test_site_name_comes_from_the_identity_settings(portal):
    assert password_errors("NgocTu@2026", NAMES) == []
    api.portal.set_registry_record("dakto.identity.town", "xã Ngọc Tụ")
    assert guessable.PERSONAL in password_errors("NgocTu@2026", NAMES)


def test_zxcvbns_shared_dictionary_is_not_used():
    """zxcvbn's entry point keeps the user's words in a module dictionary
    shared by all threads: one check must never see another's names."""
    before = matching.RANKED_DICTIONARIES.get("user_inputs")
    names = ("binh minh", "lan anh")
    expected = {
        n: guessable.weakest("binhminh-2026", guessable.word_forms(n))["guesses"] for n in names
    }
    assert expected["binh minh"] < expected["lan anh"]
    wrong = []

    def check(name):
        for _ in range(20):
            got = guessable.weakest("binhminh-2026", guessable.word_forms(name))["guesses"]
            if got != expected[name]:
                wrong.append(name)

    threads = [threading.Thread(target=check, args=(n,)) for n in names * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
    assert matching.RANKED_DICTIONARIES.get("user_inputs") is before


def add_user(site, **data):
    return requests.post(
        site.absolute_url() + "/@users", json=data, auth=OWNER, headers=JSON, timeout=30
    )


def test_rest_refuses_a_guessable_password_in_vietnamese(site):
    response = add_user(
        site,
        username="lanpt",
        email="lanpt@dakto.example.org",
        fullname="Phạm Thị Lan",
        password="PhamThiLan1995",
    )
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "Mật khẩu quá dễ đoán" in message and "họ tên" in message
    response = add_user(
        site, username="lanpt", email="lanpt@dakto.example.org", password="matkhau@2026"
    )
    assert response.status_code == 400
    assert "matkhau" in response.json()["error"]["message"]
    assert api.user.get(userid="lanpt") is None
    response = add_user(
        site, username="lanpt", email="lanpt@dakto.example.org", password="Hoa-sen-no-giua-dong"
    )
    assert response.status_code == 201


def test_change_password_form_refuses_a_guessable_password(site):
    with api.env.adopt_roles(["Manager"]):
        api.user.get(userid="chi").setMemberProperties({"fullname": "Hoàng Minh Tuấn"})
    transaction.commit()
    browser = Browser(site.aq_parent)
    browser.addHeader("Authorization", f"Basic chi:{PASSWORD}")
    browser.addHeader("Accept-Language", "vi")
    browser.open(site.absolute_url() + "/@@change-password")
    browser.getControl(name="form.widgets.current_password").value = PASSWORD
    browser.getControl(name="form.widgets.new_password").value = "HoangMinhTuan2026"
    browser.getControl(name="form.widgets.new_password_ctl").value = "HoangMinhTuan2026"
    browser.getControl(name="form.buttons.reset_passwd").click()
    assert "Mật khẩu quá dễ đoán" in browser.contents
    assert "họ tên" in browser.contents
    # the help text names the rule too
    browser.open(site.absolute_url() + "/@@change-password")
    assert "dễ đoán" in browser.contents
