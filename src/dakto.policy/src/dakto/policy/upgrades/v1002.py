"""1001 → 1002: the editorial board (workflow, roles, groups, intake register),
citizens' participation, theme and production settings."""

from plone import api

from dakto.policy.setuphandlers import install_features
from dakto.policy.structure.setup import create_structure


PROFILE = "profile-dakto.policy:default"
STEPS = (
    "rolemap",
    "sharing",
    "typeinfo",
    "workflow",
    "catalog",
    "plone.app.registry",
    "controlpanel",
    "actions",
    "componentregistry",
)


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    portal = api.portal.get()
    create_structure(portal, update_existing=True)
    install_features(portal)
