"""The best text matches first, among the first :data:`WINDOW` of the
catalog's (Okapi BM25) order:

- the items whose title has more of the query's conditions (a word, its
  abbreviation or its correction: ``query.groups``) first;
- then, when a query has diacritics, the items whose title or description
  carry those very words (tone position aside).

Each step is a stable sort: the catalog's order stays within a group. The
words' keys are cached (a site's vocabulary is small), so the window costs
about the same on any site size.

The site search also ranks the visitor's language first: an item's language
is the one of the section holding it (``structure/sections.py``: ``/en`` is
English, the rest Vietnamese), so a Vietnamese query does not list the
English pages first for a Vietnamese visitor, nor the other way round."""

import functools
import re

from zope.interface import implementer
from zope.interface.common.sequence import IFiniteSequence

from dakto.policy import SITE_LANGUAGE
from dakto.policy.structure.sections import walk
from dakto.policy.text import fold
from dakto.policy.text import has_diacritics
from dakto.policy.text import nfc
from dakto.policy.text import tone_key
from dakto.policy.text import words
from dakto.policy.vietnamese.query import groups


#: A word of an NFC text, as ``text.words`` finds them (letters and digits).
WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=100_000)
def _word_keys(word):
    """``(tone key, folded form)`` of one word."""
    return tone_key(word), fold(word)


def _text_words(text):
    return [_word_keys(word) for word in WORD.findall(nfc(text or ""))]


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
        keys = {key for key, _folded in _text_words(text)}
        (exact if wanted <= keys else other).append(brain)
    return exact + other


def title_coverage(title, conditions):
    """How well the folded ``title`` meets ``conditions`` (``query.groups``):
    2 for each condition met as typed (or abbreviated), 1 for one met by a
    typo's correction only."""
    folded = [item for _key, item in _text_words(title)]
    text = f" {' '.join(folded)} "
    present = set(folded)

    def meets(alternatives):
        return any((f" {a} " in text) if " " in a else (a in present) for a in alternatives)

    return sum(2 if meets(c.spellings) else 1 if meets(c.corrections) else 0 for c in conditions)


def title_first(brains, query, catalog=None):
    """``brains`` re-ordered: the titles that meet more of the query's conditions first."""
    conditions = groups(query, catalog)
    if len(conditions) == 0:
        return brains
    scored = [
        (-title_coverage(brain.Title or "", conditions), i, brain) for i, brain in enumerate(brains)
    ]
    scored.sort(key=lambda item: item[:2])
    return [brain for _score, _i, brain in scored]


# Only the best text matches are re-ordered: a query with diacritics on a big
# site must not load every matching brain.
WINDOW = 200


@implementer(IFiniteSequence)
class Reranked:
    """``brains`` whose first items are replaced by ``head``; nothing else is
    loaded. A finite sequence: the site search lists it with
    plone.app.contentlisting (which has no adapter for an unknown class)."""

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


def exact_first_window(brains, query, language=None, root="", catalog=None):
    """``brains`` (lazy catalog results) with the first ``WINDOW`` re-ordered
    by :func:`title_first`, then :func:`exact_first` and, given the visitor's
    ``language`` and the site's ``root`` path, by :func:`language_first`
    before that; the rest stay lazy, in the catalog's order. ``catalog``
    gives the typo corrections (``query.groups``)."""
    best = exact_first(title_first(list(brains[:WINDOW]), query, catalog), query)
    if language:
        best = language_first(best, language, root)
    if len(brains) <= WINDOW:
        return best
    return Reranked(best, brains)
