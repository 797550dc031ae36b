"""DAKTO_SMTP_HOST / DAKTO_SMTP_PORT / DAKTO_MAIL_FROM: read, checked, applied."""

import re

import pytest

from dakto.instance.settings import SettingsError
from dakto.instance.settings import load
from tests.servers import REPO


def env(**values):
    return {"DAKTO_INSTANCE": str(REPO / "instance"), "DAKTO_LANG": "en"} | values


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("DAKTO_LANG", "en")


def test_defaults_keep_the_site_settings():
    loaded = load(env())
    assert (loaded.smtp_host, loaded.smtp_port, loaded.mail_from) == ("", 25, "")


@pytest.mark.parametrize(
    "values,message",
    [
        ({"DAKTO_SMTP_PORT": "smtp"}, "DAKTO_SMTP_PORT=smtp is not a number from 1 to 65535"),
        ({"DAKTO_MAIL_FROM": "bbt at dakto"}, "DAKTO_MAIL_FROM=bbt at dakto is not an e-mail"),
    ],
)
def test_wrong_values(values, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        load(env(**values))


def test_applied_to_the_site(portal):
    from dakto.instance.site import apply_mail_settings

    loaded = load(
        env(
            DAKTO_SMTP_HOST="mail.kontum.gov.vn",
            DAKTO_SMTP_PORT="587",
            DAKTO_MAIL_FROM="bbt@thitrandakto.kontum.gov.vn",
        )
    )
    apply_mail_settings(portal, loaded)
    assert (portal.MailHost.smtp_host, portal.MailHost.smtp_port) == ("mail.kontum.gov.vn", 587)
    assert portal.portal_registry["plone.email_from_address"] == "bbt@thitrandakto.kontum.gov.vn"
    before = portal.portal_registry["plone.smtp_host"]
    apply_mail_settings(portal, load(env()))  # empty: nothing changed
    assert portal.portal_registry["plone.smtp_host"] == before == "mail.kontum.gov.vn"
