"""Upgrade 1005 → 1006, part homepage (issue 16) and urgent notice (issue
17.7): a 1005 site shows Plone's document view at its root with the old
homepage blocks under it, and has no urgent notice. After the part its root
shows the government-portal homepage, its publishers set the notice in a
control panel, and cached pages carry the notice in their ETag."""

from plone import api

from dakto.policy.upgrades import v1006_homepage


ETAGS = "plone.app.caching.moderateCaching.plone.content.itemView.etags"


def _configlets():
    return {a.id for a in api.portal.get_tool("portal_controlpanel").listActions()}


def _to_1005(portal):
    registry = api.portal.get_tool("portal_registry")
    for name in ("heading", "message", "link", "starts", "ends"):
        del registry.records[f"dakto.urgent_notice.{name}"]
    registry[ETAGS] = tuple(v for v in registry[ETAGS] if v != "urgentNotice")
    api.portal.get_tool("portal_controlpanel").unregisterConfiglet("dakto-urgent-notice")
    fti = api.portal.get_tool("portal_types").getTypeInfo("Plone Site")
    fti.manage_changeProperties(view_methods=tuple(m for m in fti.view_methods if m != "homepage"))
    portal.setLayout("document_view")


def test_a_1005_site_gets_the_homepage_and_the_urgent_notice(portal, manager):
    _to_1005(portal)
    registry = api.portal.get_tool("portal_registry")
    assert "dakto.urgent_notice.starts" not in registry.records
    assert "dakto-urgent-notice" not in _configlets()

    v1006_homepage.upgrade(None)

    assert portal.getLayout() == "homepage"
    assert "homepage" in api.portal.get_tool("portal_types").getTypeInfo("Plone Site").view_methods
    assert registry["dakto.urgent_notice.starts"] is None  # nothing shows
    assert "urgentNotice" in registry[ETAGS]
    assert "dakto-urgent-notice" in _configlets()
    v1006_homepage.upgrade(None)  # runs twice without harm
    assert list(registry[ETAGS]).count("urgentNotice") == 1


def test_a_layout_chosen_by_an_administrator_is_kept(portal, manager):
    _to_1005(portal)
    portal.setLayout("folder_listing")
    v1006_homepage.upgrade(None)
    assert portal.getLayout() == "folder_listing"


def test_a_notice_already_set_is_kept(portal, manager):
    from datetime import datetime

    api.portal.set_registry_record("dakto.urgent_notice.heading", "Mất điện")
    api.portal.set_registry_record("dakto.urgent_notice.starts", datetime(2026, 12, 1, 8))
    v1006_homepage.upgrade(None)
    assert api.portal.get_registry_record("dakto.urgent_notice.heading") == "Mất điện"
    assert api.portal.get_registry_record("dakto.urgent_notice.starts") == datetime(2026, 12, 1, 8)
