"""1004, the editing screens in Vietnamese (issue 19.6): PlonePAS' virtual
group of logged-in users gets its Vietnamese name (the catalogs do the rest).

Self-contained: the install code of today's features is not called.
"""

from plone import api

from dakto.policy.editing.setup import AUTO_GROUP_PLUGIN
from dakto.policy.editing.setup import VIRTUAL_GROUP_TITLE


def upgrade(context):
    plugin = getattr(api.portal.get_tool("acl_users"), AUTO_GROUP_PLUGIN, None)
    if plugin is not None:
        plugin.title = VIRTUAL_GROUP_TITLE
