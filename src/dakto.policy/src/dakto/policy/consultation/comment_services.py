"""REST: comments on a draft.

- ``GET <draft>/@draft-comments``: approved comments (anonymous: name and
  text only); the board (Review portal content) gets every comment with its
  state and history; the e-mail and the consent record only who holds
  ``personal_data.interfaces.VIEW_PERSONAL_DATA`` (need-to-know: the
  administrators and the feedback receivers, who also get every comment);
- ``POST <draft>/@draft-comments`` (anonymous): ``{"name", "email",
  "organisation", "article", "text", "consent": ["comment_draft"]}`` → 201
  ``{"id", "state": "pending"}``; 400 naming the field; 403 once closed;
- ``PATCH <draft>/@draft-comments/{id}`` (board): ``{"state": "approved" |
  "rejected" | "pending", "note"}``;
- ``GET <draft>/@draft-comments-export?format=csv|ods`` (board): the file.
"""

import json

from plone import api
from plone.restapi.services import Service
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy import rest
from dakto.policy.consultation import comments as store
from dakto.policy.consultation.comment_form import EXPORT_FORMATS
from dakto.policy.consultation.comment_form import bad_format
from dakto.policy.consultation.comment_form import export_file
from dakto.policy.consultation.comment_form import submit
from dakto.policy.lookup_service import single
from dakto.policy.personal_data.access import may_see_personal_data


def serialize(comment, full, contact=False):
    """``full``: state, history, the name as given; ``contact``: e-mail, consent."""
    data = {
        "id": comment.id,
        "created": comment.created.isoformat(timespec="seconds"),
        "name": store.public_name(comment),
        "article": comment.article,
        "text": comment.text,
    }
    if full:
        data.update(
            {
                "name": comment.name,
                "organisation": comment.organisation,
                "state": comment.state,
                "history": [dict(entry) for entry in comment.history],
            }
        )
    if contact:
        data.update(
            {
                "email": comment.email,
                "consent": dict(comment.consent) if comment.consent else None,
            }
        )
    return data


def can_moderate(draft):
    return api.user.has_permission("Review portal content", obj=draft)


class CommentsGet(Service):
    def reply(self):
        contact = may_see_personal_data(self.context)
        full = contact or can_moderate(self.context)
        states = None if full else (store.APPROVED,)
        items = [serialize(c, full, contact) for c in store.comments(self.context, states=states)]
        return {
            "@id": f"{self.context.absolute_url()}/@draft-comments",
            "items_total": len(items),
            "items": items,
        }


class CommentsPost(Service):
    def reply(self):
        rest.allow_write(self.request)
        message = store.period_refusal(self.context)
        if message:  # before anything else: the clearest reason
            return rest.error(self.request, 403, "CommentPeriodClosed", message)
        data = rest.json_object(self.request)
        if data is None:
            return rest.bad_request(self.request, {"body": _("Send a JSON object.")})
        comment, errors, refused = submit(self.context, self.request, data, data.get("consent"))
        if refused is not None:
            return antispam.refusal_response(self.request, refused)
        if errors:
            return rest.bad_request(self.request, errors)
        self.request.response.setStatus(201)
        return {
            "id": comment.id,
            "state": comment.state,
            "message": translate(
                _("Thank you: your comment was received and awaits moderation."),
                context=self.request,
            ),
        }


class CommentsPatch(rest.TraversingService):
    def reply(self):
        comment = store.get(self.context, self.params[0]) if len(self.params) == 1 else None
        if comment is None:
            return rest.error(self.request, 404, "NotFound", _("No such comment on this draft."))
        data = rest.json_object(self.request)
        state = data.get("state") if data else None
        if not isinstance(state, str) or state not in store.STATES:
            return rest.bad_request(
                self.request,
                {
                    "state": _(
                        "Unknown value '${value}' for ${name}; accepted: ${allowed}.",
                        mapping={
                            "value": str(state)[:50],
                            "name": "state",
                            "allowed": ", ".join(store.STATES),
                        },
                    )
                },
            )
        note = data.get("note") or ""
        if not isinstance(note, str) or len(note) > 500:
            return rest.bad_request(
                self.request, {"note": _("note: text of at most 500 characters.")}
            )
        store.moderate(self.context, comment, state, api.user.get_current().getId(), note)
        return serialize(comment, True, may_see_personal_data(self.context))


class CommentsExportGet(Service):
    """The file itself (not JSON)."""

    def render(self):
        self.check_permission()
        format = single(self.request.form.get("format")) or "csv"
        if format not in EXPORT_FORMATS:
            self.request.response.setStatus(400, lock=True)
            self.request.response.setHeader("Content-Type", "application/json")
            return json.dumps(
                {
                    "error": {
                        "type": "BadRequest",
                        "message": bad_format(self.request, format),
                        "field": "format",
                    }
                }
            )
        return export_file(self.context, format, self.request.response)
