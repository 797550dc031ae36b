"""REST: GET {site}/@activity-report and {site}/@contribution-ranking?start=&end=;
the proposals (GET/POST @report-proposals) and the signed reports
(GET/POST @signed-reports, GET/DELETE @signed-reports/<id>)."""

import json

from plone import api
from plone.restapi.services import Service
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import rest
from dakto.policy.reports import records
from dakto.policy.reports.model import activity_report
from dakto.policy.reports.model import translated
from dakto.policy.reports.period import PeriodError
from dakto.policy.reports.period import read_period
from dakto.policy.reports.ranking import contribution_ranking
from dakto.policy.reports.views import sign_report
from dakto.policy.reports.views import translated_ranking
from dakto.policy.rest import TraversingService


class PeriodService(Service):
    def reply(self):
        try:
            period = read_period(self.request.form)
        except PeriodError as error:
            self.request.response.setStatus(400)
            return {
                "type": "BadRequest",
                "field": error.field,
                "message": translate(error.message, context=self.request),
            }
        return self.data(period)


class ActivityReportGet(PeriodService):
    def data(self, period):
        return translated(activity_report(period), self.request)


class ContributionRankingGet(PeriodService):
    def data(self, period):
        return translated_ranking(contribution_ranking(period), self.request)


# --- the proposals and the signed reports (records.py) -------------------------


def record_error(request, error):
    return rest.error(
        request,
        error.status,
        ERROR_TYPES.get(error.status, "BadRequest"),
        error.message,
        field=error.field,
    )


ERROR_TYPES = {400: "BadRequest", 403: "Forbidden", 404: "NotFound", 409: "Conflict"}


def proposals_body(request, period):
    found = records.get_proposals(period) or {}
    return {
        "@id": f"{api.portal.get().absolute_url()}/@report-proposals",
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "text": found.get("text", ""),
        "author": found.get("author"),
        "modified": found.get("modified"),
        "signed": records.signed_for(period) is not None,
        "can_edit": records.can_sign() and records.signed_for(period) is None,
    }


def signed_body(record, numbers=False):
    base = api.portal.get().absolute_url()
    body = dict(
        record.summary(),
        **{
            "@id": f"{base}/@signed-reports/{record.id}",
            "odt": f"{base}/@@signed-reports?id={record.id}&format=odt",
        },
    )
    if numbers:
        body["proposals"] = record.proposals
        body["report"] = json.loads(record.numbers)
    return body


class ProposalsGet(PeriodService):
    """``GET @report-proposals?start=&end=``"""

    def data(self, period):
        return proposals_body(self.request, period)


class JsonPeriodService(Service):
    """A POST whose JSON body names the period (``start``, ``end``)."""

    def reply(self):
        rest.allow_write(self.request)
        data = rest.json_object(self.request)
        if data is None:
            return rest.bad_request(self.request, {"": _("The body must be a JSON object.")})
        try:
            period = read_period(
                {k: data.get(k) for k in ("start", "end") if isinstance(data.get(k), str)}
            )
        except PeriodError as error:
            return rest.bad_request(self.request, {error.field: error.message})
        try:
            return self.write(period, data)
        except records.RecordError as error:
            return record_error(self.request, error)


class ProposalsPost(JsonPeriodService):
    """``POST @report-proposals`` ``{"start", "end", "text"}`` (the head of the board)."""

    def write(self, period, data):
        records.set_proposals(period, data.get("text"))
        return proposals_body(self.request, period)


class SignedReportsGet(TraversingService):
    """``GET @signed-reports`` (the list) and ``GET @signed-reports/<id>`` (one, with its numbers)."""

    def reply(self):
        if self.params:
            try:
                return signed_body(records.get_signed("/".join(self.params)), numbers=True)
            except records.RecordError as error:
                return record_error(self.request, error)
        items = [signed_body(r) for r in records.signed_reports()]
        return {
            "@id": f"{api.portal.get().absolute_url()}/@signed-reports",
            "items": items,
            "items_total": len(items),
        }


class SignedReportsPost(JsonPeriodService):
    """``POST @signed-reports`` ``{"start", "end"}``: sign and keep (201)."""

    def write(self, period, data):
        record = sign_report(self.request, period)
        self.request.response.setStatus(201)
        body = signed_body(record)
        self.request.response.setHeader("Location", body["@id"])
        return body


class SignedReportsDelete(TraversingService):
    """``DELETE @signed-reports/<id>``: a Manager only (204); others 403."""

    def reply(self):
        rest.allow_write(self.request)
        try:
            records.remove_signed("/".join(self.params))
        except records.RecordError as error:
            return record_error(self.request, error)
        self.request.response.setStatus(204)
        return None


class SignedReportsPatch(TraversingService):
    """``PATCH @signed-reports/<id>``: always refused (a record does not change)."""

    def reply(self):
        try:
            records.get_signed("/".join(self.params))
        except records.RecordError as error:
            return record_error(self.request, error)
        return record_error(
            self.request,
            records.RecordError(
                403, _("A signed report is a record: it cannot be changed or removed.")
            ),
        )
