"""RSS 2.0 feeds of the news, each news topic, the legal documents and the
drafts: published items only, newest first (`<section>/rss`)."""

from plone import api
from plone.base.interfaces import IPloneSiteRoot
from Products.Five import BrowserView
from zExceptions import NotFound

from dakto.policy.dates import rfc822_datetime
from dakto.policy.identity.settings import get_identity
from dakto.policy.structure.sections import NEWS_SECTION
from dakto.policy.structure.sections import NEWS_TOPICS
from dakto.policy.workflow.history import brain_posted_at
from dakto.policy.workflow.names import PUBLISHED


FEED_SIZE = 30
LEGAL_DOCUMENTS_SECTION = "van-ban"
DRAFTS_SECTION = "du-thao"


def feeds():
    """Site-relative path → what the feed of that section lists."""
    result = {
        NEWS_SECTION: {"portal_type": "News Item"},
        LEGAL_DOCUMENTS_SECTION: {"portal_type": "LegalDocument"},
        DRAFTS_SECTION: {"portal_type": "DraftDocument"},
    }
    for topic in NEWS_TOPICS:
        result[f"{NEWS_SECTION}/{topic.id}"] = {"portal_type": "News Item", "news_topics": topic.id}
    return result


def _relative_path(context):
    portal = api.portal.get()
    root = len(portal.getPhysicalPath())
    return "/".join(context.getPhysicalPath()[root:])


def feed_for(context):
    """The feed of ``context`` if it is a feed section, else None."""
    if IPloneSiteRoot.providedBy(context) or not hasattr(context, "getPhysicalPath"):
        return None
    try:
        path = _relative_path(context)
    except Exception:  # noqa: BLE001 - outside a site
        return None
    query = feeds().get(path)
    if query is None:
        return None
    return {"path": path, "query": query, "url": context.absolute_url(), "title": context.Title()}


class RSSFeed(BrowserView):
    """``<section>/rss``: RSS 2.0 of the section's published items."""

    def __call__(self):
        feed = feed_for(self.context)
        if feed is None:
            raise NotFound(self.context, "rss", self.request)
        self.request.response.setHeader("Content-Type", "application/rss+xml; charset=utf-8")
        return self.index()

    def channel(self):
        feed = feed_for(self.context)
        identity = get_identity()
        return {
            "title": f"{feed['title']} — {identity.portal_title}",
            "link": feed["url"],
            "self": feed["url"] + "/rss",
            "description": self.context.Description() or feed["title"],
            "language": self.context.Language() or "vi",
            "copyright": f"© {identity.body_name}",
        }

    def items(self):
        feed = feed_for(self.context)
        catalog = api.portal.get_tool("portal_catalog")
        portal_path = "/".join(api.portal.get().getPhysicalPath())
        query = dict(feed["query"])
        section = NEWS_SECTION if "news_topics" in query else feed["path"]
        query["path"] = f"{portal_path}/{section}"
        # What the public sees, whoever asks: published and already effective.
        results = catalog.unrestrictedSearchResults(
            review_state=PUBLISHED,
            effectiveRange=_now(),
            sort_on="effective",
            sort_order="descending",
            sort_limit=FEED_SIZE,
            **query,
        )[:FEED_SIZE]
        for brain in results:
            yield {
                "title": brain.Title,
                "link": brain.getURL(),
                "description": brain.Description or "",
                "date": rfc822_datetime(brain_posted_at(brain)),
                "author": getattr(brain, "news_author", None) or "",
            }


def _now():
    from DateTime import DateTime

    return DateTime()
