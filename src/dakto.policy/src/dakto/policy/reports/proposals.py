"""The report's last part (``IReportSection``): the board's proposals and
recommendations (đề xuất, kiến nghị) for the period, as the head of the
board wrote them (``records.set_proposals``), one paragraph a row."""

from zope.component import getUtilitiesFor
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.interfaces import IReportSection
from dakto.policy.reports.model import section
from dakto.policy.reports.records import get_proposals


NAME = "proposals"  # its name in configure.zcml


@implementer(IReportSection)
class ProposalsReport:
    @property
    def after(self):
        """Last: after every other part of the report (the signatures follow it)."""
        return tuple(name for name, _part in getUtilitiesFor(IReportSection) if name != NAME)

    def sections(self, period, today):
        text = (get_proposals(period) or {}).get("text", "")
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        return [
            section(
                "proposals",
                _("Proposals and recommendations"),
                [_("Proposals and recommendations")],
                [[p] for p in paragraphs],
                note=None if paragraphs else _("The head of the board has not written them yet."),
                text=True,
            )
        ]

    def summary(self, parts):
        return []


report = ProposalsReport()
