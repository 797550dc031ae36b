"""The news listing of the news sections and the attribution on each article."""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from Products.CMFPlone.PloneBatch import Batch
from Products.Five.browser import BrowserView
from zope.component import getMultiAdapter

from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_datetime
from dakto.policy.news.behaviors import INewsAttribution
from dakto.policy.news.rules import in_reference_section
from dakto.policy.news.rules import is_reference_news
from dakto.policy.news.vocabularies import news_topics
from dakto.policy.presentation.images import brain_responsive_image
from dakto.policy.workflow.history import brain_posted_at
from dakto.policy.workflow.history import posted_at


PAGE_SIZE = 20


class NewsListing(BrowserView):
    """News of this section and its sub-sections, newest first.

    Reference news shows only in the reference-news section (Article 7.1).
    """

    def query(self):
        query = {
            "portal_type": "News Item",
            "path": "/".join(self.context.getPhysicalPath()),
            "sort_on": "effective",
            "sort_order": "descending",
            # Reference news only in its own section, and nowhere else.
            "is_reference_news": in_reference_section(self.context),
        }
        return query

    def batch(self):
        try:
            start = max(int(self.request.form.get("b_start", 0)), 0)
        except (TypeError, ValueError):
            start = 0
        brains = api.content.find(**self.query())
        return Batch(brains, PAGE_SIZE, start)

    def is_reference_section(self):
        return in_reference_section(self.context)

    def posted(self, brain):
        return local_datetime(brain_posted_at(brain))

    def posted_iso(self, brain):
        """The same moment for ``<time datetime>`` (ISO 8601)."""
        return iso_datetime(brain_posted_at(brain))

    def picture(self, brain):
        """The entry's lead image beside it; the page's first picture is its
        main one (fetched at once), the others load when near."""
        tag = brain_responsive_image(
            brain, eager=not getattr(self, "pictures", 0), css_class="dakto-news-thumb"
        )
        self.pictures = getattr(self, "pictures", 0) + bool(tag)
        return tag


class NewsAttributionViewlet(ViewletBase):
    """Posting date and time, update, source, author, topics, reference label."""

    def available(self):
        """On the article's own page only (not on its edit form)."""
        if not INewsAttribution.providedBy(self.context):
            return False
        state = getMultiAdapter((self.context, self.request), name="plone_context_state")
        return state.is_view_template()

    def update(self):
        super().update()
        context = self.context
        self.reference = is_reference_news(context)
        self.reader = bool(getattr(context, "reader_contribution", False))
        self.source = getattr(context, "news_source", None)
        self.author = getattr(context, "news_author", None)
        posted = posted_at(context)  # None: not published, no date set
        self.posted = local_datetime(posted)
        modified = context.modified()
        # Shown when the article changed after it was posted (to the minute).
        updated = local_datetime(modified) if modified and posted and modified > posted else ""
        self.updated = updated if updated != self.posted else ""
        self.posted_iso = iso_datetime(posted)
        self.updated_iso = iso_datetime(modified) if self.updated else ""
        terms = news_topics()
        self.topics = [
            terms.getTerm(t).title
            for t in (getattr(context, "news_topics", None) or [])
            if t in terms
        ]
