"""The usage part of the six-month report (``IReportSection``): how the
website was used in the period, page views per section and the most read pages."""

from zope.interface import implementer

from dakto.policy import _
from dakto.policy.interfaces import IReportSection
from dakto.policy.reports.model import footer_total
from dakto.policy.reports.model import section
from dakto.policy.usage.figures import TOP_ITEMS
from dakto.policy.usage.figures import period_views


NOTE = _(
    "Views of public pages by visitors who are not logged in, reported by the page itself "
    "(also when it was served from the cache); robots and repeated views by one visitor "
    "within 30 minutes are not counted. No cookie is used and no address is kept."
)


@implementer(IReportSection)
class UsageReport:
    after = ("promotion",)

    def sections(self, period, today):
        found = period_views(period)
        return [
            section(
                "usage_by_section",
                _("Page views by section"),
                [_("Section"), _("Views")],
                [[s["title"], s["views"]] for s in found["sections"]],
                footer=[_("Total"), found["total"]],
                chart=(0, 1),
                note=NOTE,
            ),
            section(
                "usage_top_pages",
                _("Most read pages"),
                [_("Page"), _("Section"), _("Views")],
                [[i["title"], i["section"], i["views"]] for i in found["items"]],
                note=_(
                    "The ${count} pages with the most views in the period.",
                    mapping={"count": TOP_ITEMS},
                ),
            ),
        ]

    def summary(self, parts):
        return [[_("Page views"), footer_total(parts, "usage_by_section")]]


report = UsageReport()
