"""Install and uninstall the Vietnamese search folding."""

from plone import api

from dakto.policy.registrations import FeatureSetup
from dakto.policy.vietnamese.lexicon import install_vietnamese_folding
from dakto.policy.vietnamese.lexicon import uninstall_vietnamese_folding


def install(portal=None):
    return install_vietnamese_folding(api.portal.get_tool("portal_catalog"))


def uninstall(portal=None):
    return uninstall_vietnamese_folding(api.portal.get_tool("portal_catalog"))


registration = FeatureSetup(install, uninstall)
