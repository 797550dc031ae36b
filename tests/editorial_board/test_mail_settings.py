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
    """What `dakto start` and `dakto digest` apply: the product config that
    `dakto configure` writes from these variables (tests/instance/test_product_config.py)."""
    from dakto.policy import product_config as keys
    from dakto.policy.product_config import apply_mail_settings

    apply_mail_settings(
        portal,
        {
            keys.SMTP_HOST: "mail.kontum.gov.vn",
            keys.SMTP_PORT: "587",
            keys.MAIL_FROM: "bbt@thitrandakto.kontum.gov.vn",
        },
    )
    assert (portal.MailHost.smtp_host, portal.MailHost.smtp_port) == ("mail.kontum.gov.vn", 587)
    assert portal.portal_registry["plone.smtp_port"] == 587
    assert portal.portal_registry["plone.email_from_address"] == "bbt@thitrandakto.kontum.gov.vn"
    before = portal.portal_registry["plone.smtp_host"]
    apply_mail_settings(portal, {keys.AUDIT_LOG: "/tmp/audit.log"})  # none: nothing changed
    assert portal.portal_registry["plone.smtp_host"] == before == "mail.kontum.gov.vn"
    apply_mail_settings(portal, {keys.SMTP_HOST: " "})  # empty: nothing changed
    assert portal.MailHost.smtp_host == "mail.kontum.gov.vn"
