"""Upgrade 1003 → 1004, part sessions (issue 21.4): a site as 1003 left it
(plone.session with one shared secret) gets per-user keyrings; a fresh
install has them through the profile."""

from plone import api


PROFILE = "dakto.policy:default"


def test_fresh_install_has_per_user_keyrings(portal, manager):
    assert portal.acl_users.session.getProperty("per_user_keyring") is True


def test_upgrade_turns_them_on(portal, manager):
    plugin = portal.acl_users.session
    plugin.per_user_keyring = False  # as 1003 left it
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1003")
    setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    assert plugin.getProperty("per_user_keyring") is True


def test_the_part_is_listed():
    from dakto.policy.upgrades import v1004

    assert "v1004_sessions" in v1004.PARTS
