"""1006, the legal-document lookup's status filter at any size (issue 18.2).

The status filter read two date ranges of ``DateIndex`` es, whose cost grows
with the number of distinct dates a site holds (about 3,000 sets per page at
50,000 documents). It now reads the keys of each date's century, year,
month and day (KeywordIndexes ``legal_effective_keys`` and
``legal_expiry_keys``): this part adds them and indexes every existing legal
document in them. Safe to repeat.

Self-contained: the install code of today's features is not called.
"""

import logging

from plone import api


logger = logging.getLogger(__name__)

PORTAL_TYPE = "LegalDocument"
INDEXES = ("legal_effective_keys", "legal_expiry_keys")


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    for name in INDEXES:
        if name not in catalog.indexes():
            catalog.addIndex(name, "KeywordIndex")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=PORTAL_TYPE):
        obj = brain._unrestrictedGetObject()
        catalog.catalog_object(obj, brain.getPath(), idxs=list(INDEXES), update_metadata=False)
        count += 1
    logger.info("1006 legal status keys: %d legal documents indexed", count)
    return count
