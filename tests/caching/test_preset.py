"""The caching settings are plone.app.caching's ``with-caching-proxy`` preset
plus the differences in registry/caching.xml (issue 14.5): every caching
record of an installed site is what the portal had when caching.xml still
restated the whole preset (``caching_records.json``, dumped from a site
installed with that profile)."""

import json
import pathlib

from plone import api


SNAPSHOT = pathlib.Path(__file__).with_name("caching_records.json")
PREFIXES = ("plone.caching.", "plone.app.caching.", "plone.cachepurging.")


def plain(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in sorted(value.items())}
    return value


def caching_records(registry):
    return {
        name: {
            "field": type(registry.records[name].field).__name__,
            "value": plain(registry.records[name].value),
        }
        for name in sorted(registry.records.keys())
        if name.startswith(PREFIXES)
    }


# What changed on purpose since the snapshot: purges name the site's own
# domain (its identity's), so that a purge of one commune's site never evicts
# another's pages (issue 15, platform/hosts.py).
SINCE_SNAPSHOT = {
    "plone.cachepurging.interfaces.ICachePurgingSettings.domains": {
        "field": "Tuple",
        "value": ["https://dakto.quangngai.gov.vn:443"],
    },
}


def with_the_urgent_notice(snapshot):
    """Item and folder pages carry the urgent notice in their ETag (issue
    17.7, homepage/setup.py): the component ``urgentNotice`` after the
    snapshot's."""
    changed = {}
    for rule in ("itemView", "folderView"):
        name = f"plone.app.caching.moderateCaching.plone.content.{rule}.etags"
        changed[name] = snapshot[name] | {"value": [*snapshot[name]["value"], "urgentNotice"]}
    return changed


def test_caching_records_as_before(portal):
    registry = api.portal.get_tool("portal_registry")
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    expected = snapshot | SINCE_SNAPSHOT | with_the_urgent_notice(snapshot)
    actual = json.loads(json.dumps(caching_records(registry)))
    assert sorted(set(actual) - set(expected)) == []  # no record added
    assert sorted(set(expected) - set(actual)) == []  # none lost
    assert {k: v for k, v in actual.items() if v != expected[k]} == {}


def test_the_preset_is_a_dependency_of_the_profile(portal):
    """The install imports the preset before the portal's registry files."""
    setup_tool = api.portal.get_tool("portal_setup")
    dependencies = setup_tool.getDependenciesForProfile("dakto.policy:default")
    assert "profile-plone.app.caching:with-caching-proxy" in dependencies
    assert dependencies.index("profile-plone.app.caching:default") < dependencies.index(
        "profile-plone.app.caching:with-caching-proxy"
    )


def test_the_demo_content_leaves_the_caching_settings(portal, manager):
    """Applying the demo profile (``dakto start``, ``dakto add-site --demo``)
    re-applied plone.app.caching's preset, a dependency of the policy's
    profile: item and folder pages fell back to weak caching."""
    registry = api.portal.get_tool("portal_registry")
    before = caching_records(registry)
    portal.portal_setup.runAllImportStepsFromProfile("profile-dakto.policy:demo")
    after = caching_records(registry)
    mapping = after["plone.caching.interfaces.ICacheSettings.operationMapping"]["value"]
    assert mapping["plone.content.itemView"] == "plone.app.caching.moderateCaching"
    assert mapping["plone.content.folderView"] == "plone.app.caching.moderateCaching"
    assert after == before
