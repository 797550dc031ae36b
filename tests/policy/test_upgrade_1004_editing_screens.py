"""Upgrade 1003 → 1004, part editing_screens (issue 19.6): PlonePAS' virtual
group of logged-in users, "Authenticated Users (Virtual Group)" on a 1003
site, is named in Vietnamese; a fresh install names it so from the start."""

from plone import api

from dakto.policy.editing.setup import VIRTUAL_GROUP_TITLE


PROFILE = "dakto.policy:default"
ENGLISH_TITLE = "Authenticated Users (Virtual Group)"


def virtual_group_title():
    return api.group.get(groupname="AuthenticatedUsers").getProperty("title")


def test_fresh_install_names_the_virtual_group_in_vietnamese(portal, manager):
    assert virtual_group_title() == VIRTUAL_GROUP_TITLE == "Người dùng đã đăng nhập (nhóm ảo)"


def test_upgrade_names_the_virtual_group_in_vietnamese(portal, manager, setup_tool):
    portal.acl_users.auto_group.title = ENGLISH_TITLE  # as 1003 left it
    assert virtual_group_title() == ENGLISH_TITLE
    setup_tool.setLastVersionForProfile(PROFILE, "1003")
    setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    assert virtual_group_title() == VIRTUAL_GROUP_TITLE
