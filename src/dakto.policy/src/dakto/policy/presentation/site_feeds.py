"""The homepage's three site feeds, Plone's syndication views ``/RSS``
(RSS 1.0), ``/rss.xml`` (RSS 2.0) and ``/atom.xml`` (Atom):

- they list what the section feeds list (``feeds.py``: news, legal
  documents, drafts; published items only, newest posted first), where
  Plone's site-root feed listed the root's own children and so nothing;
- each is served as its own kind (Plone answers ``application/atom+xml`` to
  all three), and the homepage's ``<link rel="alternate">`` names them
  "… - RSS 2.0" with the matching type, where Plone wrote "… - b'RSS 2.0'";
- an item's date is its posting date (``history.posted_at``), never 1969.
"""

import os

import Products.CMFPlone.browser.syndication
from DateTime import DateTime
from plone.app.layout.links.viewlets import RSSViewlet
from plone.base.interfaces.syndication import IFeedSettings
from Products.CMFCore.utils import getToolByName
from Products.CMFPlone.browser.syndication.adapters import DexterityItem
from Products.CMFPlone.browser.syndication.adapters import FolderFeed
from Products.CMFPlone.browser.syndication.views import FeedView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy.dates import is_unset
from dakto.policy.presentation.feeds import feeds
from dakto.policy.workflow.history import brain_posted_at
from dakto.policy.workflow.history import posted_at
from dakto.policy.workflow.names import PUBLISHED


PLONE_TEMPLATES = os.path.join(
    os.path.dirname(Products.CMFPlone.browser.syndication.__file__), "templates"
)

# Plone's view name → the media type of what it writes.
CONTENT_TYPES = {
    "RSS": "application/rdf+xml",  # RSS 1.0 is RDF
    "rss.xml": "application/rss+xml",
    "atom.xml": "application/atom+xml",
    "itunes.xml": "application/rss+xml",
}


def feed_types():
    """The content types the section feeds list (one place: feeds.py)."""
    return sorted({query["portal_type"] for query in feeds().values()})


class PostedItem(DexterityItem):
    """A feed entry dated by its posting date, not by an unset 1969."""

    @property
    def published(self):
        return posted_at(self.context)


class SiteFeed(FolderFeed):
    """The site root's feed: the latest published items of the feed sections."""

    def _brains(self):
        catalog = getToolByName(self.context, "portal_catalog")
        query = {
            "portal_type": feed_types(),
            "review_state": PUBLISHED,
            "effectiveRange": DateTime(),
            "path": "/".join(self.context.getPhysicalPath()),
        }
        limit = self.limit
        # Items with a publishing date, newest first; items without one
        # (published with no date set) by their publish time: a bounded
        # number of each, merged by posting date.
        dated = catalog(sort_on="effective", sort_order="descending", sort_limit=limit, **query)
        dated = [b for b in dated[:limit] if not is_unset(b.effective)]
        undated = catalog(
            effective={"query": DateTime("1970/01/02"), "range": "max"},
            sort_on="created",
            sort_order="descending",
            sort_limit=limit,
            **query,
        )[:limit]
        pairs = [(brain_posted_at(b), b) for b in list(dated) + list(undated)]
        pairs = [(when, b) for when, b in pairs if when is not None]
        pairs.sort(key=lambda pair: pair[0], reverse=True)
        return [brain for _when, brain in pairs[:limit]]

    @property
    def items(self):
        for item in self._items()[: self.limit]:
            yield PostedItem(item, self)


class TypedFeedView(FeedView):
    """Plone's feed view, served with the media type of its kind."""

    def __call__(self):
        self.content_type = CONTENT_TYPES.get(self.__name__, FeedView.content_type)
        return super().__call__()


class RSS10View(TypedFeedView):
    index = ViewPageTemplateFile(os.path.join(PLONE_TEMPLATES, "RSS.pt"))


class RSS20View(TypedFeedView):
    index = ViewPageTemplateFile(os.path.join(PLONE_TEMPLATES, "rss.xml.pt"))


class AtomView(TypedFeedView):
    index = ViewPageTemplateFile(os.path.join(PLONE_TEMPLATES, "atom.xml.pt"))


class FeedLinksViewlet(RSSViewlet):
    """Plone's feed links with readable titles and each feed's own type."""

    index = ViewPageTemplateFile("templates/feed_links.pt")

    def getRssLinks(self, obj):
        settings = IFeedSettings(obj, None)
        if settings is None:
            return []
        factory = getUtility(IVocabularyFactory, "plone.app.vocabularies.SyndicationFeedTypes")
        vocabulary = factory(self.context)
        links = []
        for name in settings.feed_types:
            try:
                term = vocabulary.getTerm(name)
            except LookupError:
                continue
            title = term.title.decode("utf-8") if isinstance(term.title, bytes) else term.title
            links.append(
                {
                    "title": f"{obj.Title()} - {title}",
                    "url": f"{obj.absolute_url()}/{term.value}",
                    "type": CONTENT_TYPES.get(term.value, "application/rss+xml"),
                }
            )
        return links
