"""The portal's mail through Plone's MailHost (issues 13.5 and 19.2).

``send`` is the one helper every feature sends with: it never raises, and it
says whether the mail left. Plone sends nothing without an SMTP server and a
sender address (Site Setup → Mail, or ``DAKTO_SMTP_HOST`` and
``DAKTO_MAIL_FROM``): then ``send`` logs one line and returns False, and the
Site Setup overview shows administrators a warning (``viewlets.py``).
"""

import logging

from plone.base.interfaces.controlpanel import IMailSchema
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility


logger = logging.getLogger(__name__)

CONTROL_PANEL = "@@mail-controlpanel"


def configured():
    """True when the site has an SMTP server and a sender address: the test
    Plone makes before sending (``overview-controlpanel``'s mailhost_warning)."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return False
    settings = registry.forInterface(IMailSchema, prefix="plone", check=False)
    return bool(settings.smtp_host and settings.email_from_address)


def not_configured(subject):
    logger.warning(
        "Mail is not configured (Site Setup → Mail: SMTP server and sender address): "
        "'%s' was not sent.",
        subject,
    )


def send(recipient, subject, body, immediate=False):
    """Send one mail; never raises.

    ``immediate``: hand it to the SMTP server now, and return True only once
    the server accepted it. Otherwise it is queued and leaves when the
    transaction commits (nothing is sent if the transaction is aborted):
    True then means queued. False, with one line in the log and no
    traceback, when mail is not configured or the server refused it.
    """
    from plone import api

    if not configured():
        not_configured(subject)
        return False
    try:
        api.portal.send_email(recipient=recipient, subject=subject, body=body, immediate=immediate)
    except Exception as error:  # noqa: BLE001 - SMTP refused, unreachable, bad address…
        logger.warning("Mail '%s' was not sent: %s: %s", subject, type(error).__name__, error)
        return False
    return True


def send_each(recipients, subject, body, immediate=False):
    """One mail per recipient (nobody sees the others' addresses); the number
    sent (or queued). Mail not configured: one line in the log, 0."""
    if not recipients:
        return 0
    if not configured():
        not_configured(subject)
        return 0
    return sum(send(address, subject, body, immediate=immediate) for address in recipients)
