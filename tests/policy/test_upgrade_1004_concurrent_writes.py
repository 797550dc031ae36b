"""Upgrade 1003 → 1004, part concurrent writes (issue 13.4): a site as 1003
left it (CMFEditions' history ids counted by CMFUid's portal_uidgenerator)
gets the random history ids of concurrency/history_ids.py; a fresh install
has them through the profile (componentregistry.xml)."""

from Acquisition import aq_base
from plone import api
from Products.CMFUid.interfaces import IUniqueIdGenerator
from zope.component import getUtility

from dakto.policy.concurrency import history_ids


PROFILE = "dakto.policy:default"


def test_fresh_install_draws_random_history_ids(portal, manager):
    generator = getUtility(IUniqueIdGenerator)
    assert generator is history_ids.generator
    drawn = {generator() for _ in range(50)}
    assert len(drawn) == 50
    assert all(history_ids.LOWEST <= uid < history_ids.HIGHEST for uid in drawn)
    # and CMFEditions uses them: a new page's history id is one of them
    page = api.content.create(container=portal["gioi-thieu"], type="Document", id="trang")
    uid = api.portal.get_tool("portal_historyidhandler").queryUid(page)
    assert history_ids.LOWEST <= uid < history_ids.HIGHEST
    assert not history_ids.taken(portal, history_ids.LOWEST)
    assert history_ids.taken(portal, uid)


def test_upgrade_registers_the_generator(portal, manager):
    site_manager = portal.getSiteManager()
    counter = aq_base(portal._getOb("portal_uidgenerator"))  # the tool, as CMFEditions has it
    site_manager.registerUtility(counter, IUniqueIdGenerator)  # as 1003 left it
    assert getUtility(IUniqueIdGenerator) is not history_ids.generator
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1003")
    setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    assert getUtility(IUniqueIdGenerator) is history_ids.generator


def test_the_part_is_listed():
    from dakto.policy.upgrades import v1004

    assert "v1004_concurrent_writes" in v1004.PARTS
