"""1005, the province's index (issue 15): a site's published news and legal
documents entered into the province index at the Zope root.

Before 1005 no index existed: the province page (``@@province``) would list
none of an existing site's items until each was edited again. This part
enters the upgraded site's published news items and legal documents (read
from its catalog); sites upgraded one after the other fill the index in
turn. Safe to repeat: the site's entries are rebuilt, never doubled.
"""

import logging

from plone import api

from dakto.policy.platform.province import reindex_site


logger = logging.getLogger(__name__)


def upgrade(context):
    site = api.portal.get()
    count = reindex_site(site.getPhysicalRoot(), site)
    logger.info("province index: %s entries of %s", count, site.getId())
