"""1004, four eyes (issue 21.6): whoever approves or publishes sees what
changed since submission, and nobody publishes a text they changed.

- repositorytool: every editorial type is versioned (Plone versioned only
  News Item, Document and Event of them), so that the text as submitted is
  kept;
- difftool: Plone's compare view for each of them;
- rolemap: publishers (and the board's head) may read the versioning history
  (``CMFEditions: Access previous versions``);
- workflow: the ``publish`` guard ``object/@@four-eyes/may_publish``.

Items already waiting for approval or publication have no submitted version:
they show who changed them from now on, and the difference from their next
submission.

Self-contained: the install code of today's features is not called.
"""

import logging

from plone import api


logger = logging.getLogger(__name__)

PROFILE = "profile-dakto.policy:default"
STEPS = ("repositorytool", "difftool", "rolemap", "workflow")


def upgrade(context):
    setup_tool = api.portal.get_tool("portal_setup")
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    logger.info("Four eyes: editorial types versioned, compare view, publish guard.")
