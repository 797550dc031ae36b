"""The province index is made when a site is installed, not by the first
change of an item (concurrent first changes would both write the Zope root)."""

from dakto.policy.platform import province
from dakto.policy.platform import setup


def test_the_installed_site_finds_the_index_at_the_zope_root(portal):
    assert province.get_index(portal.getPhysicalRoot(), create=False) is not None


def test_the_install_step_makes_a_missing_index(portal):
    app = portal.getPhysicalRoot()
    delattr(app, province.ATTRIBUTE)
    assert province.get_index(app, create=False) is None

    setup.install(portal)

    assert province.get_index(app, create=False) is not None


def test_uninstall_drops_this_sites_entries_only(portal):
    index = province.get_index(portal.getPhysicalRoot())
    for site in (portal.getId(), "xa-khac"):
        index.put(
            {
                "key": f"{site}/uid-1",
                "kind": province.NEWS,
                "site": site,
                "site_title": site,
                "date": "2026-12-01",
                "title": "Tin",
                "url": f"/{site}/tin",
                "number_keys": (),
            }
        )

    setup.uninstall(portal)

    assert sorted({entry["site"] for entry in index.entries.values()}) == ["xa-khac"]
