"""Exact diacritics first: when a query has diacritics, the items whose title
or description carry those very words (tone position aside) rank first.

The site search also ranks the visitor's language first: an item's language
is the one of the section holding it (``structure/sections.py``: ``/en`` is
English, the rest Vietnamese), so a Vietnamese query does not list the
English pages first for a Vietnamese visitor, nor the other way round."""

from dakto.policy import SITE_LANGUAGE
from dakto.policy.structure.sections import walk
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


# Only the best text matches are re-ordered: a query with diacritics on a big
# site must not load every matching brain.
WINDOW = 200


class Reranked:
    """``brains`` whose first items are replaced by ``head``; nothing else is loaded."""

    def __init__(self, head, brains):
        self.head = head
        self.brains = brains
        self.actual_result_count = len(brains)

    def __len__(self):
        return len(self.brains)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        return self.head[index] if index < len(self.head) else self.brains[index]

    def __iter__(self):
        return (self[i] for i in range(len(self)))


def section_languages(root):
    """``(path prefix, language)`` of the sections not in the site's language,
    deepest first; ``root`` is the site's physical path ("/plone")."""
    found = [
        ("/".join((root,) + path), section.language)
        for path, section in walk()
        if section.language != SITE_LANGUAGE
    ]
    return sorted(found, key=lambda item: len(item[0]), reverse=True)


def brain_language(brain, languages):
    """The language of a result: its section's (see :func:`section_languages`)."""
    path = brain.getPath()
    for prefix, language in languages:
        if path == prefix or path.startswith(prefix + "/"):
            return language
    return SITE_LANGUAGE


def language_first(brains, language, root):
    """``brains`` re-ordered: those in ``language`` first, each group in its order."""
    languages = section_languages(root)
    same, other = [], []
    for brain in brains:
        (same if brain_language(brain, languages) == language else other).append(brain)
    return same + other


def exact_first_window(brains, query, language=None, root=""):
    """``brains`` (lazy catalog results) with the first ``WINDOW`` re-ordered
    by :func:`exact_first` and, given the visitor's ``language`` and the
    site's ``root`` path, by :func:`language_first` before that; the rest
    stay lazy, in the catalog's order."""
    if not exact_keys(query) and not language:
        return brains
    best = exact_first(list(brains[:WINDOW]), query)
    if language:
        best = language_first(best, language, root)
    if len(brains) <= WINDOW:
        return best
    return Reranked(best, brains)
