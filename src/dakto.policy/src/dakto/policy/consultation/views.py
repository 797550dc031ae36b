"""The draft's page and the drafts listing of the 'du-thao' section."""

from plone import api
from Products.Five.browser import BrowserView

from dakto.policy.consultation.period import CLOSED
from dakto.policy.consultation.period import NOT_YET_OPEN
from dakto.policy.consultation.period import OPEN
from dakto.policy.consultation.period import Period
from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_date


FILE_FIELDS = ("draft_file", "supporting_file")


def file_size(value):
    size = getattr(value, "size", 0) or 0
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(size // 1024, 1)} KB"


class PeriodDates:
    """A period's days as shown (dd/mm/yyyy) and for ``<time datetime>``."""

    def date(self, value):
        return local_date(value)

    def iso(self, value):
        return iso_datetime(value)


class DraftView(PeriodDates, BrowserView):
    """A draft: its period and status, days left, files, and the summary once closed."""

    def __call__(self):
        self.period = Period(self.context)
        return self.index()

    def files(self):
        base = self.context.absolute_url()
        for name in FILE_FIELDS:
            value = getattr(self.context, name, None)
            if value is not None and value.filename:
                yield {
                    "name": name,
                    "filename": value.filename,
                    "url": f"{base}/@@download/{name}/{value.filename}",
                    "size": file_size(value),
                    "extension": value.filename.rsplit(".", 1)[-1].upper(),
                }

    def summary(self):
        """The summary of how comments were taken in: only once the period has closed."""
        summary = getattr(self.context, "comment_summary", None)
        if self.period.is_closed and summary is not None and summary.raw:
            return summary.output_relative_to(self.context)
        return None


class DraftListing(PeriodDates, BrowserView):
    """Drafts of this section: open ones first (closing soonest first), then upcoming, then closed."""

    ORDER = (OPEN, NOT_YET_OPEN, CLOSED)

    def groups(self):
        brains = api.content.find(
            context=self.context,
            portal_type="DraftDocument",
            sort_on="comment_closes",
            sort_order="ascending",
        )
        groups = {status: [] for status in self.ORDER}
        for brain in brains:
            period = Period(brain)
            groups[period.status].append({"brain": brain, "period": period})
        groups[CLOSED].reverse()  # the most recently closed first
        return [
            {
                "status": status,
                "title": groups[status][0]["period"].status_title,
                "entries": groups[status],
            }
            for status in self.ORDER
            if groups[status]
        ]
