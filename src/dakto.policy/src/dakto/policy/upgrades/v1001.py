"""1000 → 1001: the content types of Article 4, section constraints and views,
the Vietnamese search."""

import re
from pathlib import Path

from plone import api

from dakto.policy.structure.setup import create_structure
from dakto.policy.vietnamese import setup as vietnamese_setup


PROFILE = "profile-dakto.policy:default"
CATALOG_XML = Path(__file__).resolve().parent.parent / "profiles" / "default" / "catalog.xml"
STEPS = (
    "typeinfo",
    "catalog",
    "plone.app.registry",
    "workflow",
    "rolemap",
    "componentregistry",
    "controlpanel",
)


def profile_indexes():
    """The index names that the default profile's catalog.xml declares."""
    return re.findall(r'<index\s+name="([^"]+)"', CATALOG_XML.read_text(encoding="utf-8"))


def upgrade(context):
    setup = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    create_structure(api.portal.get(), update_existing=True)
    catalog = api.portal.get_tool("portal_catalog")
    # The catalog step adds empty indexes and metadata columns: fill them.
    catalog.manage_reindexIndex(
        ids=[name for name in profile_indexes() if name in catalog.indexes()]
    )
    for brain in catalog.unrestrictedSearchResults(portal_type=["News Item"]):
        brain._unrestrictedGetObject().reindexObject(idxs=["getId"])  # refreshes the metadata
    vietnamese_setup.install()
