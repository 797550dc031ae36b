"""Article 10: business promotion — fields, rules, the confirmation before
publishing, and the automatic disappearance after the end date."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import login
from plone.testing.zope import Browser
from Products.CMFCore.WorkflowCore import WorkflowException

from dakto.policy.promotion.lifecycle import ConfirmationMissing
from dakto.policy.promotion.lifecycle import today
from tests.promotion.helpers import configure_section
from tests.promotion.helpers import confirmation
from tests.promotion.helpers import promotion
from tests.promotion.helpers import rest_body


# The type and its rules ---------------------------------------------------


def test_promotions_live_only_in_their_section(portal, manager):
    section = configure_section(portal)
    assert promotion(section, "abc", -1, 10).portal_type == "Promotion"
    assert not portal.portal_types["Promotion"].global_allow
    with pytest.raises((ValueError, api.exc.InvalidParameterError)):
        api.content.create(container=portal["tin-tuc"], type="Promotion", id="x", title="X")


def test_publication_dates_follow_the_validity_period(portal, manager):
    section = configure_section(portal)
    obj = promotion(section, "abc", -2, 10)
    day = today()
    assert obj.effective_date == DateTime(f"{(day - timedelta(days=2)).isoformat()} 00:00 GMT+7")
    # It expires at the start of the day after the last day, Viet Nam time.
    assert obj.expiration_date == DateTime(f"{(day + timedelta(days=11)).isoformat()} 00:00 GMT+7")
    brain = api.content.find(UID=obj.UID())[0]
    assert brain.expires == obj.expiration_date
    # Editing the period moves the dates.
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    obj.valid_until = day + timedelta(days=3)
    notify(ObjectModifiedEvent(obj))
    assert obj.expiration_date == DateTime(f"{(day + timedelta(days=4)).isoformat()} 00:00 GMT+7")
    assert api.content.find(UID=obj.UID())[0].expires == obj.expiration_date


def test_schema_rules():
    from zope.interface import Invalid
    from zope.schema import ValidationError

    from dakto.policy.promotion.content import IPromotion

    with pytest.raises(ValidationError):
        IPromotion["fee"].validate(-1)
    with pytest.raises(Invalid):
        IPromotion["link"].validate("javascript:alert(1)")
    IPromotion["link"].validate("https://abc.vn")

    class Data:
        valid_from = today()
        valid_until = today()
        logo = None
        logo_alt = None
        fee = 0
        receipt_number = None

    with pytest.raises(Invalid):  # the end must be after the start
        IPromotion.validateInvariants(Data())
    Data.valid_until = today() + timedelta(days=1)
    IPromotion.validateInvariants(Data())
    Data.fee = 500000
    with pytest.raises(Invalid):  # a fee needs its receipt number
        IPromotion.validateInvariants(Data())
    Data.receipt_number = "BL-1"
    IPromotion.validateInvariants(Data())


# Publishing needs the written confirmation -------------------------------


def test_publishing_without_confirmation_is_refused(portal, manager):
    section = configure_section(portal)
    obj = promotion(section, "abc", -1, 10, publish=False, confirmation=None)
    workflow = api.portal.get_tool("portal_workflow")
    # Other transitions are not concerned (editorial workflow: submit, approve).
    api.content.transition(obj=obj, transition="submit")
    api.content.transition(obj=obj, transition="approve")
    with pytest.raises(ConfirmationMissing) as error:
        workflow.doActionFor(obj, "publish")
    assert isinstance(error.value, WorkflowException)
    with pytest.raises(api.exc.InvalidParameterError):  # plone.api hides the reason
        api.content.transition(obj=obj, transition="publish")
    assert "confirmation" in str(error.value) or "xác nhận" in str(error.value)
    assert api.content.get_state(obj) == "reviewed"
    obj.confirmation = confirmation()
    api.content.transition(obj=obj, transition="publish")
    assert api.content.get_state(obj) == "published"


def test_rest_publish_without_confirmation_is_a_400_with_the_reason(
    functional_portal, manager_request
):
    configure_section(functional_portal)
    transaction.commit()
    response = manager_request.post(
        "/dau-tu/quang-ba-doanh-nghiep", json=rest_body(confirmation=None)
    )
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    for step in ("submit", "approve"):  # the editorial workflow's way to publish
        assert manager_request.post(f"{url}/@workflow/{step}").status_code == 200
    refused = manager_request.post(f"{url}/@workflow/publish")
    assert refused.status_code == 400, refused.text
    message = refused.json()["error"]["message"]
    assert "xác nhận" in message or "confirmation" in message
    assert manager_request.get(url).json()["review_state"] == "reviewed"
    patch = manager_request.patch(url, json={"confirmation": rest_body()["confirmation"]})
    assert patch.status_code == 204, patch.text
    # Four eyes: whoever changed the item since submission does not publish it
    # (tests/workflow/test_four_eyes.py); sent back and reviewed again, it is published.
    assert manager_request.post(f"{url}/@workflow/publish").status_code == 403
    reject = manager_request.post(
        f"{url}/@workflow/reject", json={"comment": "Xem lại giấy xác nhận."}
    )
    assert reject.status_code == 200, reject.text
    for step in ("submit", "approve", "publish"):
        assert manager_request.post(f"{url}/@workflow/{step}").status_code == 200, step
    assert manager_request.get(url).json()["review_state"] == "published"


def test_ui_publish_without_confirmation_explains_why(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    section = configure_section(portal)
    obj = promotion(section, "abc", -1, 10, publish=False, confirmation=None)
    api.content.transition(obj=obj, transition="submit")
    api.content.transition(obj=obj, transition="approve")
    transaction.commit()
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(obj.absolute_url())
    assert "dakto-promotion-no-confirmation" in browser.contents  # said before trying
    authenticator = browser.getLink(url="content_status_modify?workflow_action=publish").url
    browser.open(authenticator)
    assert browser.headers["status"].startswith("409")
    assert "dakto-confirmation-missing" in browser.contents
    assert "abc/edit" in browser.contents
    transaction.begin()
    assert api.content.get_state(portal.unrestrictedTraverse(obj.getPhysicalPath())) == "reviewed"


# REST ----------------------------------------------------------------------


def test_rest_serializes_every_field(functional_portal, manager_request, anon_request):
    configure_section(functional_portal)
    transaction.commit()
    response = manager_request.post("/dau-tu/quang-ba-doanh-nghiep", json=rest_body())
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    for step in ("submit", "approve", "publish"):  # the editorial workflow
        assert manager_request.post(f"{url}/@workflow/{step}").status_code == 200
    data = manager_request.get(url).json()
    assert data["@type"] == "Promotion"
    assert data["title"] == "Hợp tác xã Cà phê Đắk Tô Xanh"
    assert data["description"] == "Cà phê robusta rang xay OCOP 3 sao."
    assert data["logo"]["filename"] == "logo.png"
    assert data["logo_alt"] == "Logo Hợp tác xã Cà phê Đắk Tô Xanh"
    assert data["link"] == "https://caphedaktoxanh.example.vn"
    assert data["confirmation"]["filename"] == "xac-nhan.pdf"
    assert data["valid_from"] == (today() - timedelta(days=1)).isoformat()
    assert data["valid_until"] == (today() + timedelta(days=30)).isoformat()
    assert data["fee"] == 1500000
    assert data["receipt_number"] == "BL-0000125"
    end = (today() + timedelta(days=31)).isoformat()
    assert DateTime(data["expires"]).timeTime() == DateTime(f"{end} 00:00 GMT+7").timeTime()
    # The public gets the promotion, not the editors' records.
    public = anon_request.get(url).json()
    assert public["title"] == data["title"] and public["link"] == data["link"]
    assert public["logo"]["filename"] == "logo.png" and public["logo_alt"]
    assert public["valid_until"] == data["valid_until"]
    for name in ("confirmation", "fee", "receipt_number"):
        assert name not in public, name
    assert anon_request.get(f"{url}/@@download/confirmation").status_code in (401, 403)


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"start": 10, "end": 5}, "valid_until"),
        ({"start": 5, "end": 5}, "valid_until"),
        ({"link": "javascript:alert(1)"}, "link"),
        ({"link": "không phải địa chỉ"}, "link"),
        ({"fee": -1}, "fee"),
        ({"fee": 200000, "receipt_number": ""}, "receipt_number"),
        ({"logo_alt": ""}, "logo_alt"),
        ({"valid_until": None}, "valid_until"),
    ],
)
def test_rest_refuses_bad_values_naming_the_field(
    functional_portal, manager_request, changes, field
):
    configure_section(functional_portal)
    transaction.commit()
    response = manager_request.post("/dau-tu/quang-ba-doanh-nghiep", json=rest_body(**changes))
    assert response.status_code == 400, response.text
    assert field in response.text
    assert not functional_portal["dau-tu"]["quang-ba-doanh-nghiep"].objectIds()


# After the end date: gone for the public, marked for editors --------------


def _published(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    section = configure_section(portal)
    promotion(section, "dang-chay", -5, 20, title="Cà phê Đắk Tô Xanh")
    promotion(section, "het-han", -60, -1, title="Thổ cẩm Kon Đào")
    promotion(section, "chua-bat-dau", 3, 30, title="Sâm Ngọc Linh")
    transaction.commit()
    return portal


def test_anonymous_no_longer_sees_an_expired_promotion_anywhere(functional, anon_request):
    portal = _published(functional)
    url = portal.absolute_url() + "/dau-tu/quang-ba-doanh-nghiep"
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(url)
    listing = browser.contents.split('class="dakto-promotion-listing"')[1]
    assert "Cà phê Đắk Tô Xanh" in listing
    assert 'alt="Logo dang-chay"' in listing and "https://dang-chay.example.vn" in listing
    assert "Thổ cẩm Kon Đào" not in browser.contents
    assert "Sâm Ngọc Linh" not in listing
    # Its own page, its JSON, its logo and its files: 404.
    for path in (
        "het-han",
        "het-han/view",
        "het-han/@@images/logo",
        "het-han/@@download/confirmation",
    ):
        browser.open(f"{url}/{path}")
        assert browser.headers["status"].startswith("404"), path
    assert anon_request.get("/dau-tu/quang-ba-doanh-nghiep/het-han").status_code == 404
    browser.open(f"{url}/dang-chay")
    assert browser.headers["status"].startswith("200")
    # Search, navigation and every other catalog listing leave it out too.
    found = anon_request.get("/@search", params={"portal_type": "Promotion"}).json()
    titles = [item["title"] for item in found["items"]]
    assert "Cà phê Đắk Tô Xanh" in titles and "Thổ cẩm Kon Đào" not in titles
    browser.open(portal.absolute_url() + "/@@search?" + urlencode({"SearchableText": "Kon Đào"}))
    assert "het-han" not in browser.contents


def test_editors_still_see_it_marked_expired(functional, manager_request):
    portal = _published(functional)
    url = portal.absolute_url() + "/dau-tu/quang-ba-doanh-nghiep"
    browser = Browser(functional["app"])
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(url)
    assert "Thổ cẩm Kon Đào" in browser.contents
    assert "dakto-promotion-expired" in browser.contents
    browser.open(url + "/het-han")
    assert "dakto-promotion-expired" in browser.contents
    assert manager_request.get("/dau-tu/quang-ba-doanh-nghiep/het-han").status_code == 200


def test_a_running_promotion_disappears_when_its_end_passes(functional, anon_request):
    """Nobody acts: only the clock moves past the stored expiration date."""
    portal = _published(functional)
    obj = portal["dau-tu"]["quang-ba-doanh-nghiep"]["dang-chay"]
    assert anon_request.get("/dau-tu/quang-ba-doanh-nghiep/dang-chay").status_code == 200
    # Pretend the end date has passed: the expiration date the period set is now behind us.
    obj.expiration_date = DateTime() - 1
    obj.reindexObject()
    transaction.commit()
    assert anon_request.get("/dau-tu/quang-ba-doanh-nghiep/dang-chay").status_code == 404
    found = anon_request.get("/@search", params={"portal_type": "Promotion"}).json()
    assert found["items_total"] == 0
