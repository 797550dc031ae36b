"""Install and uninstall of dakto.policy and dakto.theme."""

from pathlib import Path

import pytest
from plone import api
from plone.browserlayer.utils import registered_layers
from Products.GenericSetup.tool import UNKNOWN

from dakto.policy.interfaces import IDaktoPolicyLayer


POLICY_PROFILES = Path(__import__("dakto.policy").policy.__file__).parent / "profiles"


class TestInstall:
    def test_both_addons_installed(self, installer):
        assert installer.is_product_installed("dakto.policy")
        assert installer.is_product_installed("dakto.theme")

    def test_dependencies_installed(self, installer):
        for name in ("plone.restapi", "collective.easyform", "plone.app.caching"):
            assert installer.is_product_installed(name), name

    def test_browserlayer(self, portal):
        assert IDaktoPolicyLayer in registered_layers()

    def test_profile_version_matches_metadata(self, setup_tool):
        metadata = (POLICY_PROFILES / "default" / "metadata.xml").read_text()
        version = metadata.split("<version>")[1].split("</version>")[0]
        assert setup_tool.getLastVersionForProfile("dakto.policy:default") == (version,)

    def test_no_pending_upgrade_steps(self, setup_tool):
        assert setup_tool.listUpgrades("dakto.policy:default") == []

    def test_vietnamese_default_english_available(self, portal):
        assert api.portal.get_registry_record("plone.default_language") == "vi"
        assert api.portal.get_registry_record("plone.available_languages") == ["vi", "en"]
        assert api.portal.get_registry_record("plone.portal_timezone") == "Asia/Ho_Chi_Minh"

    def test_theme_enabled(self, portal):
        from plone.app.theming.utils import getCurrentTheme

        assert getCurrentTheme() == "dakto"


class TestUninstall:
    @pytest.fixture(autouse=True)
    def _uninstall(self, installer, manager):
        installer.uninstall_product("dakto.policy")
        installer.uninstall_product("dakto.theme")

    def test_policy_uninstalled(self, installer):
        assert not installer.is_product_installed("dakto.policy")
        assert not installer.is_product_installed("dakto.theme")

    def test_browserlayer_removed(self, portal):
        assert IDaktoPolicyLayer not in registered_layers()

    def test_identity_records_removed(self, portal):
        registry = api.portal.get_tool("portal_registry")
        assert "dakto.identity.body_name" not in registry.records

    def test_configlet_removed(self, portal):
        ids = [a.id for a in api.portal.get_tool("portal_controlpanel").listActions()]
        assert "dakto-identity" not in ids

    def test_barceloneta_theme_back(self, portal):
        from plone.app.theming.utils import getCurrentTheme

        assert getCurrentTheme() == "barceloneta"

    def test_plone_lexicon_back(self, portal):
        from dakto.policy.vietnamese.lexicon import uses_vietnamese_folding

        assert not uses_vietnamese_folding(api.portal.get_tool("portal_catalog"))

    def test_content_is_kept(self, portal):
        assert "tin-tuc" in portal.objectIds()

    def test_profile_marked_uninstalled(self, setup_tool):
        assert setup_tool.getLastVersionForProfile("dakto.policy:default") == UNKNOWN


def test_uninstall_profiles_hidden(portal):
    from Products.CMFPlone.interfaces import INonInstallable
    from zope.component import getAllUtilitiesRegisteredFor

    hidden = {
        p
        for u in getAllUtilitiesRegisteredFor(INonInstallable)
        for p in u.getNonInstallableProfiles()
    }
    assert {"dakto.policy:uninstall", "dakto.theme:uninstall"} <= hidden
    assert "dakto.policy:default" not in hidden
