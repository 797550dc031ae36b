"""Article 10 in the add form: each rule's message at its field."""

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from tests.organisation.helpers import PNG
from tests.promotion.helpers import configure_section


def _field_html(html, name):
    start = html.index(f'id="formfield-form-widgets-{name}"')
    end = html.find('id="formfield-form-widgets-', start + 10)
    return html[start:end]


def _form(functional):
    configure_section(functional["portal"])
    transaction.commit()
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(
        functional["portal"].absolute_url() + "/dau-tu/quang-ba-doanh-nghiep/++add++Promotion"
    )
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Cà phê Đắk Tô Xanh"
    return browser


def test_add_form_shows_each_rule_at_its_field(functional):
    browser = _form(functional)
    browser.getControl(name="form.widgets.logo").add_file(PNG, "image/png", "logo.png")
    browser.getControl(name="form.widgets.link").value = "javascript:alert(1)"
    browser.getControl(name="form.widgets.valid_from").value = "2026-12-10"
    browser.getControl(name="form.widgets.valid_until").value = "2026-12-01"
    browser.getControl(name="form.widgets.fee").value = "500000"
    browser.getControl(name="form.buttons.save").click()
    html = browser.contents
    assert "sau ngày bắt đầu" in _field_html(html, "valid_until")
    assert "biểu trưng" in _field_html(html, "logo_alt")
    assert "biên lai" in _field_html(html, "receipt_number")
    assert "https://" in _field_html(html, "link")
    assert not functional["portal"]["dau-tu"]["quang-ba-doanh-nghiep"].objectIds()


def test_add_form_creates_a_promotion_with_its_dates(functional):
    browser = _form(functional)
    browser.getControl(name="form.widgets.link").value = "https://caphe.example.vn"
    browser.getControl(name="form.widgets.valid_from").value = "2026-12-01"
    browser.getControl(name="form.widgets.valid_until").value = "2026-12-31"
    browser.getControl(name="form.widgets.fee").value = "0"
    browser.getControl(name="form.buttons.save").click()
    section = functional["portal"]["dau-tu"]["quang-ba-doanh-nghiep"]
    obj = section["ca-phe-dak-to-xanh"]
    assert obj.expiration_date.ISO8601().startswith("2027-01-01T00:00:00+07")
    assert obj.effective_date.ISO8601().startswith("2026-12-01T00:00:00+07")
    # The page tells the editor that publishing needs the confirmation.
    assert "dakto-promotion-no-confirmation" in browser.contents
