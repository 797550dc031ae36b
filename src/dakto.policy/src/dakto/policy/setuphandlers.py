from Products.CMFPlone.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["dakto.policy:uninstall"]

    def getNonInstallableProducts(self):
        return ["dakto.policy.upgrades"]
