"""Upgrade 1004 → 1005, part accessibility (issue 17.7): an existing site gets
the accessibility statement page, in its own names; one it has is kept."""

from plone import api

from dakto.policy.upgrades import v1005_accessibility


ID = v1005_accessibility.STATEMENT_ID


def test_upgrade_creates_the_statement_of_an_existing_site(portal, manager):
    api.content.delete(portal[ID])  # a 1004 site had none
    api.portal.set_registry_record("dakto.identity.body_name", "Ủy ban nhân dân xã Ngọc Tụ")
    v1005_accessibility.upgrade(None)
    page = portal[ID]
    assert api.content.get_state(page) == "published"
    assert page.exclude_from_nav
    assert "Ủy ban nhân dân xã Ngọc Tụ cam kết" in page.text.raw
    assert "WCAG 2.1 mức AA" in page.text.raw
    assert f"resolveuid/{portal['phan-anh-kien-nghi'].UID()}" in page.text.raw


def test_upgrade_keeps_a_statement_the_site_has(portal, manager):
    portal[ID].title = "Tuyên bố đã sửa"
    v1005_accessibility.upgrade(None)
    assert portal[ID].title == "Tuyên bố đã sửa"
