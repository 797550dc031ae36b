"""REST: ``POST @feedback`` (anonymous, and the staff who receive feedback
with ``channel`` and ``date_received``: ``intake.py``),
``GET @feedback-status/{code}`` and ``POST @progress-notice/{code}`` (staff)."""

import base64
import binascii
import json

from plone.restapi.services import Service
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import antispam
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


class ProgressNoticePost(rest.TraversingService):
    """``POST @progress-notice/{code}`` (site root) or ``POST <item>/@progress-notice``:
    ``{"text", "expected"}`` (NĐ 43/2011 Art. 17; ``progress.py``). The staff
    who may review the item (the receivers, the administrators): 201 with the
    notices; 400 names the field; 409 when the item is already answered;
    401/403 for others; 404 unknown code."""

    def reply(self):
        from AccessControl import getSecurityManager
        from plone import api

        from dakto.policy.feedback import progress
        from dakto.policy.feedback.content import IFeedback

        rest.allow_write(self.request)
        if IFeedback.providedBy(self.context):
            obj = self.context
        else:
            code = codes.normalise(self.params[0]) if len(self.params) == 1 else None
            obj = status_module.find(code) if code else None
            if obj is None:
                return rest.error(
                    self.request, 404, "NotFound", _("No feedback has this tracking code.")
                )
        if not getSecurityManager().checkPermission("Review portal content", obj):
            anonymous = api.user.is_anonymous()
            return rest.error(
                self.request,
                401 if anonymous else 403,
                "Unauthorized",
                _("Only the staff who handle this feedback may send a progress notice."),
            )
        data = rest.json_object(self.request)
        if data is None:
            return rest.bad_request(self.request, {"body": _("Send a JSON object.")})
        clean, errors = progress.validate(obj, data.get("text"), data.get("expected"))
        if "form" in errors:
            return rest.error(self.request, 409, "NotOpen", errors["form"])
        if errors:
            return rest.bad_request(self.request, errors)
        mailed = progress.add(obj, clean["text"], clean["expected"])
        self.request.response.setStatus(201)
        return {**notice_info(obj, self.request), "mailed": mailed}
