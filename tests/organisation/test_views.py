"""Article 4.1a pages: the organisation page, unit pages, person pages, and the forms."""

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import login
from plone.testing.zope import Browser

from tests.organisation.helpers import PNG
from tests.organisation.helpers import build
from tests.organisation.helpers import person


def _setup(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    build(portal)
    transaction.commit()
    return portal


def _anon(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    return browser


def _owner(functional):
    browser = _anon(functional)
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def _section_html(html, css_class):
    start = html.index(f'class="{css_class}')
    return html[start : html.find("</section>", start)]


def test_organisation_page_shows_leaders_units_and_contact_officer(functional):
    portal = _setup(functional)
    browser = _anon(functional)
    browser.open(portal.absolute_url() + "/gioi-thieu/co-cau-to-chuc")
    html = browser.contents
    leaders = _section_html(html, "dakto-leaders")
    # In listing order, with photo (and its text alternative), position, phone, e-mail.
    assert leaders.index("Nguyễn Văn Thành") < leaders.index("Trần Thị Mai")
    assert 'alt="Ảnh chân dung ông Nguyễn Văn Thành"' in leaders
    assert "chu-tich/@@images/photo-" in leaders  # a scale of the photo (images.py)
    assert "Chủ tịch UBND" in leaders
    assert 'href="tel:02603831101"' in leaders
    assert 'href="mailto:nvthanh@kontum.gov.vn"' in leaders
    units = _section_html(html, "dakto-units")
    assert units.index("Văn phòng - Thống kê") < units.index("Tư pháp - Hộ tịch")
    assert "Tầng 1, trụ sở UBND" in units and "vanphong@kontum.gov.vn" in units
    assert "Lê Thị Hồng Nhung" in units and "Phạm Văn Tú" in units  # the heads
    officer = _section_html(html, "dakto-contact-officer")
    assert "Lê Thị Hồng Nhung" in officer and "nhung@kontum.gov.vn" in officer
    assert "Văn phòng - Thống kê" in officer  # the unit
    assert "alert-warning" not in html


def test_organisation_page_warns_editors_about_several_contact_officers(functional):
    portal = _setup(functional)
    person(
        portal["gioi-thieu"]["co-cau-to-chuc"],
        "huong",
        "Đinh Thị Hương",
        "Công chức",
        is_contact_officer=True,
    )
    transaction.commit()
    owner = _owner(functional)
    owner.open(portal.absolute_url() + "/gioi-thieu/co-cau-to-chuc")
    assert "alert-warning" in owner.contents
    assert "Đinh Thị Hương" in owner.contents.split("alert-warning")[1].split("</div>")[0]
    anon = _anon(functional)
    anon.open(portal.absolute_url() + "/gioi-thieu/co-cau-to-chuc")
    assert "alert-warning" not in anon.contents  # a matter for editors, not the public


def test_unit_page_shows_functions_contacts_and_people(functional):
    portal = _setup(functional)
    browser = _anon(functional)
    browser.open(portal.absolute_url() + "/gioi-thieu/co-cau-to-chuc/tu-phap")
    html = browser.contents
    assert "Chức năng của Tư pháp - Hộ tịch" in html
    contact = _section_html(html, "dakto-unit-contact")
    assert "Tầng 1, trụ sở UBND" in contact
    assert 'href="tel:02603831120"' in contact
    assert 'href="mailto:tuphap@kontum.gov.vn"' in contact
    assert "Phạm Văn Tú" in _section_html(html, "dakto-unit-staff")
    assert "Phạm Văn Tú" in _section_html(html, "dakto-unit-head")


def test_person_page(functional):
    portal = _setup(functional)
    browser = _anon(functional)
    browser.open(portal.absolute_url() + "/gioi-thieu/co-cau-to-chuc/van-phong/nhung")
    html = browser.contents
    assert "Lê Thị Hồng Nhung" in html
    assert "Công chức Văn phòng" in html
    assert "Văn phòng - Thống kê" in html
    assert "nhung@kontum.gov.vn" in html and "0260 3831 111" in html


def _field_html(html, name):
    start = html.index(f'id="formfield-form-widgets-{name}"')
    end = html.find('id="formfield-form-widgets-', start + 10)
    return html[start:end]


def test_add_form_refuses_bad_phone_email_and_photo_without_alt(functional):
    portal = _setup(functional)
    browser = _owner(functional)
    browser.open(portal.absolute_url() + "/gioi-thieu/co-cau-to-chuc/++add++Person")
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Y Thị Hoa"
    browser.getControl(name="form.widgets.position").value = "Công chức"
    browser.getControl(name="form.widgets.phone").value = "gọi cho tôi"
    browser.getControl(name="form.widgets.email").value = "hoa@"
    browser.getControl(name="form.widgets.photo").add_file(PNG, "image/png", "hoa.png")
    browser.getControl(name="form.buttons.save").click()
    html = browser.contents
    phone = _field_html(html, "phone")
    assert "Enter a phone number" in phone or "nhập số điện thoại" in phone
    email = _field_html(html, "email")
    assert "ubnd@kontum.gov.vn" in email  # the example in the message
    alt = _field_html(html, "photo_alt")
    assert "Describe the photo" in alt or "mô tả ảnh" in alt
    assert "y-thi-hoa" not in portal["gioi-thieu"]["co-cau-to-chuc"].objectIds()

    # Corrected: the photo uploaded in the first try is kept, with its text.
    browser.getControl(name="form.widgets.phone").value = "0260 3831 141"
    browser.getControl(name="form.widgets.email").value = "hoa@kontum.gov.vn"
    browser.getControl(name="form.widgets.photo_alt").value = "Ảnh chân dung bà Y Thị Hoa"
    browser.getControl(name="form.buttons.save").click()
    hoa = portal["gioi-thieu"]["co-cau-to-chuc"]["y-thi-hoa"]
    assert hoa.photo.filename == "hoa.png" and hoa.photo.data == PNG
    assert hoa.photo_alt == "Ảnh chân dung bà Y Thị Hoa"


def test_add_form_creates_a_person(functional):
    portal = _setup(functional)
    browser = _owner(functional)
    browser.open(portal.absolute_url() + "/gioi-thieu/co-cau-to-chuc/van-phong/++add++Person")
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Y Thị Hoa"
    browser.getControl(name="form.widgets.position").value = "Công chức"
    browser.getControl(name="form.widgets.phone").value = "0260 3831 141"
    browser.getControl(name="form.widgets.email").value = "hoa@kontum.gov.vn"
    browser.getControl(name="form.buttons.save").click()
    hoa = portal["gioi-thieu"]["co-cau-to-chuc"]["van-phong"]["y-thi-hoa"]
    assert hoa.phone == "0260 3831 141"
    assert "Văn phòng - Thống kê" in browser.contents
