"""Upgrade 1003 → 1004, part integrity (issues 13.2, 21.2): a site as 1003
left it (File and Image without a workflow, following their folder) gets the
file workflow; existing files keep the visibility they had, new uploads start
private. A fresh install has the same through the profile."""

from plone import api
from plone.namedfile.file import NamedBlobFile

from dakto.policy.workflow.names import FILE_TYPES
from dakto.policy.workflow.names import FILE_WORKFLOW_ID
from dakto.policy.workflow.names import PRIVATE
from dakto.policy.workflow.names import PUBLISHED


PROFILE = "dakto.policy:default"


def make_file(container, id):
    return api.content.create(
        container=container,
        type="File",
        id=id,
        title=id,
        file=NamedBlobFile(data=b"%PDF-1.4 x", contentType="application/pdf", filename=f"{id}.pdf"),
    )


def anonymous_sees(obj):
    with api.env.adopt_roles(["Anonymous"]):
        return api.user.has_permission("View", obj=obj)


def test_fresh_install_binds_the_file_workflow(portal, manager):
    tool = api.portal.get_tool("portal_workflow")
    for portal_type in FILE_TYPES:
        assert tool.getChainForPortalType(portal_type) == (FILE_WORKFLOW_ID,)
    assert api.content.get_state(make_file(portal["gioi-thieu"], "moi")) == PRIVATE


def test_upgrade_keeps_existing_files_as_visible_as_they_were(portal, manager, setup_tool):
    tool = api.portal.get_tool("portal_workflow")
    # A 1003 site: no file workflow, files follow their folder.
    tool.setChainForPortalTypes(FILE_TYPES, ())
    tool.manage_delObjects([FILE_WORKFLOW_ID])
    public = make_file(portal["gioi-thieu"], "cong-khai")
    hidden_folder = api.content.create(
        container=portal["gioi-thieu"], type="Folder", id="noi-bo", title="Nội bộ"
    )
    hidden = make_file(hidden_folder, "noi-bo-tep")
    assert anonymous_sees(public) and not anonymous_sees(hidden)
    assert api.content.get_state(public, default=None) is None
    setup_tool.setLastVersionForProfile(PROFILE, "1003")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    for portal_type in FILE_TYPES:
        assert tool.getChainForPortalType(portal_type) == (FILE_WORKFLOW_ID,)
    assert api.content.get_state(public) == PUBLISHED and anonymous_sees(public)
    assert api.content.get_state(hidden) == PUBLISHED and not anonymous_sees(hidden)
    catalog = api.portal.get_tool("portal_catalog")
    assert {b.getId for b in catalog(portal_type="File", review_state=PUBLISHED)} >= {
        "cong-khai",
        "noi-bo-tep",
    }
    # What is uploaded from now on waits for a publisher.
    new = make_file(portal["gioi-thieu"], "sau-nang-cap")
    assert api.content.get_state(new) == PRIVATE and not anonymous_sees(new)
