"""Every profile version is reachable by upgrade steps."""

from Products.GenericSetup.upgrade import _upgrade_registry


PROFILE = "dakto.policy:default"


def test_upgrade_steps_reach_profile_version(setup_tool):
    version = setup_tool.getVersionForProfile(PROFILE)
    steps = _upgrade_registry.getUpgradeStepsForProfile(PROFILE) or {}
    destinations = {tuple(step.dest) for step in steps.values() if hasattr(step, "dest")}
    if version == "1000":
        # The first release has no upgrade step; each later version needs one.
        assert destinations == set()
    else:
        assert (version,) in destinations, f"no upgrade step reaches profile version {version}"


def test_upgrade_from_1000_brings_a_site_up_to_date(portal, manager, setup_tool):
    from plone import api

    from dakto.policy.vietnamese.lexicon import uninstall_vietnamese_folding
    from dakto.policy.vietnamese.lexicon import uses_vietnamese_folding

    # A site as the first release left it: no public-information section,
    # Plone's own lexicon, no section constraints.
    api.content.delete(portal["thong-tin-cong-khai"], check_linkintegrity=False)
    catalog = api.portal.get_tool("portal_catalog")
    news = api.content.create(
        container=portal["tin-tuc"]["kinh-te"], type="News Item", id="cu", title="Tin cũ"
    )
    catalog._catalog.getIndex("is_reference_news").clear()  # an index that 1000 did not have
    uninstall_vietnamese_folding(catalog)
    setup_tool.setLastVersionForProfile(PROFILE, "1000")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    assert portal["thong-tin-cong-khai"]["tiep-can-thong-tin"].portal_type == "Folder"
    assert uses_vietnamese_folding(catalog)
    assert portal["tin-tuc"].getLayout() == "news-listing"
    assert [b.getObject() for b in catalog(is_reference_news=False, portal_type="News Item")] == [
        news
    ]


def test_upgrade_from_1002_removes_plones_footer_portlets(portal, manager, setup_tool):
    from plone.app.portlets.portlets import classic
    from plone.portlets.interfaces import IPortletAssignmentMapping
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter
    from zope.component import getUtility

    manager_ = getUtility(IPortletManager, name="plone.footerportlets", context=portal)
    mapping = getMultiAdapter((portal, manager_), IPortletAssignmentMapping)
    assert sorted(mapping) == ["actions"]  # a new site has only the site actions
    # the footer as a 1002 site has it
    mapping["footer"] = classic.Assignment(template="@@footer", macro="")
    mapping["colophon"] = classic.Assignment(template="colophon", macro="")
    setup_tool.setLastVersionForProfile(PROFILE, "1002")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    assert sorted(mapping) == ["actions"]
