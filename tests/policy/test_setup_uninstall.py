"""Uninstall removes what install adds (as cookieplone's generated
test_setup_uninstall.py checks), keeps the town's content and people, and a
reinstall afterwards works.

Each test uninstalls on the integration layer: its transaction is rolled
back after the test, so the shared site is installed again for the next one.
"""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from Acquisition import aq_base
from plone import api
from plone.browserlayer.utils import registered_layers
from zope.component import getUtility

from dakto.policy.interfaces import IDaktoPolicyLayer


PROFILES = Path(__import__("dakto.policy").policy.__file__).parent / "profiles"
DEFAULT = PROFILES / "default"
PACKAGE = "dakto.policy"


def _xml(path):
    return ET.parse(path).getroot()


def configlet_ids():
    return [c.get("action_id") for c in _xml(DEFAULT / "controlpanel.xml").iter("configlet")]


def catalog_entries():
    root = _xml(DEFAULT / "catalog.xml")
    return (
        [i.get("name") for i in root.iter("index")],
        [c.get("value") for c in root.iter("column")],
    )


def registry_entries():
    """(record names, records prefixes) the profile's registry files add."""
    names, prefixes = [], []
    for path in [DEFAULT / "registry.xml", *sorted((DEFAULT / "registry").glob("*.xml"))]:
        root = _xml(path)
        prefixes += [r.get("prefix") for r in root.iter("records") if r.get("prefix")]
        names += [
            r.get("name")
            for r in root.iter("record")
            if r.get("name", "").startswith("dakto.") and r.get("remove") is None
        ]
    return names, prefixes


def dakto_records():
    return sorted(
        n for n in api.portal.get_tool("portal_registry").records if n.startswith("dakto.")
    )


def configlets():
    return {a.id for a in api.portal.get_tool("portal_controlpanel").listActions()}


def pas_plugins():
    from dakto.policy.security import lockout
    from dakto.policy.security import password
    from dakto.policy.security import roles

    return (lockout.PLUGIN_ID, password.PLUGIN_ID, roles.PLUGIN_ID)


def user_action_ids():
    return api.portal.get_tool("portal_actions")["user"].objectIds()


def footer_portlets(portal):
    from plone.portlets.interfaces import IPortletAssignmentMapping
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter

    manager = getUtility(IPortletManager, name="plone.footerportlets", context=portal)
    return list(getMultiAdapter((portal, manager), IPortletAssignmentMapping).keys())


@pytest.fixture
def uninstalled(portal, installer, manager):
    installer.uninstall_product(PACKAGE)
    return portal


@pytest.fixture
def draft_page(portal, manager):
    """A page in the editorial workflow's draft state, made before the uninstall."""
    page = api.content.create(container=portal, type="Document", id="draft-page", title="Nháp")
    assert api.content.get_state(page) == "draft"
    return page


# --- what install adds (so that the uninstall tests can fail) -----------------


class TestInstalled:
    def test_configlets(self, portal):
        assert set(configlet_ids()) <= configlets()
        assert len(configlet_ids()) == 10

    def test_registry(self, portal):
        names, prefixes = registry_entries()
        records = dakto_records()
        assert set(names) <= set(records)
        for prefix in prefixes:
            assert any(r.startswith(prefix + ".") for r in records), prefix

    def test_pas_plugins(self, portal):
        for plugin_id in pas_plugins():
            assert plugin_id in portal.acl_users.objectIds()

    def test_user_action(self, portal):
        assert "editorial-dashboard" in user_action_ids()

    def test_footer_portlets(self, portal):
        assert footer_portlets(portal) == ["actions"]

    def test_catalog(self, portal):
        catalog = api.portal.get_tool("portal_catalog")
        indexes, columns = catalog_entries()
        assert set(indexes) <= set(catalog.indexes())
        assert set(columns) <= set(catalog.schema())


# --- uninstall ------------------------------------------------------------------


class TestUninstall:
    def test_product_uninstalled(self, uninstalled, installer):
        assert not installer.is_product_installed(PACKAGE)

    def test_browserlayer_removed(self, uninstalled):
        assert IDaktoPolicyLayer not in registered_layers()

    def test_configlets_removed(self, uninstalled):
        assert configlets() & set(configlet_ids()) == set()

    def test_registry_records_removed(self, uninstalled):
        assert dakto_records() == []

    def test_plone_records_kept(self, uninstalled):
        """Plone's own records the profile sets are the site's settings."""
        assert api.portal.get_registry_record("plone.default_language") == "vi"

    def test_pas_plugins_removed(self, uninstalled):
        from Products.PluggableAuthService.interfaces.plugins import IValidationPlugin

        pas = uninstalled.acl_users
        for plugin_id in pas_plugins():
            assert plugin_id not in pas.objectIds()
        assert "password_policy" in pas.plugins.listPluginIds(IValidationPlugin)

    def test_session_settings_back(self, uninstalled):
        session = aq_base(uninstalled.acl_users.session)
        assert (session.timeout, session.refresh_interval, session.per_user_keyring) == (
            type(session).timeout,
            type(session).refresh_interval,
            False,
        )

    def test_zmi_permission_back(self, uninstalled):
        roles = {
            r["name"]
            for r in uninstalled.rolesOfPermission("View management screens")
            if r["selected"]
        }
        assert roles == {"Manager", "Owner"}
        assert uninstalled.acquiredRolesAreUsedBy("View management screens") == "CHECKED"

    def test_previous_versions_permission_back(self, uninstalled):
        permission = "CMFEditions: Access previous versions"
        roles = {r["name"] for r in uninstalled.rolesOfPermission(permission) if r["selected"]}
        assert "Publisher" not in roles
        assert {"Editor", "Reviewer", "Contributor"} <= roles

    def test_user_action_removed(self, uninstalled):
        assert "editorial-dashboard" not in user_action_ids()
        assert "dashboard" in user_action_ids()

    def test_catalog_indexes_and_columns_removed(self, uninstalled):
        catalog = api.portal.get_tool("portal_catalog")
        indexes, columns = catalog_entries()
        assert set(indexes) & set(catalog.indexes()) == set()
        assert set(columns) & set(catalog.schema()) == set()

    def test_vietnamese_folding_removed(self, uninstalled):
        from dakto.policy.vietnamese.lexicon import uses_vietnamese_folding

        assert not uses_vietnamese_folding(api.portal.get_tool("portal_catalog"))

    def test_history_ids_from_cmfuid_again(self, uninstalled):
        from Products.CMFUid.interfaces import IUniqueIdGenerator

        assert aq_base(getUtility(IUniqueIdGenerator)) is aq_base(uninstalled.portal_uidgenerator)

    def test_plone_types_lose_the_behaviors_and_allowed_types(self, uninstalled):
        types = api.portal.get_tool("portal_types")
        for name in ("News Item", "Event", "Image"):
            assert [b for b in types[name].behaviors if b.startswith("dakto.")] == [], name
        assert "LegalDocument" not in types["Folder"].allowed_content_types

    def test_plone_footer_portlets_back(self, uninstalled):
        assert footer_portlets(uninstalled) == ["footer", "actions", "colophon"]

    def test_virtual_group_title_back(self, uninstalled):
        assert uninstalled.acl_users.auto_group.title == "Authenticated Users (Virtual Group)"

    def test_plone_types_back_in_plone_workflows(self, draft_page, uninstalled):
        from dakto.policy.personal_data.interfaces import NOTICE_ID

        tool = api.portal.get_tool("portal_workflow")
        assert tool.getChainForPortalType("Document") == tool.getDefaultChain()
        assert tool.getChainForPortalType("News Item") == tool.getDefaultChain()
        assert tool.getChainForPortalType("File") == ()
        notice = uninstalled[NOTICE_ID]
        assert api.content.get_state(notice) == "published"
        assert "Anonymous" in {r["name"] for r in notice.rolesOfPermission("View") if r["selected"]}
        assert api.content.get_state(draft_page) == "private"
        catalog = api.portal.get_tool("portal_catalog")
        assert catalog(UID=notice.UID())[0].review_state == "published"

    def test_own_types_kept_with_their_workflows(self, uninstalled):
        """Decision: the add-on's types and workflows stay for their items."""
        types = api.portal.get_tool("portal_types")
        tool = api.portal.get_tool("portal_workflow")
        assert "LegalDocument" in types.objectIds()
        assert tool.getChainForPortalType("LegalDocument") == ("dakto_editorial_workflow",)

    def test_content_and_groups_kept(self, uninstalled):
        assert "tin-tuc" in uninstalled.objectIds()
        assert api.group.get(groupname="kiem-duyet") is not None


# --- reinstall -------------------------------------------------------------------


class TestReinstall:
    @pytest.fixture
    def reinstalled(self, draft_page, uninstalled, installer):
        installer.install_product(PACKAGE)
        return uninstalled

    def test_installed_again(self, reinstalled, installer):
        assert installer.is_product_installed(PACKAGE)
        assert IDaktoPolicyLayer in registered_layers()
        assert set(configlet_ids()) <= configlets()
        assert "editorial-dashboard" in user_action_ids()
        for plugin_id in pas_plugins():
            assert plugin_id in reinstalled.acl_users.objectIds()
        assert "dakto.identity.body_name" in dakto_records()

    def test_content_back_in_the_editorial_workflow(self, reinstalled, draft_page):
        from dakto.policy.personal_data.interfaces import NOTICE_ID

        notice = reinstalled[NOTICE_ID]
        assert api.content.get_state(notice) == "published"
        assert api.content.get_state(draft_page) == "draft"
        assert "Anonymous" not in {
            r["name"] for r in draft_page.rolesOfPermission("View") if r["selected"]
        }
