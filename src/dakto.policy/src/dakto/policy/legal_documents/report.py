"""The legal documents' part of the activity report (``IReportSection``):
legal documents and procedures published in the period, and updated in it.
The procedures share the section (one row each kind): they are named by
their portal type only."""

from zope.interface import implementer

from dakto.policy import _
from dakto.policy.interfaces import IReportSection
from dakto.policy.reports.model import catalog as _catalog
from dakto.policy.reports.model import section
from dakto.policy.workflow.names import ONLINE_STATES as ONLINE
from dakto.policy.workflow.names import PUBLISHED


def documents_section(period):
    catalog = _catalog()
    rows = []
    for portal_type, title in (
        ("LegalDocument", _("Legal documents")),
        ("Procedure", _("Administrative procedures")),
    ):
        published = catalog.unrestrictedSearchResults(
            portal_type=portal_type, review_state=ONLINE, editorial_published=period.query
        )
        published_ids = {b.getRID() for b in published}
        updated = [
            b
            for b in catalog.unrestrictedSearchResults(
                portal_type=portal_type, review_state=PUBLISHED, modified=period.query
            )
            if b.getRID() not in published_ids
        ]
        rows.append([title, len(published), len(updated)])
    return section(
        "documents",
        _("Legal documents and procedures"),
        [_("Kind"), _("Published in the period"), _("Updated in the period")],
        rows,
        chart=(0, 1),
        note=_("Updated: already online, changed in the period (not counted as published)."),
    )


@implementer(IReportSection)
class DocumentsReport:
    after = ("consultation",)

    def sections(self, period, today):
        return [documents_section(period)]

    def summary(self, parts):
        legal, procedures = parts["documents"]["rows"]
        return [
            [_("Legal documents published"), legal[1]],
            [_("Procedures published"), procedures[1]],
        ]


report = DocumentsReport()
