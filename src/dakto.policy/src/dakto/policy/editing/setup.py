"""The editing screens in Vietnamese (issue 19.6): what the catalogs cannot
translate because it is data of the site.

PlonePAS' automatic group (every logged-in user) is named by its plugin's
title, "Authenticated Users (Virtual Group)", on the groups overview and the
sharing tab.
"""

from plone import api

from dakto.policy.registrations import FeatureSetup


AUTO_GROUP_PLUGIN = "auto_group"
VIRTUAL_GROUP_TITLE = "Người dùng đã đăng nhập (nhóm ảo)"
PLONE_VIRTUAL_GROUP_TITLE = "Authenticated Users (Virtual Group)"


def install(portal):
    plugin = getattr(api.portal.get_tool("acl_users"), AUTO_GROUP_PLUGIN, None)
    if plugin is not None and plugin.title != VIRTUAL_GROUP_TITLE:
        plugin.title = VIRTUAL_GROUP_TITLE


def uninstall(portal):
    """PlonePAS' own title back (Products.PlonePAS.setuphandlers)."""
    plugin = getattr(api.portal.get_tool("acl_users"), AUTO_GROUP_PLUGIN, None)
    if plugin is not None and plugin.title == VIRTUAL_GROUP_TITLE:
        plugin.title = PLONE_VIRTUAL_GROUP_TITLE


registration = FeatureSetup(install, uninstall)
