"""Test layers of the platform tests."""

from plone.app.testing import FunctionalTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing import zope

from dakto.policy.testing import DAKTO_POLICY_FIXTURE


class MergeLayer(PloneSandboxLayer):
    """The policy's layer plus plone.exportimport's ZCML, as a Zope server has
    it (Plone's z3c.autoinclude; DAKTO_POLICY_FIXTURE loads the add-ons' only)."""

    defaultBases = (DAKTO_POLICY_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.exportimport

        self.loadZCML(package=plone.exportimport)


MERGE_FIXTURE = MergeLayer()
MERGE_FUNCTIONAL = FunctionalTesting(
    bases=(MERGE_FIXTURE, zope.WSGI_SERVER_FIXTURE), name="MergeLayer:Functional"
)
