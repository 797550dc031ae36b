"""Site identity settings (Article 2): one place names the body and the town."""

import json
import unicodedata

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from plone.testing.zope import Browser

from dakto.policy.identity.settings import get_identity


def test_defaults_installed(portal):
    identity = get_identity()
    assert identity.body_name == "Ủy ban nhân dân xã Đắk Tô"
    assert identity.province == "Quảng Ngãi"
    assert identity.portal_title == "Trang thông tin điện tử xã Đắk Tô"


def test_site_title_follows_portal_name(portal):
    assert portal.Title() == get_identity().portal_title
    api.portal.set_registry_record(
        "dakto.identity.portal_title", "Trang thông tin điện tử xã Ngọc Tụ"
    )
    assert portal.Title() == "Trang thông tin điện tử xã Ngọc Tụ"
    assert (
        api.portal.get_registry_record("plone.site_title") == "Trang thông tin điện tử xã Ngọc Tụ"
    )


def test_mails_are_sent_in_the_bodys_name(portal):
    assert api.portal.get_registry_record("plone.email_from_name") == "Ủy ban nhân dân xã Đắk Tô"
    api.portal.set_registry_record("dakto.identity.body_name", "Ủy ban nhân dân phường Hải Châu")
    assert (
        api.portal.get_registry_record("plone.email_from_name") == "Ủy ban nhân dân phường Hải Châu"
    )


def test_values_are_stored_nfc(portal):
    decomposed = unicodedata.normalize("NFD", "  Ủy ban nhân dân xã Đắk Rơ Nga ")
    api.portal.set_registry_record("dakto.identity.body_name", decomposed)
    # What is stored (the registry's request cache still holds the raw value
    # until the end of this request).
    stored = api.portal.get_tool("portal_registry").records["dakto.identity.body_name"].value
    assert stored == "Ủy ban nhân dân xã Đắk Rơ Nga"
    assert unicodedata.is_normalized("NFC", stored)


@pytest.mark.parametrize(
    "field,value",
    [("phone", "call me"), ("email", "not-an-address"), ("domain", "http://example.gov.vn/")],
)
def test_invalid_values_refused(portal, field, value):
    from zope.interface import Invalid
    from zope.schema import ValidationError

    from dakto.policy.identity.interfaces import ISiteIdentity

    with pytest.raises((Invalid, ValidationError)):
        ISiteIdentity[field].validate(value)


# --- through the web ----------------------------------------------------------


@pytest.fixture
def browser(functional):
    app = functional["app"]
    b = Browser(app)
    b.handleErrors = False
    return b


def test_controlpanel_saves_and_header_shows_it(functional, browser):
    portal = functional["portal"]
    url = portal.absolute_url()
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(url + "/@@dakto-identity-controlpanel")
    browser.getControl(name="form.widgets.body_name").value = "Ủy ban nhân dân xã Ngọc Tụ"
    browser.getControl(name="form.buttons.save").click()
    assert "Ủy ban nhân dân xã Ngọc Tụ" in browser.contents
    anonymous = Browser(functional["app"])
    anonymous.open(url)
    assert 'class="dakto-body-name">Ủy ban nhân dân xã Ngọc Tụ<' in anonymous.contents


def test_controlpanel_reports_bad_phone_and_keeps_old_value(functional, browser):
    portal = functional["portal"]
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(portal.absolute_url() + "/@@dakto-identity-controlpanel")
    browser.getControl(name="form.widgets.phone").value = "gọi tôi"
    browser.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" in browser.contents or "error" in browser.contents
    transaction.begin()
    assert api.portal.get_registry_record("dakto.identity.phone") == "0260 3831 234"


def test_controlpanel_forbidden_to_members(functional):
    b = Browser(functional["app"])
    b.handleErrors = True
    b.raiseHttpErrors = False
    b.addHeader("Authorization", f"Basic {TEST_USER_NAME}:{TEST_USER_PASSWORD}")
    b.open(functional["portal"].absolute_url() + "/@@dakto-identity-controlpanel")
    assert "form.widgets.body_name" not in b.contents


# --- REST API -------------------------------------------------------------------


def _rest_get(functional, path, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)):
    b = Browser(functional["app"])
    b.handleErrors = True
    b.raiseHttpErrors = False
    b.addHeader("Accept", "application/json")
    if auth:
        b.addHeader("Authorization", "Basic {}:{}".format(*auth))
    b.open(functional["portal"].absolute_url() + path)
    return b.headers["status"].split()[0], b.contents


def test_rest_controlpanel_lists_identity(functional):
    status, body = _rest_get(functional, "/@controlpanels/dakto-identity")
    assert status == "200"
    data = json.loads(body)
    assert data["data"]["body_name"] == "Ủy ban nhân dân xã Đắk Tô"


def test_rest_site_answers_anonymous(functional):
    status, body = _rest_get(functional, "", auth=None)
    assert status == "200"
    assert json.loads(body)["title"] == "Trang thông tin điện tử xã Đắk Tô"
