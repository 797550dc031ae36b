"""Upgrade part v1006_root_jwt: a 1005 deployment's root JWT plugin stops
signing with a keyring the root does not have (a Bearer header at the root
was a 500)."""


def test_the_roots_jwt_plugin_gets_its_own_secret(portal, manager, setup_tool):
    from dakto.policy.upgrades import v1006_root_jwt

    plugin = portal.getPhysicalRoot().acl_users["jwt_auth"]
    plugin.use_keyring, plugin._secret = True, None  # as plone.restapi installs it

    v1006_root_jwt.upgrade(setup_tool)
    secret = plugin._secret
    v1006_root_jwt.upgrade(setup_tool)  # twice: the same secret, no error

    assert plugin.use_keyring is False
    assert secret and plugin._secret == secret
    assert portal.acl_users["jwt_auth"].use_keyring  # a site keeps its keyring


def test_the_install_leaves_the_root_plugin_with_its_own_secret(portal):
    plugin = portal.getPhysicalRoot().acl_users["jwt_auth"]
    assert plugin.use_keyring is False and plugin._secret
    assert portal.acl_users["jwt_auth"].use_keyring
