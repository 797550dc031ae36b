"""Upgrade part v1006_demo_caching: a demo site left on weak caching by the
demo profile gets caching.xml's moderate caching back; other choices kept."""

from plone import api


MAPPING = "plone.caching.interfaces.ICacheSettings.operationMapping"


def test_weak_caching_left_by_the_demo_is_moderate_again(portal, manager, setup_tool):
    from dakto.policy.upgrades import v1006_demo_caching

    mapping = dict(api.portal.get_registry_record(MAPPING))
    mapping["plone.content.itemView"] = "plone.app.caching.weakCaching"  # as the demo left it
    mapping["plone.content.folderView"] = "plone.app.caching.weakCaching"
    mapping["plone.content.file"] = "plone.app.caching.weakCaching"  # not ours to change
    api.portal.set_registry_record(MAPPING, mapping)

    v1006_demo_caching.upgrade(setup_tool)
    v1006_demo_caching.upgrade(setup_tool)  # twice: the same

    after = api.portal.get_registry_record(MAPPING)
    assert after["plone.content.itemView"] == "plone.app.caching.moderateCaching"
    assert after["plone.content.folderView"] == "plone.app.caching.moderateCaching"
    assert after["plone.content.file"] == "plone.app.caching.weakCaching"


def test_another_operation_an_administrator_chose_is_kept(portal, manager, setup_tool):
    from dakto.policy.upgrades import v1006_demo_caching

    mapping = dict(api.portal.get_registry_record(MAPPING))
    mapping["plone.content.itemView"] = "plone.app.caching.noCaching"
    api.portal.set_registry_record(MAPPING, mapping)

    v1006_demo_caching.upgrade(setup_tool)

    after = api.portal.get_registry_record(MAPPING)
    assert after["plone.content.itemView"] == "plone.app.caching.noCaching"
