"""Comments on drafts as a holder of personal data (name, e-mail, organisation).

A record's uid is ``<draft UID>:<comment id>``. A comment is "closed" once
its draft's comment period has closed; the purge erases the personal data
of comments on drafts closed before the retention limit.
"""

from datetime import datetime
from datetime import time

from plone import api
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.consultation import comments as store
from dakto.policy.consultation.period import Period
from dakto.policy.personal_data.holders import normalise_email
from dakto.policy.personal_data.interfaces import IPersonalDataHolder


EDITABLE = ("name", "email", "organisation")


def _drafts(**query):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="DraftDocument", **query):
        yield brain._unrestrictedGetObject()


def _find(uid):
    draft_uid, _sep, comment_id = (uid or "").partition(":")
    draft = next(iter(_drafts(UID=draft_uid)), None) if draft_uid else None
    return draft, (store.get(draft, comment_id) if draft is not None else None)


def _record(draft, comment):
    return {
        "uid": f"{draft.UID()}:{comment.id}",
        "url": f"{draft.absolute_url()}/@@draft-comments-moderation#moderate-{comment.id}",
        "title": draft.Title(),
        "created": comment.created.isoformat(timespec="seconds"),
        "state": comment.state,
        "data": {
            "name": comment.name or "",
            "email": comment.email or "",
            "organisation": comment.organisation or "",
            "article": comment.article or "",
            "text": comment.text,
        },
        "consent": dict(comment.consent) if comment.consent else None,
    }


@implementer(IPersonalDataHolder)
class DraftCommentsHolder:
    title = _("Comments on drafts")

    def find(self, email=None, phone=None):
        if not email:
            return []  # comments carry no phone number
        wanted = normalise_email(email)
        return [
            _record(draft, comment)
            for draft in _drafts()
            for comment in store.comments(draft)
            if comment.email and normalise_email(comment.email) == wanted
        ]

    def correct(self, uid, changes):
        draft, comment = _find(uid)
        if comment is None:
            return False
        for name, value in changes.items():
            if name in EDITABLE:
                setattr(comment, name, value or None)
        store.refresh(draft)
        return True

    def erase(self, uid):
        draft, comment = _find(uid)
        if comment is None:
            return False
        store.erase_personal_data(comment)
        store.refresh(draft)
        return True

    def purge(self, before):
        count = 0
        for draft in _drafts():
            period = Period(draft)
            if not period.is_closed or period.closes is None:
                continue
            closed = datetime.combine(period.closes, time.max, tzinfo=before.tzinfo)
            if closed >= before:
                continue
            erased = [c for c in store.comments(draft) if not c.erased]
            for comment in erased:
                store.erase_personal_data(comment)
            if erased:
                store.refresh(draft)
            count += len(erased)
        return count
