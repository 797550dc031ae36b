"""The security settings (registry records ``dakto.policy.security.*``)."""

from plone import api
from zope import schema
from zope.interface import Interface

from dakto.policy import _


REGISTRY_PREFIX = "dakto.policy.security"
CONFIGLET_ID = "dakto-security"

DEFAULTS = {
    "lockout_attempts": 5,
    "lockout_client_attempts": 20,
    "lockout_minutes": 15,
    "password_min_length": 10,
    "session_timeout_minutes": 120,
    "behind_https": False,
}


class ISecuritySettings(Interface):
    lockout_attempts = schema.Int(
        title=_("Failed logins before a lockout"),
        description=_(
            "After this many wrong passwords within the lockout period, the account "
            "(and, separately, the client address) is locked."
        ),
        min=1,
        max=100,
        default=DEFAULTS["lockout_attempts"],
    )
    lockout_client_attempts = schema.Int(
        title=_("Failed logins from one address before it is locked"),
        description=_("Counted over all login names, so that one client cannot try many accounts."),
        min=1,
        max=1000,
        default=DEFAULTS["lockout_client_attempts"],
    )
    lockout_minutes = schema.Int(
        title=_("Lockout period (minutes)"),
        min=1,
        max=24 * 60,
        default=DEFAULTS["lockout_minutes"],
    )
    password_min_length = schema.Int(
        title=_("Minimum password length"),
        min=8,
        max=128,
        default=DEFAULTS["password_min_length"],
    )
    session_timeout_minutes = schema.Int(
        title=_("Session timeout (minutes)"),
        description=_("A login expires after this long without activity."),
        min=5,
        max=7 * 24 * 60,
        default=DEFAULTS["session_timeout_minutes"],
    )
    behind_https = schema.Bool(
        title=_("The site is served over HTTPS"),
        description=_(
            "Tick when a proxy terminates HTTPS in front of Zope: cookies get the "
            "Secure flag and responses the Strict-Transport-Security header."
        ),
        required=False,
        default=DEFAULTS["behind_https"],
    )


def get(name, portal=None):
    """The setting of the current site, or of ``portal`` (e.g. the site as
    seen from the Zope root, where no site is current)."""
    key = f"{REGISTRY_PREFIX}.{name}"
    if portal is None:
        value = api.portal.get_registry_record(key, default=None)
    else:
        registry = getattr(portal, "portal_registry", None)
        value = None if registry is None else registry.get(key)
    return DEFAULTS[name] if value is None else value
