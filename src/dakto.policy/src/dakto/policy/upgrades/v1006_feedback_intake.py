"""1006, feedback received in every way (issue 17.2): the receivers (role
FeedbackReceiver, group tiep-nhan-phan-anh) may log feedback received in
person, by phone, by letter or by Zalo (permission "Add Feedback", until now
the administrators' only), and the activity report counts feedback by the
day it was received (catalog index ``feedback_received``, every existing
item indexed).

Self-contained: the install code of today's features is not called.
"""

import logging

from plone import api

from dakto.policy.permissions import ADD_FEEDBACK


logger = logging.getLogger(__name__)

PORTAL_TYPE = "Feedback"
RECEIVER_ROLE = "FeedbackReceiver"
ROLES = ("Manager", "Site Administrator", RECEIVER_ROLE)
INDEX = "feedback_received"


def grant_add_feedback(portal):
    current = {
        entry["name"]
        for entry in portal.rolesOfPermission(ADD_FEEDBACK)
        if entry["selected"] == "SELECTED"
    }
    portal.manage_permission(ADD_FEEDBACK, sorted(current | set(ROLES)), acquire=True)


def add_received_index(catalog):
    if INDEX not in catalog.indexes():
        catalog.addIndex(INDEX, "DateIndex")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=PORTAL_TYPE):
        obj = brain._unrestrictedGetObject()
        catalog.catalog_object(obj, brain.getPath(), idxs=[INDEX], update_metadata=False)
        count += 1
    return count


def upgrade(context):
    portal = api.portal.get()
    grant_add_feedback(portal)
    count = add_received_index(api.portal.get_tool("portal_catalog"))
    logger.info(
        "Feedback intake: receivers may add Feedback; %s item(s) indexed by date received", count
    )
    return count
