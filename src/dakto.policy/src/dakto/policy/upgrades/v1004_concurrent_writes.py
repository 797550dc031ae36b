"""1004, concurrent writes (issue 13.4): what parallel writes conflicted on.

CMFEditions' history ids come from ``dakto.policy.concurrency.history_ids``
(random) instead of CMFUid's ``portal_uidgenerator`` counter: the profile's
``componentregistry.xml`` registers it, as on a fresh install.
"""

from plone import api


PROFILE = "profile-dakto.policy:default"


def upgrade(context):
    api.portal.get_tool("portal_setup").runImportStepFromProfile(
        PROFILE, "componentregistry", run_dependencies=False
    )
