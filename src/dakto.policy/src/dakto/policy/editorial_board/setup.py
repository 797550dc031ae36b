"""Install-time setup of the editorial board (idempotent; ``install_features``).

- the intake register ``/so-tiep-nhan`` (an ``IntakeRegister``, its own
  one-state workflow: nobody outside the board sees it or its entries),
  with the board's groups given their local roles on it;
- (the roles of the board's two permissions are in rolemap.xml, the link to
  the dashboard in the personal bar of board members, ``ACTION_ID``, in
  actions.xml;)
- the new catalog indexes filled for existing content.
"""

import logging

from plone import api
from Products.CMFPlone.utils import _createObjectByType

from dakto.policy.editorial_board.content import INTAKE_REGISTER
from dakto.policy.editorial_board.content import REGISTER_ID
from dakto.policy.registrations import FeatureSetup
from dakto.policy.workflow.names import ADMINISTRATORS_GROUP
from dakto.policy.workflow.names import PUBLISHERS_GROUP
from dakto.policy.workflow.names import REVIEWERS_GROUP
from dakto.policy.workflow.names import UPDATERS_GROUP


logger = logging.getLogger(__name__)

REGISTER_TITLE = "Sổ tiếp nhận tin, bài"
REGISTER_DESCRIPTION = (
    "Tin, bài gửi đến Ban Biên tập (bản giấy kèm bản mềm, Zalo, thư điện tử) "
    "và hạn phê duyệt (Điều 8.1 Quy chế)."
)

# Local roles of the board's groups on the register.
REGISTER_ROLES = {
    UPDATERS_GROUP: ("Contributor", "Reader"),
    REVIEWERS_GROUP: ("Reader", "Editor"),
    PUBLISHERS_GROUP: ("Reader",),
    ADMINISTRATORS_GROUP: ("Contributor", "Editor", "Reader"),
}

ACTION_ID = "editorial-dashboard"
INDEXES = ("editorial_published", "intake_channel", "intake_received", "intake_article")


def register_folder(portal=None):
    portal = portal or api.portal.get()
    folder = portal.get(REGISTER_ID) if REGISTER_ID in portal.objectIds() else None
    return folder if getattr(folder, "portal_type", None) == INTAKE_REGISTER else None


def create_register(portal):
    folder = register_folder(portal)
    if folder is None:
        if REGISTER_ID in portal.objectIds():
            logger.warning("/%s exists and is not the intake register: left alone.", REGISTER_ID)
            return None
        folder = _createObjectByType(
            INTAKE_REGISTER,
            portal,
            REGISTER_ID,
            title=REGISTER_TITLE,
            description=REGISTER_DESCRIPTION,
        )
        folder.exclude_from_nav = True
        folder.reindexObject()
    for group, roles in REGISTER_ROLES.items():
        current = set(folder.get_local_roles_for_userid(group))
        if not set(roles) <= current:
            folder.manage_setLocalRoles(group, sorted(current | set(roles)))
    folder.reindexObjectSecurity()
    return folder


def fill_indexes(portal):
    catalog = api.portal.get_tool("portal_catalog")
    empty = [
        name
        for name in INDEXES
        if name in catalog.indexes() and not len(catalog._catalog.getIndex(name))
    ]
    if empty:
        catalog.manage_reindexIndex(ids=empty)


def install(portal):
    create_register(portal)
    fill_indexes(portal)


# The register's local roles are the workflow's groups'.
registration = FeatureSetup(install, after=("structure", "workflow"))
