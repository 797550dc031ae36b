"""1006: the Zope root's JWT plugin signs with a secret of its own.

plone.restapi's install puts its JWT plugin in every user folder up to the
root, signing with plone.keyring. The root has no keyring, so a ``Bearer``
header sent to the root (a site's token, or a forged one) ended in a 500
instead of a 401. The root's plugin (it signs the tokens of the root's users
logging in at a site) now keeps its own secret; the root's users log in
again once.

Self-contained: the install code of today's features is not called.
"""

from Acquisition import aq_base
from plone import api


PLUGIN_ID = "jwt_auth"


def upgrade(context):
    app = api.portal.get().getPhysicalRoot()
    folder = getattr(aq_base(app), "acl_users", None)
    if folder is None or PLUGIN_ID not in folder.objectIds():
        return
    plugin = app.acl_users[PLUGIN_ID]
    plugin.use_keyring = False
    plugin._signing_secret()  # makes the secret when it has none yet
