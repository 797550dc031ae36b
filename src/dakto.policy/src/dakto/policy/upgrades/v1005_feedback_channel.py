"""1005, feedback received in every way (issue 17.2): each Feedback item has
the channel it came through. Items stored before 1005 all came through the
public form or ``POST @feedback``: they get channel "web" (an item that
already has a channel keeps it). Their receipt stays their creation day
(no ``received_on``).

Self-contained: the install code of today's features is not called.
"""

import logging

from plone import api


logger = logging.getLogger(__name__)

PORTAL_TYPE = "Feedback"
WEB = "web"


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    changed = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=PORTAL_TYPE):
        obj = brain._unrestrictedGetObject()
        if not getattr(obj, "channel", None):
            obj.channel = WEB
            changed += 1
    logger.info("Feedback channel: %s item(s) set to %r", changed, WEB)
    return changed
