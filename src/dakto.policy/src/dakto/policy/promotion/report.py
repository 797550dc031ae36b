"""Promotions' part of the activity report (``IReportSection``): the
promotions whose validity overlaps the period."""

from zope.interface import implementer

from dakto.policy import _
from dakto.policy.interfaces import IReportSection
from dakto.policy.reports.model import catalog as _catalog
from dakto.policy.reports.model import footer_total
from dakto.policy.reports.model import section
from dakto.policy.reports.model import unrestricted_object as _object
from dakto.policy.workflow.names import ONLINE_STATES as ONLINE


def promotions_section(period):
    rows = []
    for brain in _catalog().unrestrictedSearchResults(
        portal_type="Promotion", review_state=ONLINE, sort_on="sortable_title"
    ):
        obj = _object(brain)
        if obj is None or obj.valid_from is None or obj.valid_until is None:
            continue
        first, last = max(obj.valid_from, period.start), min(obj.valid_until, period.end)
        if first > last:
            continue
        rows.append([obj.Title(), obj.valid_from, obj.valid_until, (last - first).days + 1])
    return section(
        "promotions",
        _("Promotions running"),
        [_("Promotion"), _("Valid from"), _("Valid until"), _("Days shown in the period")],
        rows,
        footer=[_("Total"), len(rows), "", ""],
    )


@implementer(IReportSection)
class PromotionsReport:
    after = ("legal_documents",)

    def sections(self, period, today):
        return [promotions_section(period)]

    def summary(self, parts):
        return [[_("Promotions running"), footer_total(parts, "promotions")]]


report = PromotionsReport()
