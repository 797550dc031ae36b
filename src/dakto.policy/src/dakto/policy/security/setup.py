"""Install-time set-up of the security measures (idempotent)."""

from dakto.policy.security import lockout
from dakto.policy.security import password
from dakto.policy.security import roles
from dakto.policy.security import sessions


# The ZMI is for Managers only (rolemap.xml): Plone also gives it to Owner,
# so that whoever created an item could open its /manage_main.
ZMI_PERMISSION = "View management screens"


def install(portal):
    lockout.install(portal)
    password.install(portal)
    roles.install(portal)
    sessions.apply(portal)
