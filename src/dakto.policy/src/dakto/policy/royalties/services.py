"""REST: GET/POST {article}/@royalty, GET {site}/@royalty-statement?month=."""

from plone.restapi.services import Service

from dakto.policy import _
from dakto.policy import rest
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
            return rest.error(self.request, 404, "NotFound", _("No royalty recorded yet."))
        return record


class RoyaltyPost(Service):
    def reply(self):
        rest.allow_write(self.request)
        body = rest.json_object(self.request)
        if body is None:
            return rest.bad_request(self.request, {"": _("Send a JSON object.")})
        unknown = sorted(set(body) - set(FIELDS))
        if unknown:
            return rest.bad_request(self.request, {unknown[0]: _("Unknown field.")})
        try:
            return set_record(self.context, *(body.get(name) for name in FIELDS))
        except RoyaltyError as error:
            return rest.bad_request(self.request, {error.field: error.message})


class RoyaltyStatementGet(Service):
    def reply(self):
        month = self.request.form.get("month") or this_month()
        if valid_month(month) is None:
            message = _(
                "'${value}' is not a month: use YYYY-MM, e.g. 2026-11.",
                mapping={"value": str(month)[:20]},
            )
            return rest.bad_request(self.request, {"month": message})
        return statement(month)
