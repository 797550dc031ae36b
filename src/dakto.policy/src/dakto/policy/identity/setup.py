"""Install step of the site identity: Plone's site title from its settings."""

from dakto.policy.identity.settings import sync_site_title
from dakto.policy.registrations import FeatureSetup


registration = FeatureSetup(sync_site_title)
