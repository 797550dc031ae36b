"""1005, the compliance self-check (issue 17.8): an existing site gets the
"Compliance self-check" entry of Site Setup (``@@compliance``), as the
profile's controlpanel.xml gives a new site. Self-contained: the configlet as
of profile 1005; one the site has is kept."""

import logging

from plone import api


logger = logging.getLogger(__name__)

ACTION_ID = "dakto-compliance"


def upgrade(context):
    tool = api.portal.get_tool("portal_controlpanel")
    if any(action.getId() == ACTION_ID for action in tool.listActions()):
        return
    tool.registerConfiglet(
        id=ACTION_ID,
        name="Compliance self-check",
        action="string:${portal_url}/@@compliance",
        condition="",
        permission="Manage portal",
        category="plone-general",
        visible=True,
        appId="dakto.policy",
        icon_expr="string:clipboard-check",
    )
    logger.info("1005: Site Setup entry for the compliance self-check")
