"""Requests for information in the six-month activity report
(``IReportSection``): received in the period, answered within the deadline,
late, refused, not answered yet (Luật TCTT Art. 29-31: 15 working days,
extendable once)."""

from plone import api
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.access_to_information import requests as store
from dakto.policy.dates import local_day
from dakto.policy.interfaces import IReportSection
from dakto.policy.reports.model import section


def _facts(info_request, today):
    late = store.is_late(info_request, today)
    return {
        "answered_on_time": info_request.state == store.ANSWERED and not late,
        "refused": info_request.state == store.REFUSED,
        "late": late,
        "pending": info_request.state not in store.FINAL,
        "extended": bool(info_request.extended_days),
    }


def request_sections(period, today):
    folder = store.section(api.portal.get())
    found = store.all_requests(folder) if folder is not None else []
    facts = [_facts(r, today) for r in found if local_day(r.created) in period]
    count = lambda key: sum(1 for f in facts if f[key])  # noqa: E731
    return [
        section(
            "information_requests",
            _("Requests for information"),
            [_("Item"), _("Number")],
            [
                [_("Received"), len(facts)],
                [_("Answered within the deadline"), count("answered_on_time")],
                [
                    _("Late (answered or refused late, or open past the deadline)"),
                    count("late"),
                ],
                [_("Refused, with the reasons in writing"), count("refused")],
                [_("Not answered yet"), count("pending")],
                [_("Deadline extended"), count("extended")],
            ],
            note=_(
                "Deadline: 15 working days from receipt, extendable once by at most 15 "
                "(Law on Access to Information 2016, Articles 29-31)."
            ),
        )
    ]


@implementer(IReportSection)
class InformationRequestsReport:
    after = ("feedback",)

    def sections(self, period, today):
        return request_sections(period, today)

    def summary(self, parts):
        found = parts.get("information_requests")
        return [[_("Requests for information received"), found["rows"][0][1] if found else 0]]


report = InformationRequestsReport()
