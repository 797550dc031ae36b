"""REST: ``POST @feedback`` (anonymous, and the staff who receive feedback
with ``channel`` and ``date_received``: ``intake.py``),
``GET @feedback-status/{code}`` and ``POST @progress-notice/{code}`` (staff);
the unit's answer with its signed link, ``GET``/``POST @unit-answer?t=…``,
and the board's review of it, ``GET @unit-answers`` and ``GET``/``POST
@unit-answer-review/{code}`` (``unit_answer.py``)."""

import base64
import binascii
import json

from plone.restapi.services import Service
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy import lookup_service
from dakto.policy import rest
from dakto.policy.feedback import codes
from dakto.policy.feedback import intake
from dakto.policy.feedback import status as status_module
from dakto.policy.feedback import submit
from dakto.policy.feedback.views import FORM_LIMITER
from dakto.policy.feedback.views import max_request_bytes
from dakto.policy.feedback.views import read_consent
from dakto.policy.personal_data.consent import record_consent


def _files(value):
    """``([(filename, bytes)], error)`` from ``[{"filename", "data" (base64)}]``."""
    if value in (None, []):
        return [], None
    if not isinstance(value, list):
        return [], _("attachments: a list of {filename, data (base64)}.")
    files = []
    for entry in value:
        if not isinstance(entry, dict) or not isinstance(entry.get("data"), str):
            return [], _("attachments: a list of {filename, data (base64)}.")
        try:
            data = base64.b64decode(entry["data"], validate=True)
        except (binascii.Error, ValueError):
            return [], _(
                "attachments: the data of '${name}' is not base64.",
                mapping={"name": str(entry.get("filename"))[:100]},
            )
        files.append((str(entry.get("filename") or ""), data))
    return files, None


class FeedbackPost(Service):
    def reply(self):

        rest.allow_write(self.request)
        try:
            antispam.check_request_size(self.request, max_request_bytes() * 4 // 3 + 65536)
            try:
                data = json.loads(self.request.get("BODY") or b"{}")
            except (ValueError, UnicodeDecodeError, RecursionError):
                data = None
            if not isinstance(data, dict):
                return rest.bad_request(self.request, {"body": _("Send a JSON object.")})
            staff = intake.may_log()
            if not staff:
                antispam.check_honeypot(self.request, data)
                FORM_LIMITER.hit(self.request)
        except antispam.Refused as refused:
            return antispam.refusal_response(self.request, refused)
        files, file_error = _files(data.get("attachments"))
        clean, errors = submit.validate(data, files)
        if staff:
            logged, staff_errors = intake.staff_fields(data)
            errors.update(staff_errors)
        else:
            logged = {}
            errors.update(intake.anonymous_errors(data))
        if file_error:
            errors["attachments"] = file_error
        try:
            given = read_consent(data.get("consent"))
        except antispam.Refused as refused:
            errors["consent"] = refused.message
        if errors:
            return rest.bad_request(self.request, errors)
        code, mailed = submit.create_and_commit(clean, files, record_consent(given), **logged)
        self.request.response.setStatus(201)
        return {
            "tracking_code": code,
            "status_url": f"{self._site_url()}/@feedback-status/{code}",
            # True only when the SMTP server took the mail with the code
            "mailed": mailed,
            "message": translate(submit.sent_message(mailed), context=self.request),
        }

    def _site_url(self):
        from plone import api

        return api.portal.get().absolute_url()


class FeedbackStatusGet(rest.TraversingService):
    def reply(self):
        raw = self.params[0] if len(self.params) == 1 else self.request.form.get("code")
        try:
            obj = status_module.lookup(self.request, raw if raw is not None else "")
        except antispam.Refused as refused:
            return antispam.refusal_response(self.request, refused)
        except status_module.NotFound:
            return rest.error(
                self.request, 404, "NotFound", _("No feedback has this tracking code.")
            )
        return status_module.status_info(obj, self.request)


def notice_info(obj, request):
    """The answer of ``POST @progress-notice``: the item's notices as the
    follow-up page and ``@feedback-status`` show them."""
    info = status_module.status_info(obj, request)
    return {
        "tracking_code": info["tracking_code"],
        "status": info["status"],
        "answer_due": info["answer_due"],
        "progress_notices": info["progress_notices"],
    }


class StaffItemService(rest.TraversingService):
    """A service for the staff who may review one item (Review portal
    content: the receivers, the administrators), on the item or at the site
    root with its tracking code (``@name/{code}``)."""

    refused = None  # what others are told (401/403)

    def item(self):
        """``(item, None)``, or ``(None, the error body)``: 404 unknown code, 401/403."""
        from AccessControl import getSecurityManager
        from plone import api

        from dakto.policy.feedback.content import IFeedback

        if IFeedback.providedBy(self.context):
            obj = self.context
        else:
            code = codes.normalise(self.params[0]) if len(self.params) == 1 else None
            obj = status_module.find(code) if code else None
            if obj is None:
                return None, rest.error(
                    self.request, 404, "NotFound", _("No feedback has this tracking code.")
                )
        if not getSecurityManager().checkPermission("Review portal content", obj):
            anonymous = api.user.is_anonymous()
            return None, rest.error(
                self.request, 401 if anonymous else 403, "Unauthorized", self.refused
            )
        return obj, None

    def posted(self):
        """For a POST: ``(item, its JSON object, None)`` or ``(None, None, the error body)``."""
        rest.allow_write(self.request)
        obj, refusal = self.item()
        if refusal is not None:
            return None, None, refusal
        data = rest.json_object(self.request)
        if data is None:
            return None, None, rest.bad_request(self.request, {"body": _("Send a JSON object.")})
        return obj, data, None

    def refuse(self, errors):
        """409 ``NotOpen`` for an error of the whole form (nothing to act on),
        else 400 naming the field."""
        if "form" in errors:
            return rest.error(self.request, 409, "NotOpen", errors["form"])
        return rest.bad_request(self.request, errors)


class ProgressNoticePost(StaffItemService):
    """``POST @progress-notice/{code}`` (site root) or ``POST <item>/@progress-notice``:
    ``{"text", "expected"}`` (NĐ 43/2011 Art. 17; ``progress.py``). The staff
    who may review the item (the receivers, the administrators): 201 with the
    notices; 400 names the field; 409 when the item is already answered;
    401/403 for others; 404 unknown code."""

    refused = _("Only the staff who handle this feedback may send a progress notice.")

    def reply(self):
        from dakto.policy.feedback import progress

        obj, data, refusal = self.posted()
        if refusal is not None:
            return refusal
        clean, errors = progress.validate(obj, data.get("text"), data.get("expected"))
        if errors:
            return self.refuse(errors)
        mailed = progress.add(obj, clean["text"], clean["expected"])
        self.request.response.setStatus(201)
        return {**notice_info(obj, self.request), "mailed": mailed}


# The unit answers with its signed link (unit_answer.py)


class UnitAnswerService(Service):
    """``@unit-answer?t=<token>``: the one item the unit's link opens
    (anonymous; the token is the only key, as on ``@@tra-loi-phan-anh``).
    A changed or unknown token: 403 ``InvalidLink``; answered, taken back or
    past the deadline: 410 ``ExpiredLink`` (``detail`` says what to do)."""

    def reply(self):
        from dakto.policy.feedback import unit_answer

        unit_answer.keep_private(self.request.response)
        token = self.request.form.get("t")
        self.token = token if isinstance(token, str) else ""
        try:
            obj = unit_answer.check(self.token)
        except unit_answer.LinkRefused as refused:
            return rest.error(
                self.request,
                refused.status,
                type(refused).__name__,
                refused.title,
                detail=translate(refused.text, context=self.request),
            )
        return self.answer(obj)


class UnitAnswerGet(UnitAnswerService):
    """``GET @unit-answer?t=…``: what the unit's page shows (never the sender's details)."""

    def answer(self, obj):
        from dakto.policy.dates import iso_datetime
        from dakto.policy.feedback import unit_answer
        from dakto.policy.feedback.vocabularies import TOPICS
        from dakto.policy.serializers import term

        found = unit_answer.readable(obj)
        return {
            "tracking_code": found["code"],
            "subject": found["subject"],
            "content": found["content"],
            "topic": term(TOPICS, found["topic"], self.request),
            "received": iso_datetime(found["received"]) or None,
            "answer_due": iso_datetime(found["due"]) or None,
            "unit": found["unit"],
            "attachments": [
                {
                    "filename": name,
                    "size": size,
                    "download": unit_answer.attachment_link(self.token, index),
                }
                for index, name, size in found["attachments"]
            ],
            "page": unit_answer.link(self.token),
        }


class UnitAnswerPost(UnitAnswerService):
    """``POST @unit-answer?t=…`` ``{"answer", "by"}``: the unit's answer, kept
    for the board's review (the citizen sees nothing yet) and the link closed;
    400 names the field."""

    def answer(self, obj):
        from dakto.policy.feedback import unit_answer

        rest.allow_write(self.request)  # the token is the key
        data = rest.json_object(self.request)
        if data is None:
            return rest.bad_request(self.request, {"body": _("Send a JSON object.")})
        errors = unit_answer.answer(obj, data.get("answer"), data.get("by"))
        if errors:
            return rest.bad_request(self.request, errors)
        return {
            "tracking_code": obj.tracking_code,
            "message": translate(unit_answer.SENT_TO_BOARD, context=self.request),
        }


# The board reviews the unit's answer (Review portal content, as @@duyet-tra-loi)

WAITING = {
    "review": _("Waiting for the board's review"),
    "unit": _("Waiting for the unit's answer"),
}


def review_info(obj, request):
    """An item forwarded to a unit as the board sees it: the unit's draft
    (None until it answers), and its open link while it may answer."""
    from plone import api

    from dakto.policy.dates import iso_datetime
    from dakto.policy.feedback import names
    from dakto.policy.feedback import unit_answer
    from dakto.policy.feedback.deadlines import step_deadline
    from dakto.policy.serializers import term

    state = api.content.get_state(obj, default=None)
    forwarded = state == names.FORWARDED
    record = unit_answer.draft(obj) if forwarded else None
    token = unit_answer.current_token(obj) if forwarded else None
    return {
        "@id": obj.absolute_url(),
        "tracking_code": obj.tracking_code,
        "subject": obj.title,
        "status": state,
        "unit": unit_answer.recipient_title(obj),
        "answer_due": iso_datetime(step_deadline(obj)) or None,
        "waiting": term(WAITING, ("review" if record else "unit") if forwarded else None, request),
        "draft": {
            "text": record.get("text"),
            "by": record.get("by"),
            "unit": record.get("unit"),
            "answered": iso_datetime(record.get("time")) or None,
        }
        if record
        else None,
        "unit_link": unit_answer.link(token) if token else None,
        "unit_token": token,
        "answer": (obj.answer or None) if state in names.ANSWER_VISIBLE_STATES else None,
    }


class UnitAnswersGet(Service):
    """``GET @unit-answers[?waiting=review|unit]``: the items forwarded to a
    unit that the user may review, the earliest deadline first; 401 anonymous."""

    FILTERS = {"waiting": lookup_service.Choice(WAITING)}

    def reply(self):
        from AccessControl import getSecurityManager
        from plone import api

        from dakto.policy.feedback import names

        if api.user.is_anonymous():
            return rest.error(
                self.request, 401, "Unauthorized", _("Log in to review the units' answers.")
            )
        filters, unknown = lookup_service.read_filters(self.request.form, self.FILTERS)
        lookup_service.refuse_unknown_filter(self.request, unknown, self.FILTERS)
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type=names.PORTAL_TYPE, review_state=names.FORWARDED
        )
        may = getSecurityManager().checkPermission
        found = [b._unrestrictedGetObject() for b in brains]
        found = [o for o in found if may("Review portal content", o)]
        infos = sorted(
            (review_info(o, self.request) for o in found),
            key=lambda i: (i["answer_due"] or "", i["tracking_code"]),
        )
        if "waiting" in filters:
            infos = [i for i in infos if i["waiting"]["token"] == filters["waiting"]]
        return lookup_service.batched_answer(self.request, infos, filters, lambda i: i)


class UnitAnswerReviewGet(StaffItemService):
    """``GET @unit-answer-review/{code}`` or ``GET <item>/@unit-answer-review``:
    the item and the unit's draft; 401/403 for others; 404 unknown code."""

    refused = _("Only the staff who handle this feedback may review the unit's answer.")

    def reply(self):
        obj, refusal = self.item()
        return refusal if refusal is not None else review_info(obj, self.request)


class UnitAnswerReviewPost(UnitAnswerReviewGet):
    """``POST @unit-answer-review/{code}``: ``{"action": "approve"[, "answer"]}``
    (the answer, possibly corrected; left out: the unit's text) becomes the
    item's answer and is mailed to the citizen; ``{"action": "send_back",
    "note"}`` mails the unit a new link with the note. 400 names the field;
    409 ``NotOpen`` when there is no draft to review."""

    def reply(self):
        from dakto.policy.feedback import unit_answer

        obj, data, refusal = self.posted()
        if refusal is not None:
            return refusal
        action = data.get("action")
        errors = unit_answer.review(
            obj,
            action,
            text=data.get("answer", (unit_answer.draft(obj) or {}).get("text")),
            note=data.get("note"),
        )
        if errors:
            return self.refuse(errors)
        return {
            **review_info(obj, self.request),
            "message": translate(unit_answer.REVIEWED[action], context=self.request),
        }
