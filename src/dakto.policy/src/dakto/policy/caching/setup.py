"""Install step of the caching feature (``setuphandlers.FEATURE_SETUPS``)."""

from plone import api

from dakto.policy.caching.purge import PROXIES_RECORD
from dakto.policy.caching.purge import PURGING_RECORD
from dakto.policy.registrations import FeatureSetup


def install(portal):
    """Purging off while no proxy address is set (plone.cachepurging turns it
    on when installed). Not in the profile's registry.xml: re-importing it in
    an upgrade would turn off what DAKTO_PURGE_URL or the control panel set."""
    registry = api.portal.get_tool("portal_registry")
    if not registry.get(PROXIES_RECORD):
        registry[PURGING_RECORD] = False


registration = FeatureSetup(install)
