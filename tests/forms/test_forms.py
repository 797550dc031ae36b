"""Forms with collective.easyform: the shipped contact form and survey, mail on
a real SMTP server, saved data, honeypot, consent, bad input."""

import csv
import io

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.testing.zope import Browser

from dakto.policy.antispam import HONEYPOT_FIELD
from dakto.policy.forms import setup as forms_setup
from dakto.policy.structure.sections import SECTIONS


CONTACT = {
    "ho_ten": "Phạm Thị Lan",
    "email": "lan.pham@example.vn",
    "dien_thoai": "0260 3831 234",
    "tieu_de": "Hỏi giờ làm việc bộ phận một cửa",
    "noi_dung": "Xin cho biết bộ phận một cửa có làm việc sáng thứ Bảy không?",
}


def contact_form(portal):
    return portal[forms_setup.CONTACT_SECTION][forms_setup.CONTACT_ID]


def saved_rows(form):
    from collective.easyform.api import get_actions

    return get_actions(form)["saved_data"].getSavedFormInput()


def browser_for(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    return browser


def fill_contact(browser, values, consent=True):
    for name, value in values.items():
        browser.getControl(name=f"form.widgets.{name}").value = value
    if consent:
        browser.getControl(name="form.widgets.consent:list").value = ["selected"]


def field_error(html, name):
    """The error message shown in the field ``name`` ('' when none)."""
    start = html.index(f'id="formfield-form-widgets-{name}"')
    end = html.find('id="formfield-form-widgets-', start + 10)
    chunk = html[start:end]
    if 'invalid-feedback">' not in chunk:
        return ""
    return chunk.split('invalid-feedback">', 1)[1].split("<", 1)[0].strip()


def submit(browser):
    browser.getControl(name="form.buttons.submit").click()


def test_forms_ship_with_the_site_and_install_is_idempotent(portal):
    form = contact_form(portal)
    assert form.portal_type == "EasyForm"
    assert api.content.get_state(form) == "published"
    survey = portal[forms_setup.SURVEY_SECTION][forms_setup.SURVEY_ID]
    assert "hai_long" in survey.fields_model and "saved_data" in survey.actions_model
    with api.env.adopt_roles(["Manager"]):
        assert forms_setup.install(portal) == []
    # editors can add forms in the general sections
    for section in SECTIONS:
        if section.id in ("lien-he", "gioi-thieu", "thong-tin-cong-khai"):
            assert "EasyForm" in section.allowed_types
    with api.env.adopt_roles(["Manager"]):
        new = api.content.create(
            container=portal["lien-he"], type="EasyForm", id="dang-ky", title="Đăng ký"
        )
    assert new.portal_type == "EasyForm"


def test_contact_form_mails_through_the_real_smtp_server_and_saves_the_data(functional, mail):
    portal = functional["portal"]
    browser = browser_for(functional)
    browser.open(contact_form(portal).absolute_url())
    html = browser.contents
    assert f'name="{HONEYPOT_FIELD}"' in html
    assert "chinh-sach-du-lieu-ca-nhan" in html  # the notice is linked
    assert "Họ và tên" in html and "Gửi thư" in html
    fill_contact(browser, CONTACT)
    submit(browser)
    assert "Cảm ơn bạn đã liên hệ" in browser.contents, browser.contents[-3000:]

    [message] = [m["message"] for m in mail.wait_for(1)]
    assert str(message["Subject"]).strip() == CONTACT["tieu_de"]
    assert message["Reply-To"] == CONTACT["email"]
    body = mail.body(message)
    assert "Phạm Thị Lan" in body and "sáng thứ Bảy" in body

    transaction.begin()
    [row] = saved_rows(contact_form(portal))
    assert row["ho_ten"] == "Phạm Thị Lan" and row["email"] == CONTACT["email"]
    assert row["consent"] is True
    purposes, version, time = row["consent_record"].split("; ")
    assert purposes == "form_submission" and version and time.startswith("20")

    # the saved data export as CSV (easyform's own download)
    from collective.easyform.api import get_actions

    text = get_actions(contact_form(portal))["saved_data"].getSavedFormInputForEdit(header=True)
    parsed = list(csv.reader(io.StringIO(text)))
    assert "Họ và tên" in parsed[0]
    assert parsed[1][parsed[0].index("Họ và tên")] == "Phạm Thị Lan"


def test_honeypot_missing_consent_and_bad_input_store_and_mail_nothing(functional, mail):
    portal = functional["portal"]
    url = contact_form(portal).absolute_url()
    browser = browser_for(functional)

    browser.open(url)
    fill_contact(browser, CONTACT)
    browser.getControl(name=HONEYPOT_FIELD).value = "http://spam.example"
    submit(browser)
    assert "Cảm ơn bạn đã liên hệ" not in browser.contents
    assert "tự động" in browser.contents or "automated" in browser.contents

    browser.open(url)
    fill_contact(browser, CONTACT, consent=False)
    submit(browser)
    assert "Cảm ơn bạn đã liên hệ" not in browser.contents

    browser.open(url)
    fill_contact(
        browser,
        dict(
            CONTACT,
            ho_ten="<script>alert(1)</script>",
            noi_dung="x" * 5001,
            email="khong-phai-email",
        ),
    )
    submit(browser)
    html = browser.contents
    assert "Cảm ơn bạn đã liên hệ" not in html
    assert "<script>alert(1)</script>" not in html
    for name in ("ho_ten", "email", "noi_dung"):
        assert field_error(html, name), name
    assert "HTML" in field_error(html, "ho_ten")
    assert not field_error(html, "tieu_de")

    transaction.begin()
    assert saved_rows(contact_form(portal)) == []
    assert mail.wait_for(1, timeout=1) == []


def test_the_survey_saves_answers(functional):
    portal = functional["portal"]
    survey = portal[forms_setup.SURVEY_SECTION][forms_setup.SURVEY_ID]
    browser = browser_for(functional)
    browser.open(survey.absolute_url())
    browser.getControl(name="form.widgets.thu_tuc").value = "Đăng ký khai sinh"
    for name, index in (("dung_hen", 0), ("thai_do", 0), ("hai_long", 1)):
        control = browser.getControl(name=f"form.widgets.{name}")
        control.value = [control.options[index]]
    browser.getControl(name="form.widgets.consent:list").value = ["selected"]
    submit(browser)
    assert "Cảm ơn bạn đã tham gia khảo sát" in browser.contents
    transaction.begin()
    [row] = saved_rows(survey)
    assert row["hai_long"] == "Hài lòng" and row["thu_tuc"] == "Đăng ký khai sinh"


def test_an_editor_built_form_gets_the_consent_and_the_honeypot(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    form = api.content.create(
        container=portal["lien-he"],
        type="EasyForm",
        id="dang-ky-tap-huan",
        title="Đăng ký tập huấn",
    )
    api.content.transition(obj=form, to_state="published")
    transaction.commit()
    browser = browser_for(functional)
    browser.open(form.absolute_url())
    assert f'name="{HONEYPOT_FIELD}"' in browser.contents
    assert "form.widgets.consent" in browser.contents
    browser.getControl(name="form.widgets.replyto").value = "a@example.vn"
    browser.getControl(name="form.widgets.topic").value = "Đăng ký"
    submit(browser)  # consent not ticked
    assert browser.contents.count("form.widgets.consent") >= 1
    assert form.absolute_url() in browser.url
