"""Catalog indexes: the month an item was published, the month of its royalty."""

from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer

from dakto.policy.royalties import records
from dakto.policy.workflow import history


@indexer(IDexterityContent)
def royalty_month(obj):
    return records.royalty_month_indexer(obj)


@indexer(IDexterityContent)
def published_month(obj):
    month = history.published_month(obj)
    if month is None:
        raise AttributeError("published_month")
    return month


def reindex_published_month(obj, event):
    """A workflow transition reindexes only the workflow's own variables."""
    obj.reindexObject(idxs=["published_month"])
