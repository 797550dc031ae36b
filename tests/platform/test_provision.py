"""Provisioning commune and ward sites in one Zope application (issue 15)."""

import pytest
import transaction
from zope.component.hooks import setSite
from zope.i18n import translate

from dakto.policy.platform import provision
from dakto.policy.platform.provision import ProvisionError
from dakto.policy.structure.sections import walk
from dakto.policy.workflow.names import WORKFLOW_ID
from dakto.policy.workflow.setup import GROUPS


NGOC_TU = dict(
    name="Ủy ban nhân dân xã Ngọc Tụ",
    kind="xa",
    province="Quảng Ngãi",
    domain="xangoctu.quangngai.gov.vn",
)
HAI_CHAU = dict(name="Hải Châu", kind="phuong", province="Đà Nẵng")


def assert_complete(site, body, town, kind, province, domain):
    registry = site.portal_registry
    assert registry["dakto.identity.body_name"] == body
    assert registry["dakto.identity.town"] == town
    assert registry["dakto.identity.kind"] == kind
    assert registry["dakto.identity.province"] == province
    assert registry["dakto.identity.domain"] == domain
    assert site.title == f"Trang thông tin điện tử {town}"
    assert registry["plone.site_title"] == site.title
    # The profile's defaults name the demo commune: nothing of it is left.
    assert "Đắk Tô" not in registry["dakto.identity.address"]
    assert "Đắk Tô" not in registry["dakto.identity.email"]
    for path, _section in walk():  # the Article-4 structure
        assert site.unrestrictedTraverse("/".join(path), None) is not None, path
    for group_id in GROUPS:
        assert site.portal_groups.getGroupById(group_id) is not None, group_id
    assert site.portal_workflow.getChainForPortalType("News Item") == (WORKFLOW_ID,)
    setSite(site)
    from plone import api

    assert api.content.get_state(site["tin-tuc"]) == "published"


def test_two_sites_in_one_app_each_complete_and_listed(functional):
    app = functional["app"]
    site, seconds = provision.add_site(app, "xa-ngoc-tu", **NGOC_TU)
    assert seconds > 0
    print(f"provisioning one site: {seconds:.1f} s")
    provision.add_site(app, "phuong-hai-chau", **HAI_CHAU)
    transaction.commit()
    assert_complete(
        app["xa-ngoc-tu"],
        "Ủy ban nhân dân xã Ngọc Tụ",
        "xã Ngọc Tụ",
        "xa",
        "Quảng Ngãi",
        "xangoctu.quangngai.gov.vn",
    )
    assert_complete(
        app["phuong-hai-chau"],
        "Ủy ban nhân dân phường Hải Châu",
        "phường Hải Châu",
        "phuong",
        "Đà Nẵng",
        "",
    )
    rows = {row["id"]: row for row in provision.list_sites(app)}
    assert set(rows) == {"plone", "xa-ngoc-tu", "phuong-hai-chau"}
    assert rows["xa-ngoc-tu"]["name"] == "Ủy ban nhân dân xã Ngọc Tụ"
    assert rows["xa-ngoc-tu"]["kind"] == "xa"
    assert rows["xa-ngoc-tu"]["province"] == "Quảng Ngãi"
    assert rows["xa-ngoc-tu"]["domain"] == "xangoctu.quangngai.gov.vn"
    assert rows["xa-ngoc-tu"]["items"] > 10
    assert rows["phuong-hai-chau"]["kind"] == "phuong"
    # Each site has its own users and groups.
    assert app["xa-ngoc-tu"].acl_users.aq_base is not app["phuong-hai-chau"].acl_users.aq_base


@pytest.mark.parametrize(
    "site_id, fields, expected",
    [
        ("Xa Ngoc", NGOC_TU, "is not a site id"),
        ("x", NGOC_TU, "is not a site id"),
        ("plone", NGOC_TU, "already taken"),
        ("acl_users", NGOC_TU, "is not a site id"),
        ("manage", NGOC_TU, "already taken"),
        ("xa-moi", dict(NGOC_TU, kind="thi-tran"), "Unknown kind"),
        ("xa-moi", dict(NGOC_TU, kind="huyen"), "Unknown kind"),
        ("xa-moi", dict(NGOC_TU, name="  "), "is empty"),
        ("xa-moi", dict(NGOC_TU, name="Ủy ban nhân dân"), "is empty"),
        ("xa-moi", dict(NGOC_TU, name="Ủy ban nhân dân phường Ngọc Tụ"), "not of the kind"),
        ("xa-moi", dict(NGOC_TU, province=""), "province is empty"),
        ("xa-moi", dict(NGOC_TU, domain="http://x.vn"), "not a domain name"),
        ("xa-moi", dict(NGOC_TU, domain="dakto.quangngai.gov.vn"), "already the site"),
    ],
)
def test_bad_input_is_refused_with_a_reason(functional, site_id, fields, expected):
    app = functional["app"]
    before = app.objectIds()
    with pytest.raises(ProvisionError) as refused:
        provision.add_site(app, site_id, **fields)
    assert expected in translate(refused.value.message, target_language="en")
    assert translate(refused.value.message, target_language="vi") != translate(
        refused.value.message, target_language="en"
    )
    assert app.objectIds() == before


def test_remove_site_backs_up_first(functional, tmp_path):
    app = functional["app"]
    provision.add_site(app, "xa-ngoc-tu", **NGOC_TU)
    transaction.commit()
    backup = provision.remove_site(app, "xa-ngoc-tu", tmp_path / "backups")
    transaction.commit()
    assert "xa-ngoc-tu" not in app.objectIds()
    assert "plone" in app.objectIds()
    assert backup.is_file() and backup.stat().st_size > 100_000
    assert backup.parent == tmp_path / "backups"
    assert backup.name.startswith("xa-ngoc-tu")
    with pytest.raises(ProvisionError) as refused:
        provision.remove_site(app, "xa-ngoc-tu", tmp_path / "backups")
    assert "There is no site" in translate(refused.value.message, target_language="en")


def test_a_removed_sites_page_views_go_with_it(functional, tmp_path):
    from dakto.policy.usage.store import VIEWS

    app = functional["app"]
    provision.add_site(app, "xa-ngoc-tu", **NGOC_TU)
    transaction.commit()
    VIEWS.add("/xa-ngoc-tu", "some-item", "2026-07-01")
    VIEWS.add("/plone", "some-item", "2026-07-01")
    kept = VIEWS.total("/plone", "some-item")
    provision.remove_site(app, "xa-ngoc-tu", tmp_path / "backups")
    assert VIEWS.total("/xa-ngoc-tu", "some-item") == 1  # not before the commit
    transaction.commit()
    assert VIEWS.total("/xa-ngoc-tu", "some-item") == 0
    assert VIEWS.total("/plone", "some-item") == kept  # the other site's stay


def test_remove_without_backup_folder_keeps_the_site(functional):
    app = functional["app"]
    with pytest.raises(ProvisionError):
        provision.remove_site(app, "plone", None)
    assert "plone" in app.objectIds()


def test_demo_content_in_the_new_sites_own_names(functional):
    app = functional["app"]
    site, seconds = provision.add_site(app, "phuong-hai-chau", demo=True, **HAI_CHAU)
    print(f"provisioning one site with demo content: {seconds:.1f} s")
    transaction.commit()
    catalog = site.portal_catalog
    assert len(catalog.unrestrictedSearchResults(portal_type="News Item")) > 0
    assert len(catalog.unrestrictedSearchResults(portal_type="LegalDocument")) > 0
    # The demo did not bring the demo commune's identity back.
    assert site.portal_registry["dakto.identity.body_name"] == "Ủy ban nhân dân phường Hải Châu"
    assert site.title == "Trang thông tin điện tử phường Hải Châu"
    bare = provision.list_sites(app)
    assert {row["id"]: row["items"] for row in bare}["phuong-hai-chau"] > {
        row["id"]: row["items"] for row in bare
    }["plone"]
