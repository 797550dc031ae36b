"""1005, the 2025 administrative levels (issue 15): no district level.

Since 1 July 2025 local government has two levels, province and commune; the
national procedure database lists procedures by Cấp trung ương (ministries),
Cấp tỉnh and Cấp xã. The vocabulary ``dakto.policy.procedure_levels`` lost
``huyen`` (Cấp huyện); a procedure that still has it gets ``xa`` instead:
the 2025 decrees on dividing powers between the two levels (NĐ 120/2025 and
the sector decrees of June 2025) gave the district's tasks to the commune as
the rule and to the province as the exception, and a procedure listed on a
commune's portal is one the commune receives. An editor adds Cấp tỉnh where
the province decides. Each procedure's level is kept in order, without a
repeated ``xa``, and re-indexed.

Self-contained: the install code of today's features is not called.
"""

import logging

from plone import api


logger = logging.getLogger(__name__)

PORTAL_TYPE = "Procedure"
FIELD = "procedure_level"
MAPPING = {"huyen": "xa"}


def migrated(levels):
    """The levels with the abolished ones mapped, in order, each once."""
    result = []
    for level in levels or ():
        level = MAPPING.get(level, level)
        if level not in result:
            result.append(level)
    return result


def upgrade(context):
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=PORTAL_TYPE):
        obj = brain._unrestrictedGetObject()
        levels = list(getattr(obj, FIELD, None) or ())
        new = migrated(levels)
        if new == levels:
            continue
        setattr(obj, FIELD, new)
        catalog.reindexObject(obj, idxs=[FIELD], update_metadata=True)
        count += 1
    logger.info("1005 admin levels: %d procedures moved from the district level", count)
