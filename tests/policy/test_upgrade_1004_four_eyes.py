"""Upgrade 1003 → 1004, part four_eyes (issue 21.6): a site as 1003 left it
(only News Item, Document and Event versioned and comparable, publishers
without the versioning history, no publish guard) gets the four-eyes rules;
a fresh install has the same through the profile."""

from plone import api
from zope.annotation.interfaces import IAnnotations

from dakto.policy.workflow import four_eyes
from dakto.policy.workflow.names import EDITORIAL_TYPES
from dakto.policy.workflow.names import WORKFLOW_ID


PROFILE = "dakto.policy:default"
PLONE_VERSIONED = ("News Item", "Document", "Event")
ACCESS = "CMFEditions: Access previous versions"
GUARD = "object/@@four-eyes/may_publish"


def roles_of(portal, permission):
    return {r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]}


def publish_guard():
    workflow = api.portal.get_tool("portal_workflow")[WORKFLOW_ID]
    expression = workflow.transitions["publish"].getGuard().expr
    return expression.text if expression is not None else ""


def expected(portal):
    repository = api.portal.get_tool("portal_repository")
    diff = api.portal.get_tool("portal_diff")
    for portal_type in EDITORIAL_TYPES:
        assert portal_type in repository.getVersionableContentTypes(), portal_type
        assert set(repository.getPolicyMap()[portal_type]) == {
            "at_edit_autoversion",
            "version_on_revert",
        }
        assert diff.getDiffForPortalType(portal_type), portal_type
    assert {"Publisher", "HeadOfBoard", "Reviewer", "Editor", "Owner"} <= roles_of(portal, ACCESS)
    assert publish_guard() == GUARD


def test_fresh_install_has_the_four_eyes_rules(portal, manager):
    expected(portal)


def test_upgrade_from_1003_gives_the_four_eyes_rules(portal, manager, setup_tool):
    # an item submitted under 1003: no record, no version
    document = api.content.create(
        container=portal.unrestrictedTraverse("van-ban"),
        type="LegalDocument",
        id="nang-cap-cho-duyet",
        title="Văn bản chờ duyệt",
    )
    api.content.transition(obj=document, transition="submit")
    del IAnnotations(document)[four_eyes.KEY]
    assert four_eyes.submission(document) is None
    # back to 1003: Plone's versioned types only, Plone's roles, no guard
    repository = api.portal.get_tool("portal_repository")
    diff = api.portal.get_tool("portal_diff")
    others = [t for t in EDITORIAL_TYPES if t not in PLONE_VERSIONED]
    for portal_type in others:
        for policy in list(repository.getPolicyMap().get(portal_type, [])):
            repository.removePolicyFromContentType(portal_type, policy)
    repository.setVersionableContentTypes(
        [t for t in repository.getVersionableContentTypes() if t not in others]
    )
    for portal_type in others:
        diff._pt_diffs.pop(portal_type, None)
    diff._p_changed = True
    portal.manage_permission(
        ACCESS,
        ["Manager", "Site Administrator", "Owner", "Editor", "Reviewer", "Contributor"],
        acquire=True,
    )
    api.portal.get_tool("portal_workflow")[WORKFLOW_ID].transitions[
        "publish"
    ].getGuard().expr = None
    assert "LegalDocument" not in repository.getVersionableContentTypes()
    assert not diff.getDiffForPortalType("LegalDocument")
    assert "Publisher" not in roles_of(portal, ACCESS)
    assert publish_guard() == ""
    setup_tool.setLastVersionForProfile(PROFILE, "1003")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    expected(portal)
    # the waiting item: its text now recorded as the submitted version
    record = four_eyes.submission(document)
    assert record["version_id"] is not None
    assert record["submitter"] == api.user.get_current().getId()
    assert four_eyes.changed_since_submission(document) is None
