"""1005, profile XML (issue 14.3): what the install did in Python and
GenericSetup can express is in the profile now,

- actions.xml: the editorial dashboard in the personal bar (was
  ``editorial_board.setup.add_user_action``);
- rolemap.xml: ``View management screens`` for Managers only, not acquired
  (was ``security.setup.install``).

A site installed before has both already; a site upgraded through the older
steps, which ran the install's feature setups of their day, gets them here.
Self-contained: the profile's two steps, no install code of today.
"""

from plone import api


PROFILE = "profile-dakto.policy:default"
STEPS = ("rolemap", "actions")


def upgrade(context):
    setup_tool = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
