"""Upgrade 1004 → 1005, part compliance (issue 17.8): an existing site gets the
Site Setup entry of the compliance self-check; a new site has it from the profile."""

from plone import api

from dakto.policy.upgrades import v1005_compliance


def configlet():
    tool = api.portal.get_tool("portal_controlpanel")
    found = [a for a in tool.listActions() if a.getId() == v1005_compliance.ACTION_ID]
    return found[0] if found else None


def test_a_new_site_has_the_entry(portal):
    action = configlet()
    assert action is not None
    assert action.getActionExpression().endswith("/@@compliance")
    assert action.permissions == ("Manage portal",)


def test_upgrade_adds_the_entry_to_an_existing_site(portal, manager):
    api.portal.get_tool("portal_controlpanel").unregisterConfiglet(v1005_compliance.ACTION_ID)
    assert configlet() is None  # a 1004 site had none
    v1005_compliance.upgrade(None)
    action = configlet()
    assert action.title == "Compliance self-check"
    assert action.getActionExpression() == "string:${portal_url}/@@compliance"
    assert action.permissions == ("Manage portal",)
    v1005_compliance.upgrade(None)  # run twice: still one
    tool = api.portal.get_tool("portal_controlpanel")
    assert [a.getId() for a in tool.listActions()].count(v1005_compliance.ACTION_ID) == 1
