from plone.indexer import indexer

from dakto.policy.news.behaviors import INewsAttribution
from dakto.policy.news.rules import is_reference_news


@indexer(INewsAttribution)
def is_reference_news_indexer(obj):
    return is_reference_news(obj)


@indexer(INewsAttribution)
def news_topics_indexer(obj):
    return tuple(getattr(obj, "news_topics", None) or ())


@indexer(INewsAttribution)
def news_source_indexer(obj):
    if getattr(obj, "reader_contribution", False):
        return ""
    return getattr(obj, "news_source", None) or ""


@indexer(INewsAttribution)
def news_author_indexer(obj):
    if getattr(obj, "reader_contribution", False):
        return ""
    return getattr(obj, "news_author", None) or ""
