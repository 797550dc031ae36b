"""DAKTO_PURGE_URL (settings, applied at start) and the paths purged."""

import pytest
from plone import api

from dakto.instance.settings import SettingsError
from dakto.instance.settings import load
from dakto.policy.caching.purge import ListingPurgePaths
from dakto.policy.caching.purge import apply_purge_settings
from tests.servers import REPO


PROXIES = "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies"
ENABLED = "plone.cachepurging.interfaces.ICachePurgingSettings.enabled"


def env(**values):
    return {"DAKTO_INSTANCE": str(REPO / "instance"), "DAKTO_LANG": "en", **values}


def test_purge_url_default_empty():
    assert load(env()).purge_url == ""


def test_purge_url_several_proxies():
    loaded = load(env(DAKTO_PURGE_URL=" http://127.0.0.1:6081, http://10.0.0.2:6081/ "))
    assert loaded.purge_url == "http://127.0.0.1:6081 http://10.0.0.2:6081/"


@pytest.mark.parametrize(
    "value", ["127.0.0.1:6081", "ftp://127.0.0.1", "http://127.0.0.1:6081/dakto", "http://"]
)
def test_purge_url_refused(value, monkeypatch):
    monkeypatch.setenv("DAKTO_LANG", "en")
    with pytest.raises(SettingsError, match="DAKTO_PURGE_URL=.* is not the address"):
        load(env(DAKTO_PURGE_URL=value))


def test_apply_purge_settings(portal):
    assert not apply_purge_settings(portal, "")
    assert not api.portal.get_registry_record(ENABLED)
    assert apply_purge_settings(portal, "http://127.0.0.1:6081 http://127.0.0.1:6082")
    assert api.portal.get_registry_record(PROXIES) == (
        "http://127.0.0.1:6081",
        "http://127.0.0.1:6082",
    )
    assert api.portal.get_registry_record(ENABLED)
    # an empty value keeps what the site has
    assert not apply_purge_settings(portal, "")
    assert api.portal.get_registry_record(PROXIES) == (
        "http://127.0.0.1:6081",
        "http://127.0.0.1:6082",
    )


def test_reimporting_the_registry_keeps_purging_on(portal):
    """An upgrade re-imports the profile's registry (upgrades/v1002.py): the
    proxies and purging that DAKTO_PURGE_URL or the control panel set stay."""
    apply_purge_settings(portal, "http://127.0.0.1:6081")
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        "profile-dakto.policy:default", "plone.app.registry", run_dependencies=False
    )
    assert api.portal.get_registry_record(ENABLED)
    assert api.portal.get_registry_record(PROXIES) == ("http://127.0.0.1:6081",)


def test_listing_paths_of_a_news_item(manager):
    portal = manager
    topic = next(iter(portal["tin-tuc"].objectValues()))
    item = api.content.create(container=topic, type="News Item", id="tin-1", title="Tin 1")
    paths = ListingPurgePaths(item).getRelativePaths()
    site = "/" + portal.virtual_url_path()
    section = f"{site}/tin-tuc"
    parent = "/" + topic.virtual_url_path()
    for expected in (site, site + "/", section, section + "/rss", parent + "/rss"):
        assert expected in paths, (expected, paths)
    # a section itself: the homepage (its own paths come from plone.app.caching)
    assert set(ListingPurgePaths(portal["tin-tuc"]).getRelativePaths()) == {
        site,
        site + "/",
        site + "/view",
        site + "/rss",
    }
