"""REST: ``POST @feedback`` (anonymous) and ``GET @feedback-status/{code}``."""

import base64
import binascii
import json

from plone.restapi.services import Service
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy import rest
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
            antispam.check_honeypot(self.request, data)
            FORM_LIMITER.hit(self.request)
        except antispam.Refused as refused:
            return antispam.refusal_response(self.request, refused)
        files, file_error = _files(data.get("attachments"))
        clean, errors = submit.validate(data, files)
        if file_error:
            errors["attachments"] = file_error
        try:
            given = read_consent(data.get("consent"))
        except antispam.Refused as refused:
            errors["consent"] = refused.message
        if errors:
            return rest.bad_request(self.request, errors)
        code, mailed = submit.create_and_commit(clean, files, record_consent(given))
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
