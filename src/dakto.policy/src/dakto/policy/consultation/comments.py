"""Comments on a draft (Article 4.1e): stored, moderated, counted, exported.

Where they live: an annotation of the draft (``ANNOTATION_KEY``), an OOBTree
of ``DraftComment`` records keyed by a random id. ``DraftDocument`` is an
item (not a folder) and drafts of a town get tens, at most a few hundred,
comments: a BTree on the draft keeps them with their draft (moved, copied,
deleted with it), out of the catalog, search, listings and the sitemap (no
comment, even an approved one, is content anonymous can traverse to), and
without migrating every existing draft into a folder.

Moderation: each comment is ``pending`` when received, then ``approved``
(shown on the draft's page) or ``rejected`` (spam, abuse, off-topic); every
change is kept in the comment's ``history`` (state, who, when, note).

``comments_received`` (the draft's field, shown on its page and in the
catalog's metadata) goes up by one for each comment received and down by
one when a comment is rejected (up again if it is later approved), so a
number the board typed in for comments received on paper is kept.

``validate(data)`` returns ``(clean, errors)`` for both the HTML form and
the REST service; nothing is stored when ``errors`` is not empty.
"""

import re
import uuid
from datetime import UTC
from datetime import datetime

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from persistent.list import PersistentList
from z3c.caching.purge import Purge
from zope.annotation.interfaces import IAnnotations
from zope.event import notify

from dakto.policy import _
from dakto.policy.consultation.period import Period
from dakto.policy.contacts import valid_email
from dakto.policy.validation import citizen_text


ANNOTATION_KEY = "dakto.policy.draft_comments"

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
STATES = {
    PENDING: _("Awaiting moderation"),
    APPROVED: _("Approved"),
    REJECTED: _("Rejected"),
}

# public name -> (max length, label, required)
FIELDS = {
    "name": (120, _("Full name"), True),
    "email": (254, _("E-mail"), True),
    "organisation": (200, _("Organisation"), False),
    "article": (100, _("Article of the draft"), False),
    "text": (5000, _("Your comment"), True),
}
SINGLE_LINE = ("name", "email", "organisation", "article")
MAX_REQUEST_BYTES = 64 * 1024
MARKUP_RE = re.compile(r"<\s*[A-Za-z!/?]|&#?[A-Za-z0-9]+;|javascript:", re.IGNORECASE)

CLOSED_MESSAGE = _("The comment period of this draft has closed: comments are no longer received.")
NOT_OPEN_MESSAGE = _("The comment period of this draft has not opened yet.")


class DraftComment(Persistent):
    """One comment on a draft."""

    def __init__(self, id, values, consent):
        self.id = id
        self.created = datetime.now(UTC)
        self.name = values.get("name")
        self.email = values.get("email")
        self.organisation = values.get("organisation") or None
        self.article = values.get("article") or None
        self.text = values.get("text")
        self.consent = dict(consent) if consent else None
        self.state = PENDING
        self.erased = None
        self.history = PersistentList(
            [{"state": PENDING, "actor": None, "time": self.created.isoformat(), "note": ""}]
        )


def storage(draft, create=False):
    annotations = IAnnotations(draft)
    tree = annotations.get(ANNOTATION_KEY)
    if tree is None and create:
        tree = annotations[ANNOTATION_KEY] = OOBTree()
    return tree


def comments(draft, states=None):
    """The draft's comments, oldest first (only ``states`` when given)."""
    tree = storage(draft)
    if tree is None:
        return []
    found = [c for c in tree.values() if states is None or c.state in states]
    return sorted(found, key=lambda c: (c.created, c.id))


def get(draft, comment_id):
    tree = storage(draft)
    if tree is None or not isinstance(comment_id, str):
        return None
    return tree.get(comment_id)


def period_refusal(draft):
    """The message refusing a comment now, or None while the period is open."""
    period = Period(draft)
    if period.is_open:
        return None
    return CLOSED_MESSAGE if period.is_closed else NOT_OPEN_MESSAGE


def validate(data):
    """``(clean, errors)``: ``errors`` maps public field names to i18n messages."""
    clean, errors = {}, {}
    for name, (max_length, label, required) in FIELDS.items():
        value, error = citizen_text(
            data.get(name), label, max_length, required, single_line=name in SINGLE_LINE
        )
        if error:
            errors[name] = error
        if value is None:
            continue
        if MARKUP_RE.search(value):
            errors[name] = _(
                "${field}: HTML tags, HTML entities and scripts are not accepted; "
                "write plain text.",
                mapping={"field": label},
            )
            continue
        if name == "email":
            try:
                valid_email(value)
            except Exception as error:  # zope.schema ValidationError
                errors[name] = error.__doc__
                continue
        clean[name] = value
    return clean, errors


def _set_count(draft, delta):
    """Change the count and refresh the draft's caches (its page shows both)."""
    if delta:
        draft.comments_received = max(0, (getattr(draft, "comments_received", 0) or 0) + delta)
    # a named index: the catalog updates the metadata without touching
    # 'modified', and its counter (part of the pages' ETag) moves on
    draft.reindexObject(idxs=["getId"])
    notify(Purge(draft))  # the caching proxy, when one is configured


def add(draft, clean, consent):
    """Store one pending comment; return it."""
    tree = storage(draft, create=True)
    comment_id = uuid.uuid4().hex[:16]
    while comment_id in tree:
        comment_id = uuid.uuid4().hex[:16]
    comment = DraftComment(comment_id, clean, consent)
    tree[comment_id] = comment
    _set_count(draft, +1)
    return comment


def moderate(draft, comment, state, actor, note=""):
    """Move ``comment`` to ``state`` (approved/rejected/pending), keeping its history."""
    if state not in STATES:
        raise ValueError(state)
    if comment.state == state:
        return False
    delta = -1 if state == REJECTED else +1 if comment.state == REJECTED else 0
    comment.state = state
    comment.history.append(
        {
            "state": state,
            "actor": actor,
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "note": note or "",
        }
    )
    comment._p_changed = True
    _set_count(draft, delta)
    return True


def erase_personal_data(comment):
    comment.name = None
    comment.email = None
    comment.organisation = None
    comment.erased = datetime.now(UTC).isoformat(timespec="seconds")


def public_name(comment):
    """The name shown with an approved comment (the organisation when given)."""
    if comment.erased:
        return ""
    if comment.organisation:
        return f"{comment.name} ({comment.organisation})"
    return comment.name or ""


def refresh(draft):
    """After a change the page shows (a name erased or corrected)."""
    _set_count(draft, 0)
