"""Catalog values for the register's filters and the monthly quota."""

from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer

from dakto.policy.editorial_board import history
from dakto.policy.editorial_board.content import IIntakeRecord


@indexer(IDexterityContent)
def editorial_published(obj):
    """The time of the (latest) publish transition: the month the quota counts."""
    value = history.published_at(obj)
    if value is None:
        raise AttributeError("editorial_published")
    return value


@indexer(IIntakeRecord)
def intake_channel(obj):
    return obj.channel


@indexer(IIntakeRecord)
def intake_received(obj):
    if obj.received is None:
        raise AttributeError("intake_received")
    from dakto.policy.editorial_board.board import as_datetime

    return as_datetime(obj.received)


@indexer(IIntakeRecord)
def intake_article(obj):
    relation = obj.article
    if relation is None or relation.isBroken():
        raise AttributeError("intake_article")
    return relation.to_object.UID() if relation.to_object is not None else None
