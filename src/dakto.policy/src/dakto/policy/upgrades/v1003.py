"""1002 → 1003: Plone's footer text and colophon portlets removed (the
portal's own footer replaces them; the theme dropped them from every page);
purging is no longer set in the registry profile (caching/setup.py)."""

from plone import api

from dakto.policy.caching import setup as caching_setup


PROFILE = "profile-dakto.policy:default"


def upgrade(context):
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        PROFILE, "portlets", run_dependencies=False
    )
    caching_setup.install(api.portal.get())
