"""Catalog values of a Feedback item (never the sender's details in clear)."""

import hashlib

from plone.indexer import indexer

from dakto.policy.feedback.content import IFeedback
from dakto.policy.feedback.deadlines import as_datetime
from dakto.policy.feedback.deadlines import received
from dakto.policy.feedback.deadlines import step_deadline
from dakto.policy.personal_data.holders import normalise_email
from dakto.policy.personal_data.holders import normalise_phone


def contact_keys(email=None, phone=None):
    """Hashed keys of an e-mail / phone: findable without storing them in the catalog."""
    keys = []
    if normalise_email(email):
        keys.append("e:" + hashlib.sha256(normalise_email(email).encode()).hexdigest()[:32])
    if normalise_phone(phone):
        keys.append("p:" + hashlib.sha256(normalise_phone(phone).encode()).hexdigest()[:32])
    return keys


@indexer(IFeedback)
def tracking_code(obj):
    return obj.tracking_code


@indexer(IFeedback)
def feedback_deadline(obj):
    day = step_deadline(obj)
    if day is None:
        raise AttributeError("feedback_deadline")
    return as_datetime(day)


@indexer(IFeedback)
def feedback_received(obj):
    """The day it was received (``deadlines.received``): the report counts by it."""
    return as_datetime(received(obj))


@indexer(IFeedback)
def feedback_contact(obj):
    return contact_keys(obj.sender_email, obj.sender_phone)


@indexer(IFeedback)
def searchable_text(obj):
    return " ".join(v for v in (obj.tracking_code, obj.title, obj.content) if v)
