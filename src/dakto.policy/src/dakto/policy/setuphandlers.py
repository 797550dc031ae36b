"""Post handlers of the profiles and the add-on control panel's filters."""

import importlib
import logging

from plone import api
from Products.CMFPlone.interfaces import INonInstallable
from zope.interface import implementer

from dakto.policy.identity.settings import sync_site_title
from dakto.policy.structure.setup import create_structure
from dakto.policy.vietnamese import setup as vietnamese_setup


logger = logging.getLogger(__name__)


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["dakto.policy:uninstall"]

    def getNonInstallableProducts(self):
        return ["dakto.policy.upgrades"]


def post_install(context):
    """Post handler of the default profile."""
    portal = api.portal.get()
    create_structure(portal)
    sync_site_title(portal)
    vietnamese_setup.install(portal)
    install_features(portal)


# What each feature sets up in the site beyond the profile's XML (groups,
# folders, settings objects), in this order: each module's idempotent
# ``install(portal)``. Imported when run, so that this module stays light.
FEATURE_SETUPS = (
    "dakto.policy.personal_data.setup",
    "dakto.policy.feedback.setup",
    "dakto.policy.forms.setup",
    "dakto.policy.workflow.setup",  # the groups, before the editorial board's local roles
    "dakto.policy.editorial_board.setup",
    "dakto.policy.security.setup",
    "dakto.policy.caching.setup",
    "dakto.policy.editing.setup",
)


def install_features(portal):
    """Run every feature's setup; the install and every upgrade step from 1002 on call it."""
    for name in FEATURE_SETUPS:
        importlib.import_module(name).install(portal)


def post_uninstall(context):
    """Post handler of the uninstall profile.

    The sections and everything in them are the town's content: they stay.
    """
    vietnamese_setup.uninstall(api.portal.get())
    logger.info("dakto.policy uninstalled; site content kept.")
