"""Post handlers of the profiles and the add-on control panel's filters."""

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


def install_features(portal):
    """What each feature sets up in the site beyond the profile's XML (groups,
    folders, settings objects). Idempotent: the install and every upgrade step
    from 1002 on run it. One line per feature."""
    __import__("dakto.policy.personal_data.setup", fromlist=["install"]).install(portal)
    __import__("dakto.policy.feedback.setup", fromlist=["install"]).install(portal)
    __import__("dakto.policy.forms.setup", fromlist=["install"]).install(portal)
    __import__("dakto.policy.workflow.setup", fromlist=["install"]).install(portal)
    __import__("dakto.policy.editorial_board.setup", fromlist=["install"]).install(portal)
    __import__("dakto.policy.security.setup", fromlist=["install"]).install(portal)


def post_uninstall(context):
    """Post handler of the uninstall profile.

    The sections and everything in them are the town's content: they stay.
    """
    vietnamese_setup.uninstall(api.portal.get())
    logger.info("dakto.policy uninstalled; site content kept.")
