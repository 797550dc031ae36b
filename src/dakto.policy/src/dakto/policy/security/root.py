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
