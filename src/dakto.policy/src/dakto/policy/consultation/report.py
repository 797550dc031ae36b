"""Consultation's part of the activity report (``IReportSection``): the
drafts whose comment period overlaps the period, and their comments."""

from zope.interface import implementer

from dakto.policy import _
from dakto.policy.consultation import comments as draft_comments
from dakto.policy.interfaces import IReportSection
from dakto.policy.reports.model import catalog as _catalog
from dakto.policy.reports.model import footer_total
from dakto.policy.reports.model import section
from dakto.policy.reports.model import unrestricted_object as _object
from dakto.policy.reports.period import as_date
from dakto.policy.workflow.names import ONLINE_STATES as ONLINE


def drafts_section(period):
    rows = []
    for brain in _catalog().unrestrictedSearchResults(
        portal_type="DraftDocument", review_state=ONLINE, sort_on="sortable_title"
    ):
        draft = _object(brain)
        if draft is None:
            continue
        opens, closes = as_date(draft.comment_opens), as_date(draft.comment_closes)
        if (opens and opens > period.end) or (closes and closes < period.start):
            continue
        if opens is None and closes is None:
            continue
        received = [c for c in draft_comments.comments(draft) if as_date(c.created) in period]
        rows.append(
            [
                draft.Title(),
                f"{opens:%d/%m/%Y} – {closes:%d/%m/%Y}" if opens and closes else "",
                len(received),
                draft.comments_received or 0,
            ]
        )
    return section(
        "drafts",
        _("Drafts put to consultation"),
        [
            _("Draft"),
            _("Comment period"),
            _("Comments received in the period"),
            _("Comments recorded in all"),
        ],
        rows,
        footer=[_("Total"), len(rows), sum(r[2] for r in rows), sum(r[3] for r in rows)],
        note=_(
            "Drafts whose comment period overlaps the report's period; "
            "comments received online, whatever their moderation."
        ),
    )


@implementer(IReportSection)
class ConsultationReport:
    after = ("feedback",)

    def sections(self, period, today):
        return [drafts_section(period)]

    def summary(self, parts):
        return [
            [_("Drafts put to consultation"), footer_total(parts, "drafts")],
            [_("Comments received on drafts"), footer_total(parts, "drafts", 2)],
        ]


report = ConsultationReport()
