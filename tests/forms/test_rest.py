"""A public EasyForm over REST (issue 21.5): anyone reads its fields (200),
nobody without the right to edit it reads its settings (models, mail
addresses, overrides); editors keep the whole content; no error lists
internal names."""

import pytest
import requests
import transaction
from collective.easyform.api import get_actions
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from dakto.policy.forms import setup as forms_setup


JSON = {"Accept": "application/json", "Accept-Language": "vi"}
RECIPIENT = "ban-bien-tap-bi-mat@dakto.example.org"
SECRET_KEYS = (
    "fields_model",
    "actions_model",
    "thanksPageOverride",
    "formActionOverride",
    "onDisplayOverride",
    "afterValidationOverride",
    "headerInjection",
    "savedDataStorage",
)
FORMS = {
    "contact": (
        f"{forms_setup.CONTACT_SECTION}/{forms_setup.CONTACT_ID}",
        ["ho_ten", "email", "dien_thoai", "tieu_de", "noi_dung", "consent"],
    ),
    "survey": (
        f"{forms_setup.SURVEY_SECTION}/{forms_setup.SURVEY_ID}",
        ["thu_tuc", "dung_hen", "thai_do", "hai_long", "gop_y", "consent"],
    ),
}


@pytest.fixture
def site(functional):
    """The shipped forms; the contact form's mailer has a recipient and a
    script-like override, which no visitor may read."""
    portal = functional["portal"]
    form = portal.unrestrictedTraverse(FORMS["contact"][0])
    if RECIPIENT not in form.actions_model:
        form.actions_model = form.actions_model.replace(
            "<replyto_field>", f"<recipient_email>{RECIPIENT}</recipient_email><replyto_field>", 1
        )
    assert get_actions(form)["mailer"].recipient_email == RECIPIENT
    form.onDisplayOverride = "python: context.secret_method()"
    transaction.commit()
    return portal


@pytest.mark.parametrize("kind", sorted(FORMS))
def test_anonymous_reads_a_public_forms_fields(site, kind):
    path, names = FORMS[kind]
    response = requests.get(f"{site.absolute_url()}/{path}", headers=JSON, timeout=60)
    assert response.status_code == 200, response.text[:500]
    data = response.json()
    assert data["@type"] == "EasyForm"
    assert data["title"] and data["description"]
    fields = data["form"]["fields"]
    assert [f["name"] for f in fields] == names  # consent_record is server side
    for entry in fields:
        assert entry["type"] and entry["title"] and isinstance(entry["required"], bool)
    by_name = {f["name"]: f for f in fields}
    assert by_name["consent"]["required"] is True and by_name["consent"]["type"] == "Bool"
    if kind == "contact":
        assert by_name["ho_ten"] == {
            "name": "ho_ten",
            "type": "TextLine",
            "title": "Họ và tên",
            "description": "",
            "required": True,
            "max_length": 120,
        }
        assert by_name["dien_thoai"]["required"] is False
    else:
        assert [c["title"] for c in by_name["dung_hen"]["choices"]] == [
            "Đúng hẹn",
            "Sớm hơn hẹn",
            "Trễ hẹn",
        ]
    for key in SECRET_KEYS:
        assert key not in data
    assert RECIPIENT not in response.text
    assert "secret_method" not in response.text
    assert "dakto-plain-text" not in response.text  # validators are internal names
    assert "InvalidParameterError" not in response.text


def test_an_editor_keeps_the_whole_content(site):
    path = FORMS["contact"][0]
    response = requests.get(
        f"{site.absolute_url()}/{path}",
        headers=JSON,
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=60,
    )
    assert response.status_code == 200, response.text[:500]
    data = response.json()
    assert RECIPIENT in data["actions_model"]
    assert "ho_ten" in data["fields_model"]
    assert data["form"]["fields"][0]["name"] == "ho_ten"
    assert "savedDataStorage" not in data or isinstance(data["savedDataStorage"], dict)


def test_an_internal_error_names_nothing_internal(site):
    """An error the code did not foresee (here plone.api's, listing every
    permission) answers 500 with a plain reason, over REST and in the page."""
    from plone.api.exc import InvalidParameterError

    from dakto.policy.forms import rest

    original = rest.visitor_fields

    def broken(form, request):
        api.user.has_permission("no.such.Permission", obj=form)

    rest.visitor_fields = broken
    try:
        response = requests.get(
            f"{site.absolute_url()}/{FORMS['survey'][0]}", headers=JSON, timeout=60
        )
    finally:
        rest.visitor_fields = original
    assert response.status_code == 500
    body = response.json()
    assert "View management screens" not in response.text
    assert "Modify portal content" not in response.text
    assert InvalidParameterError.__name__ not in response.text
    assert "Traceback" not in response.text
    assert body["message"]
