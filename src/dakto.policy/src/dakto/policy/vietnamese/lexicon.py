"""A catalog lexicon element that folds Vietnamese diacritics on every word.

Plone's own "Unicode Ignoring Accents Case Normalizer" folds only the words
whose first letter is below U+0250, so ``Ủy``, ``Ở`` or ``Ấp`` keep their
marks and a query without diacritics misses them. This one folds every word
(``đ`` → ``d`` included), for the documents and the queries alike.
"""

from Products.ZCTextIndex.PipelineFactory import element_factory

from dakto.policy.text import fold


NORMALIZER_GROUP = "Case Normalizer"
NORMALIZER_NAME = "Vietnamese Folding Normalizer"
LEXICON_ID = "plone_lexicon"
TEXT_INDEXES = ("SearchableText", "Title", "Description")


def _fold_term(term):
    # Plone's splitter hands over UTF-8 bytes for some words.
    if isinstance(term, bytes):
        term = term.decode("utf-8", "replace")
    return fold(term)


class VietnameseFoldingNormalizer:
    def process(self, terms):
        return [_fold_term(term) for term in terms]

    processGlob = process


try:
    element_factory.registerFactory(NORMALIZER_GROUP, NORMALIZER_NAME, VietnameseFoldingNormalizer)
except ValueError:  # registered already (module reloaded)
    pass


def uses_vietnamese_folding(catalog):
    lexicon = getattr(catalog, LEXICON_ID)
    return any(isinstance(element, VietnameseFoldingNormalizer) for element in lexicon._pipeline)


def install_vietnamese_folding(catalog):
    """Put the folding normalizer in Plone's lexicon and reindex its text indexes.

    Returns False when it was there already (nothing is reindexed).
    """
    if uses_vietnamese_folding(catalog):
        return False
    lexicon = getattr(catalog, LEXICON_ID)
    lexicon._pipeline = tuple(
        VietnameseFoldingNormalizer() if _is_case_normalizer(element) else element
        for element in lexicon._pipeline
    )
    if not uses_vietnamese_folding(catalog):
        lexicon._pipeline = lexicon._pipeline + (VietnameseFoldingNormalizer(),)
    lexicon.clear()
    catalog.manage_reindexIndex(ids=[name for name in TEXT_INDEXES if name in catalog.indexes()])
    return True


def _is_case_normalizer(element):
    name = type(element).__name__
    return name in ("I18NNormalizer", "CaseNormalizer")


def uninstall_vietnamese_folding(catalog):
    """Give Plone's lexicon its own normalizer back (on uninstall)."""
    if not uses_vietnamese_folding(catalog):
        return False
    from Products.CMFPlone.UnicodeSplitter.splitter import I18NNormalizer

    lexicon = getattr(catalog, LEXICON_ID)
    lexicon._pipeline = tuple(
        I18NNormalizer() if isinstance(element, VietnameseFoldingNormalizer) else element
        for element in lexicon._pipeline
    )
    lexicon.clear()
    catalog.manage_reindexIndex(ids=[name for name in TEXT_INDEXES if name in catalog.indexes()])
    return True
