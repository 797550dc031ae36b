"""Closed lists as Zope vocabularies: one builder for every feature's lists.

A closed list is declared once, as ``(token, title)`` pairs or a
``{token: title}`` dict (titles are message ids, translated where shown);
``vocabulary`` makes the ``SimpleVocabulary`` of a vocabulary factory and
``title_of`` finds a token's title for a page or a REST answer.
"""

from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _pairs(items):
    return items.items() if isinstance(items, dict) else items


def vocabulary(items):
    """A vocabulary of ``items`` (pairs or a dict): value and token are the token."""
    return SimpleVocabulary([SimpleTerm(token, token, title) for token, title in _pairs(items)])


def title_of(items, token):
    """The title of ``token`` in ``items``; the token itself ('' for none) if unknown."""
    return dict(_pairs(items)).get(token, token or "")
