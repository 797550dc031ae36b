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


def exact_first_window(brains, query):
    """``brains`` (lazy catalog results) with the first ``WINDOW`` re-ordered
    by :func:`exact_first`; the rest stay lazy, in the catalog's order."""
    if not exact_keys(query):
        return brains
    best = exact_first(list(brains[:WINDOW]), query)
    if len(brains) <= WINDOW:
        return best
    return Reranked(best, brains)
