"""plone.app.testing layers of the portal: the policy and theme installed."""

from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing import zope

from dakto.policy import PROFILE_ID


class DaktoPolicyLayer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import collective.easyform
        import plone.app.caching
        import plone.restapi

        import dakto.policy
        import dakto.theme

        for package in (
            plone.restapi,
            plone.app.caching,
            collective.easyform,
            dakto.theme,
            dakto.policy,
        ):
            self.loadZCML(package=package)

    def setUpPloneSite(self, portal):
        applyProfile(portal, PROFILE_ID)


DAKTO_POLICY_FIXTURE = DaktoPolicyLayer()

DAKTO_POLICY_INTEGRATION_TESTING = IntegrationTesting(
    bases=(DAKTO_POLICY_FIXTURE,),
    name="DaktoPolicyLayer:IntegrationTesting",
)

DAKTO_POLICY_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(DAKTO_POLICY_FIXTURE, zope.WSGI_SERVER_FIXTURE),
    name="DaktoPolicyLayer:FunctionalTesting",
)
