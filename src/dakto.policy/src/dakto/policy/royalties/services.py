"""REST: GET/POST {article}/@royalty, GET {site}/@royalty-statement?month=."""

from plone.restapi.deserializer import json_body
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

from dakto.policy import _
from dakto.policy.royalties.records import RoyaltyError
from dakto.policy.royalties.records import get_record
from dakto.policy.royalties.records import set_record
from dakto.policy.royalties.statement import statement
from dakto.policy.royalties.statement import valid_month
from dakto.policy.royalties.views import this_month


FIELDS = ("genre", "coefficient", "payee", "unit")


class RoyaltyGet(Service):
    def reply(self):
        record = get_record(self.context)
        if record is None:
            self.request.response.setStatus(404)
            return {"message": translate(_("No royalty recorded yet."), context=self.request)}
        return record


class RoyaltyPost(Service):
    def reply(self):
        # As plone.restapi's own write services: the API authenticates by header.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            body = json_body(self.request)
        except Exception:
            body = None
        if not isinstance(body, dict):
            return self._error("", _("Send a JSON object."))
        unknown = sorted(set(body) - set(FIELDS))
        if unknown:
            return self._error(unknown[0], _("Unknown field."))
        try:
            return set_record(self.context, *(body.get(name) for name in FIELDS))
        except RoyaltyError as error:
            return self._error(error.field, error.message)

    def _error(self, field, message):
        self.request.response.setStatus(400)
        text = translate(message, context=self.request)
        return {
            "type": "BadRequest",
            "field": field,
            "message": f"{field}: {text}" if field else text,
        }


class RoyaltyStatementGet(Service):
    def reply(self):
        month = self.request.form.get("month") or this_month()
        if valid_month(month) is None:
            self.request.response.setStatus(400)
            return {
                "type": "BadRequest",
                "field": "month",
                "message": translate(
                    _(
                        "'${value}' is not a month: use YYYY-MM, e.g. 2026-11.",
                        mapping={"value": str(month)[:20]},
                    ),
                    context=self.request,
                ),
            }
        return statement(month)
