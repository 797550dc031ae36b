"""Feedback as a holder of personal data (personal_data.IPersonalDataHolder)."""

from datetime import UTC
from datetime import datetime

from DateTime import DateTime
from plone import api
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.feedback import names
from dakto.policy.feedback.deadlines import state_entered
from dakto.policy.feedback.indexers import contact_keys
from dakto.policy.personal_data.holders import normalise_email
from dakto.policy.personal_data.holders import normalise_phone
from dakto.policy.personal_data.interfaces import IPersonalDataHolder


PUBLIC_TO_ATTR = {
    "name": "sender_name",
    "email": "sender_email",
    "phone": "sender_phone",
    "address": "sender_address",
}


def _objects(**query):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=names.PORTAL_TYPE, **query):
        yield brain._unrestrictedGetObject()


def _by_uid(uid):
    return next(iter(_objects(UID=uid)), None)


def _record(obj):
    return {
        "uid": obj.UID(),
        "url": obj.absolute_url(),
        "title": f"{obj.tracking_code} — {obj.title}",
        "created": obj.created().ISO8601(),
        "state": api.content.get_state(obj, default=None),
        "data": {public: getattr(obj, attr, None) or "" for public, attr in PUBLIC_TO_ATTR.items()}
        | {"subject": obj.title, "content": obj.content or ""},
        "attachments": [a.filename for a in obj.attachments or ()],
        "consent": dict(obj.consent) if obj.consent else None,
    }


@implementer(IPersonalDataHolder)
class FeedbackHolder:
    title = _("Feedback and petitions")

    def find(self, email=None, phone=None):
        keys = contact_keys(email, phone)
        if not keys:
            return []
        found = []
        for obj in _objects(feedback_contact=keys):
            # both given: both must match
            if email and normalise_email(obj.sender_email) != normalise_email(email):
                if not (phone and normalise_phone(obj.sender_phone) == normalise_phone(phone)):
                    continue
            found.append(_record(obj))
        return found

    def correct(self, uid, changes):
        obj = _by_uid(uid)
        if obj is None:
            return False
        for public, value in changes.items():
            attr = PUBLIC_TO_ATTR.get(public)
            if attr:
                setattr(obj, attr, value or None)
        obj.reindexObject()
        return True

    def erase(self, uid):
        obj = _by_uid(uid)
        if obj is None:
            return False
        erase_personal_data(obj)
        return True

    def purge(self, before):
        count = 0
        limit = DateTime(before)
        for obj in list(_objects(review_state=list(names.FINAL_STATES))):
            if obj.personal_data_erased:
                continue
            if state_entered(obj) < limit:
                erase_personal_data(obj)
                count += 1
        return count


def erase_personal_data(obj):
    for attr in PUBLIC_TO_ATTR.values():
        setattr(obj, attr, None)
    obj.attachments = ()
    obj.personal_data_erased = datetime.now(UTC).isoformat(timespec="seconds")
    obj.reindexObject()
