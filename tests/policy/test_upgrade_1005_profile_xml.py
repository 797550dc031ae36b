"""Upgrade 1004 → 1005, part profile_xml (issue 14.3): the user action and the
ZMI permission come from actions.xml and rolemap.xml; a site without them
(as the older upgrade steps leave one now that the install's Python no longer
sets them) gets them from the upgrade, the same as a fresh install."""

import ast
import pathlib

from plone import api

from dakto.policy.permissions import VIEW_EDITORIAL_DASHBOARD


PROFILE = "dakto.policy:default"
ACTION = "editorial-dashboard"
ZMI = "View management screens"


def action_state(portal):
    category = api.portal.get_tool("portal_actions").user
    action = category[ACTION]
    ids = list(category.objectIds())
    return {
        "after": ids[ids.index(ACTION) - 1],
        "title": action.title,
        "i18n_domain": action.i18n_domain,
        "url_expr": action.url_expr,
        "available_expr": action.available_expr,
        "permissions": tuple(action.permissions),
        "visible": action.visible,
    }


EXPECTED_ACTION = {
    "after": "dashboard",
    "title": "Editorial dashboard",
    "i18n_domain": "dakto.policy",
    "url_expr": "string:${globals_view/navigationRootUrl}/@@editorial-dashboard",
    "available_expr": "python:member is not None",
    "permissions": (VIEW_EDITORIAL_DASHBOARD,),
    "visible": True,
}


def zmi_state(portal):
    setting = [p for p in portal.permission_settings() if p["name"] == ZMI][0]
    granted = sorted(
        entry["name"] for entry in portal.rolesOfPermission(ZMI) if entry["selected"] == "SELECTED"
    )
    return granted, bool(setting["acquire"])


def test_fresh_install(portal, manager):
    assert action_state(portal) == EXPECTED_ACTION
    assert zmi_state(portal) == (["Manager"], False)


def test_upgrade_adds_them(portal, manager):
    category = api.portal.get_tool("portal_actions").user
    category.manage_delObjects([ACTION])
    portal.manage_permission(ZMI, ["Manager", "Owner"], acquire=True)  # Plone's
    setup_tool = api.portal.get_tool("portal_setup")
    setup_tool.setLastVersionForProfile(PROFILE, "1004")
    setup_tool.upgradeProfile(PROFILE)
    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    assert action_state(portal) == EXPECTED_ACTION
    assert zmi_state(portal) == (["Manager"], False)


def test_the_part_is_listed():
    from dakto.policy.upgrades import v1005

    assert "v1005_profile_xml" in v1005.parts()


def test_no_install_does_what_the_profile_can():
    """Actions, permission settings and registry values of the install are
    profile XML: no feature's ``install`` (or a function of its module it
    calls) sets them in Python."""
    import dakto.policy

    package = pathlib.Path(dakto.policy.__file__).parent
    found = []
    for path in [*package.rglob("setup.py"), package / "setuphandlers.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef) or "uninstall" in node.name:
                continue
            text = ast.unparse(node)
            for needle in ("manage_permission(", "portal_actions", "set_registry_record("):
                if needle in text:
                    found.append(f"{path.relative_to(package)} {node.name}: {needle}")
    assert found == []
