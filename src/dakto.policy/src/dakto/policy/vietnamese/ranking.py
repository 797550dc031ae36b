"""Exact diacritics first: when a query has diacritics, the items whose title
or description carry those very words (tone position aside) rank first."""

from dakto.policy.text import has_diacritics
from dakto.policy.text import tone_key
from dakto.policy.text import words


def exact_keys(query):
    """Tone keys of the query's words that carry diacritics."""
    return {tone_key(word) for word in words(query) if has_diacritics(word)}


def exact_first(brains, query):
    """``brains`` re-ordered: exact matches first, each group in its order."""
    wanted = exact_keys(query)
    if not wanted:
        return brains
    exact, other = [], []
    for brain in brains:
        text = f"{brain.Title or ''} {brain.Description or ''}"
        keys = {tone_key(word) for word in words(text)}
        (exact if wanted <= keys else other).append(brain)
    return exact + other
