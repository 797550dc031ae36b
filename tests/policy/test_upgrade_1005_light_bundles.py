"""Upgrade 1004 → 1005, part light_bundles (issue 16): a site installed before
(Plone's bundles for everyone, no ``dakto`` bundle) gets the members-only
expression of Plone's bundles and the portal's own bundle, the same as a
fresh install."""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


PROFILE = "dakto.policy:default"
EXPECTED = {
    "plone.expression": "python: member is not None",
    "plone-fullscreen.expression": "python: member is not None",
    "dakto.enabled": True,
    "dakto.depends": "all",
    "dakto.csscompilation": "++theme++dakto/css/dakto.css",
    "dakto.jscompilation": "++theme++dakto/js/dakto.js",
    "dakto.load_async": False,
    "dakto.load_defer": False,
}


def bundle_state():
    registry = getUtility(IRegistry)
    return {key: registry.get(f"plone.bundles/{key}") for key in EXPECTED}


def make_old(registry):
    """The registry of a 1004 site: Plone's defaults, no dakto bundle."""
    registry["plone.bundles/plone.expression"] = ""
    registry["plone.bundles/plone-fullscreen.expression"] = ""
    for key in [k for k in registry.records.keys() if k.startswith("plone.bundles/dakto.")]:
        del registry.records[key]


def test_fresh_install(portal):
    assert bundle_state() == EXPECTED


def test_upgrade_sets_them(portal, manager):
    registry = getUtility(IRegistry)
    make_old(registry)
    assert "plone.bundles/dakto.jscompilation" not in registry.records
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1004")
    setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    assert bundle_state() == EXPECTED


def test_the_part_is_listed():
    from dakto.policy.upgrades import v1005

    assert "v1005_light_bundles" in v1005.parts()
