"""1004, server-side logout (issue 21.4): plone.session's per-user keyrings
on the site's session plugin (``acl_users/session``), so that logout, a
password change or a deleted account ends the user's tickets.

Tickets issued before (signed with the shared secret) stay good until they
time out or their user logs out or changes password, which refuses them too.
Self-contained: the install code of today's features is not called.
"""

import logging

from plone import api


logger = logging.getLogger(__name__)


def upgrade(context):
    plugin = getattr(api.portal.get().acl_users, "session", None)
    if plugin is None:
        logger.warning("No session plugin in acl_users: per-user keyrings not turned on.")
        return
    plugin.per_user_keyring = True
