"""Upgrade 1003 → 1004, part need_to_know (issue 13.3): a site as 1003 left
it (feedback readable by the whole board, no receivers' group or role, no
personal-data permission) gets the need-to-know rules; a fresh install has
the same through the profile."""

from AccessControl.Permission import Permission
from plone import api

from dakto.policy.feedback import names
from dakto.policy.personal_data.interfaces import VIEW_PERSONAL_DATA
from tests.feedback.helpers import make_feedback


PROFILE = "dakto.policy:default"
BOARD_ROLES = ("Editor", "Reviewer", "Publisher")


def roles_of(obj, permission):
    """The roles ``obj`` itself gives ``permission`` (the workflow sets them)."""
    return set(Permission(permission, (), obj).getRoles(default=[]))


def indexed_readers(obj):
    catalog = api.portal.get_tool("portal_catalog")
    brain = catalog.unrestrictedSearchResults(UID=obj.UID())[0]
    return set(catalog.getIndexDataForRID(brain.getRID())["allowedRolesAndUsers"])


def expected(portal, obj):
    """What a fresh install (the profile) gives."""
    assert api.group.get(groupname=names.RECEIVERS_GROUP).getRoles()[0] == names.RECEIVER_ROLE
    assert api.group.get(groupname=names.RECEIVERS_GROUP).getProperty("title") == (
        "Tiếp nhận phản ánh"
    )
    assert roles_of(portal, VIEW_PERSONAL_DATA) == {
        "Manager",
        "Site Administrator",
        names.RECEIVER_ROLE,
    }
    staff = {"Manager", "Site Administrator", names.RECEIVER_ROLE}
    assert roles_of(obj, "View") == staff | {"Reader"}
    assert roles_of(obj, VIEW_PERSONAL_DATA) == staff | {"Reader"}
    assert roles_of(obj, "Modify portal content") == staff
    assert roles_of(obj, "Review portal content") == staff
    allowed = indexed_readers(obj)
    assert not allowed & set(BOARD_ROLES), allowed
    assert names.RECEIVER_ROLE in allowed


def test_fresh_install_has_the_need_to_know_rules(portal, manager):
    expected(portal, make_feedback())


def test_upgrade_from_1003_gives_the_need_to_know_rules(portal, manager, setup_tool):
    obj = make_feedback()
    # back to 1003: the board reads every item, no receivers, no permission
    api.group.delete(groupname=names.RECEIVERS_GROUP)
    portal.manage_permission(VIEW_PERSONAL_DATA, ["Manager"], acquire=True)
    for permission in ("View", "Access contents information", "Modify portal content"):
        obj.manage_permission(
            permission, ["Manager", "Site Administrator", *BOARD_ROLES], acquire=False
        )
    obj.reindexObjectSecurity()
    assert "Reviewer" in indexed_readers(obj)
    setup_tool.setLastVersionForProfile(PROFILE, "1003")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    expected(portal, obj)
