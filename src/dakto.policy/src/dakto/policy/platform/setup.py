"""Install step of the province platform: the province index at the Zope root.

The index is made when a site is installed (one transaction, before any
request of the site writes to it), not on the first change of an item:
two sites' first changes in concurrent requests would otherwise both write
the Zope root and one of them would fail with a ConflictError.
"""

from dakto.policy.platform.province import get_index
from dakto.policy.registrations import FeatureSetup


def install(portal):
    get_index(portal.getPhysicalRoot())


def uninstall(portal):
    """This site's entries leave the index; the other sites' stay."""
    index = get_index(portal.getPhysicalRoot(), create=False)
    if index is not None:
        index.drop_site(portal.getId())


registration = FeatureSetup(install, uninstall)
