"""What a visitor types, as a catalog text query: search as people type it.

A phone user types without diacritics, with the abbreviations every
Vietnamese office uses, with the filler words of speech and with typos:
"qd so 33", "thu tuc khai sih", "UBND xa". Plone's ``munge_search_term``
makes every word compulsory (``quyet AND dinh AND so AND 33``) and knows none
of that. :func:`search_term` gives the catalog's ZCTextIndex query instead:

- every word is one group of alternatives, the groups joined by AND;
- an abbreviation also finds its words, and the words their abbreviation
  (``QĐ`` ↔ ``quyết định``: the document types' abbreviations of
  ``legal_documents/types.py`` and the offices' of :data:`ABBREVIATIONS`);
- a syllable spelt with a final i or y (``kí``/``ký``, ``lí``/``lý``, ``qui``/``quy``)
  also finds the other spelling;
- "số" before a number ("quyết định số 33") is no condition;
- a word the site's lexicon does not have (a typo) is replaced by the
  lexicon's words one letter away from it (left out, added, changed or two
  letters swapped), the most frequent first, at most :data:`MAX_CORRECTIONS`.

The lexicon folds diacritics (``lexicon.py``), so the words are folded here
too; :func:`relaxed_term` is the same groups joined by OR, for when the
strict query finds nothing.
"""

import functools
import string

from zope.i18n import translate

from dakto.policy.legal_documents.types import DOCUMENT_TYPES
from dakto.policy.text import fold
from dakto.policy.text import words
from dakto.policy.vietnamese.lexicon import LEXICON_ID


#: Abbreviations of bodies and terms, besides the document types'.
ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "TTHC": "thủ tục hành chính",
    "CCHC": "cải cách hành chính",
    "GCN": "giấy chứng nhận",
    "QSDĐ": "quyền sử dụng đất",
    "CP": "Chính phủ",
}
#: Words that are no condition before a number ("số 33", "so 33").
NUMBER_FILLERS = frozenset({"so"})
#: Shorter words are never corrected (too many neighbours).
MIN_CORRECTED_LENGTH = 3
#: Longer words are never corrected: a Vietnamese word has a few letters, and
#: a word's neighbours grow with its length (a 100,000-letter "word" would
#: make millions of 100,000-letter strings: memory a process does not have).
MAX_CORRECTED_LENGTH = 20
#: At most this many words of one query get corrections (each costs a few
#: hundred lexicon look-ups).
MAX_CORRECTED_WORDS = 10
MAX_CORRECTIONS = 3
LETTERS = string.ascii_lowercase + string.digits
#: Initials after which a final i and y are one sound (both spellings are in use).
I_Y_INITIALS = frozenset({"k", "l", "m", "t", "s", "h", "qu"})
#: What the query parser reads as an operator or syntax.
OPERATORS = frozenset({"and", "or", "not"})


def _pairs():
    """``(abbreviation, Vietnamese words)``: the document types' (their titles
    in Vietnamese, from the catalog of translations) and :data:`ABBREVIATIONS`."""
    pairs = [
        (t.abbreviation, translate(t.title, target_language="vi"))
        for t in DOCUMENT_TYPES
        if t.abbreviation
    ]
    return pairs + list(ABBREVIATIONS.items())


@functools.cache
def expansions():
    """``({folded abbreviation: folded words}, {folded words: folded abbreviation})``."""
    forward = {}
    for abbr, full in _pairs():
        full_words = tuple(fold(word) for word in words(full.split("(")[0]))
        if full_words and fold(abbr) not in forward:
            forward[fold(abbr)] = full_words
    backward = {}
    for abbr, full in forward.items():
        if len(full) > 1:
            backward.setdefault(full, abbr)
    return forward, backward


def query_words(text):
    """The folded words of ``text`` that make conditions."""
    found = [fold(word) for word in words(text)]
    kept = []
    for index, word in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else ""
        if word in NUMBER_FILLERS and following[:1].isdigit():
            continue
        kept.append(word)
    return kept


def i_y_variant(word):
    """``kí`` → ``ky``, ``quy`` → ``qui`` (folded), or None."""
    if word[-1:] in ("i", "y") and word[:-1] in I_Y_INITIALS:
        return word[:-1] + ("y" if word[-1] == "i" else "i")
    return None


def neighbours(word):
    """The strings one edit away from ``word`` (Damerau–Levenshtein 1)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    result = set()
    for left, right in splits:
        if right:
            result.add(left + right[1:])
            for letter in LETTERS:
                result.add(left + letter + right[1:])
        if len(right) > 1:
            result.add(left + right[1] + right[0] + right[2:])
        for letter in LETTERS:
            result.add(left + letter + right)
    result.discard(word)
    return result


class Lexicon:
    """The catalog's text lexicon: which folded words the site has, and how often."""

    def __init__(self, catalog):
        self.lexicon = getattr(catalog, LEXICON_ID, None)
        index = catalog._catalog.indexes.get("SearchableText") if catalog is not None else None
        self.wordinfo = getattr(getattr(index, "index", None), "_wordinfo", None)

    def wid(self, word):
        if self.lexicon is None:
            return 1  # no lexicon: every word is taken as it is
        return self.lexicon._wids.get(word, 0)

    def frequency(self, wid):
        info = self.wordinfo.get(wid) if self.wordinfo is not None else None
        return len(info) if info is not None else 0

    def corrections(self, word):
        """The lexicon's words one edit from ``word``, most frequent first."""
        found = []
        for candidate in neighbours(word):
            wid = self.wid(candidate)
            if wid:
                found.append((-self.frequency(wid), candidate))
        return [candidate for _count, candidate in sorted(found)[:MAX_CORRECTIONS]]


def _term(alternatives):
    quoted = [f'"{a}"' if " " in a or a in OPERATORS else a for a in alternatives]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


class Condition(tuple):
    """The alternatives of one condition: ``(spellings, corrections)``, each a
    tuple of folded words or phrases ("a b"); :attr:`alternatives` is both."""

    def __new__(cls, spellings, corrections=()):
        return super().__new__(cls, (tuple(spellings), tuple(corrections)))

    spellings = property(lambda self: self[0])
    corrections = property(lambda self: self[1])
    alternatives = property(lambda self: self[0] + self[1])


def groups(text, catalog=None):
    """The :class:`Condition` of each word (or abbreviated phrase) of ``text``;
    with the ``catalog``, a word it does not have gets its corrections."""
    lexicon = Lexicon(catalog) if catalog is not None else None
    forward, backward = expansions()
    found = query_words(text)
    result = []
    index = 0
    corrected = 0
    while index < len(found):
        # words that make an abbreviation's full form: one condition
        for full, abbr in backward.items():
            if tuple(found[index : index + len(full)]) == full:
                result.append(Condition((" ".join(full), abbr)))
                index += len(full)
                break
        else:
            word = found[index]
            alternatives, corrections = [word], []
            variant = i_y_variant(word)
            if word in forward:
                alternatives.append(" ".join(forward[word]))
            elif variant:
                alternatives.append(variant)
            elif (
                lexicon is not None
                and corrected < MAX_CORRECTED_WORDS
                and MIN_CORRECTED_LENGTH <= len(word) <= MAX_CORRECTED_LENGTH
                and not word.isdigit()
                and not lexicon.wid(word)
            ):
                corrections = lexicon.corrections(word)
                corrected += 1
            result.append(Condition(alternatives, corrections))
            index += 1
    return result


def search_term(text, catalog=None, operator="AND"):
    """The ZCTextIndex query for ``text`` (see the module); "" for no word."""
    return f" {operator} ".join(_term(c.alternatives) for c in groups(text, catalog))


def relaxed_term(text, catalog=None):
    """:func:`search_term` with any of the conditions instead of all."""
    return search_term(text, catalog, operator="OR")
