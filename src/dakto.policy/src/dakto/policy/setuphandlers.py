"""Post handlers of the profiles and the add-on control panel's filters.

What each feature sets up beyond the profile's XML is registered by the
feature itself (a named ``interfaces.IFeatureSetup`` utility in its ZCML);
this module names none of them.
"""

import logging

from plone import api
from Products.CMFPlone.interfaces import INonInstallable
from zope.interface import implementer

from dakto.policy.interfaces import IFeatureSetup
from dakto.policy.registrations import ordered


logger = logging.getLogger(__name__)


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["dakto.policy:uninstall"]

    def getNonInstallableProducts(self):
        return ["dakto.policy.upgrades"]


def feature_setups():
    """``[(name, IFeatureSetup)]`` in the order they install."""
    return ordered(IFeatureSetup)


def install_features(portal):
    """Run every feature's (idempotent) install; the install and the upgrade
    step to 1002 call it."""
    for _name, setup in feature_setups():
        setup.install(portal)


def uninstall_features(portal):
    """Run every feature's uninstall, in the reverse order of the install."""
    for _name, setup in reversed(feature_setups()):
        setup.uninstall(portal)


def post_install(context):
    """Post handler of the default profile."""
    install_features(api.portal.get())


def post_uninstall(context):
    """Post handler of the uninstall profile.

    The sections and everything in them, the groups and their members are the
    town's content and data: they stay (see docs/uninstall.md).
    """
    uninstall_features(api.portal.get())
    logger.info("dakto.policy uninstalled; site content kept.")
