"""1004, search details (issue 19.5): legal-document numbers folded.

The ``legal_number`` index now also holds each number folded (lower case,
Đ as D: ``33/qd-ubnd``), so that ``33/QD-UBND`` as typed on a phone finds
``33/QĐ-UBND``; the documents indexed before get those keys here.

Self-contained: the install code of today's features is not called.
"""

import logging

from plone import api


logger = logging.getLogger(__name__)

PORTAL_TYPE = "LegalDocument"
INDEX = "legal_number"


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    if INDEX not in catalog.indexes():
        return
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=PORTAL_TYPE):
        obj = brain._unrestrictedGetObject()
        catalog.reindexObject(obj, idxs=[INDEX], update_metadata=False)
        count += 1
    logger.info("1004 search: %d legal documents' numbers indexed folded", count)
