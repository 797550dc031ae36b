"""The lockout for the Zope root's users (``admin``).

The Zope ``admin`` lives in the root user folder (a PAS, outside the Plone
site's): HTTP Basic auth at ``/manage_main`` (the ZMI's login), Basic auth at
the site when the site's PAS does not know the login, Plone's login form
(the site's plugin asks the root folder) and plone.restapi's ``@login`` for a
root user all end in the root PAS's authenticators. ``install(app)``, run by
the ``dakto`` instance set-up (``instance/site.py``) on every ``start`` and
``create-site``, puts the same ``dakto_lockout`` plugin first among them: the
same counters (PostgreSQL on RelStorage, a file next to the Data.fs on
FileStorage), locks and audit entries as the site's users, with the limits of
the site's security settings.
"""

import logging

from Acquisition import aq_base
from Products.PluggableAuthService.interfaces.authservice import IPluggableAuthService

from dakto.policy.security import lockout


# plone.restapi's install puts its JWT plugin in every user folder from the
# site up to the Zope root (plone.restapi.setuphandlers.install_pas_plugin).
JWT_PLUGIN_ID = "jwt_auth"

logger = logging.getLogger(__name__)


def install(app):
    """The lockout plugin in the root user folder; True when it was added."""
    folder = getattr(aq_base(app), "acl_users", None)
    if not IPluggableAuthService.providedBy(folder):
        logger.warning("the Zope root's user folder is not a PAS: no lockout for its users")
        return False
    added = lockout.PLUGIN_ID not in folder.objectIds()
    lockout.install(app)
    return added


def jwt_with_own_secret(app):
    """plone.restapi's JWT plugin of the root user folder signs with a secret
    of its own instead of a keyring; True when it was changed.

    The plugin is there for the root's users (``admin``, the province's
    staff): ``@login`` at a site finds them in the root user folder and has
    the root's plugin sign their token. With plone.keyring it signs with the
    keyring of the site the request is in, and the root has none: a
    ``Bearer`` header sent to the root itself (a site's token or a forged
    one) looked the keyring up and failed with a 500. With its own secret a
    root user's token holds at every site and at the root, and any other
    token is refused there with 401 (a site's users' tokens are signed with
    that site's keyring, docs/platform-isolation.md).
    """
    folder = getattr(aq_base(app), "acl_users", None)
    if folder is None or JWT_PLUGIN_ID not in folder.objectIds():
        return False
    plugin = app.acl_users[JWT_PLUGIN_ID]
    changed = plugin.use_keyring or not plugin._secret
    plugin.use_keyring = False
    plugin._signing_secret()  # makes the secret when it has none yet
    return changed
