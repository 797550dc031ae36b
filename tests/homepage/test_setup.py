"""The homepage at install and uninstall: the root's layout, its place in
the Display menu, the notice's ETag component in the cached pages' rules;
uninstalled, Plone's document view again and no trace in the caching rules
(the records and the control panel entry: tests/policy/test_setup_uninstall)."""

from plone import api

from dakto.policy.homepage import setup


def _view_methods():
    return api.portal.get_tool("portal_types").getTypeInfo("Plone Site").view_methods


def _etags():
    registry = api.portal.get_tool("portal_registry")
    found = {name: registry[name] for name in setup.ETAG_RECORDS if name in registry.records}
    assert len(found) >= 2  # moderate caching's item and folder rules at least
    return found


def test_installed(portal):
    assert portal.getLayout() == "homepage"
    assert "homepage" in _view_methods()
    assert all("urgentNotice" in values for values in _etags().values())


def test_uninstall_and_install_again(portal, manager):
    setup.uninstall(portal)
    assert portal.getLayout() == "document_view"
    assert "homepage" not in _view_methods()
    assert not any("urgentNotice" in values for values in _etags().values())
    setup.install(portal)
    setup.install(portal)  # twice: one entry each
    assert portal.getLayout() == "homepage"
    assert list(_view_methods()).count("homepage") == 1
    assert all(list(values).count("urgentNotice") == 1 for values in _etags().values())
