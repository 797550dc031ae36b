"""The one builder of closed-list vocabularies (dakto.policy.vocabularies)."""

from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleVocabulary

from dakto.policy.vocabularies import title_of
from dakto.policy.vocabularies import vocabulary


PAIRS = (("xa", "Commune level"), ("tinh", "Provincial level"))


def test_pairs_and_dicts_give_the_same_terms():
    for items in (PAIRS, dict(PAIRS), iter(PAIRS)):
        vocab = vocabulary(items)
        assert isinstance(vocab, SimpleVocabulary)
        assert [(t.value, t.token, t.title) for t in vocab] == [
            ("xa", "xa", "Commune level"),
            ("tinh", "tinh", "Provincial level"),
        ]


def test_title_of_known_unknown_and_empty():
    assert title_of(PAIRS, "tinh") == "Provincial level"
    assert title_of(dict(PAIRS), "xa") == "Commune level"
    assert title_of(PAIRS, "other") == "other"
    assert title_of(PAIRS, None) == ""


def test_every_feature_vocabulary_is_built_by_it(portal):
    """Each registered dakto.policy vocabulary of a closed list gives its list's terms."""
    from zope.component import getUtility

    from dakto.policy.dossier.vocabularies import STATUSES as DOSSIER_STATUSES
    from dakto.policy.feedback.vocabularies import TOPICS
    from dakto.policy.legal_documents.types import DOCUMENT_TYPES
    from dakto.policy.legal_documents.vocabularies import FIELDS
    from dakto.policy.personal_data.vocabularies import PURPOSES
    from dakto.policy.procedures.vocabularies import LEVELS

    expected = {
        "dakto.policy.legal_fields": [t for t, _ in FIELDS],
        "dakto.policy.legal_document_types": [t.token for t in DOCUMENT_TYPES],
        "dakto.policy.procedure_levels": [t for t, _ in LEVELS],
        "dakto.policy.dossier_statuses": list(DOSSIER_STATUSES),
        "dakto.policy.feedback_topics": list(TOPICS),
        "dakto.policy.consent_purposes": list(PURPOSES),
    }
    for name, tokens in expected.items():
        vocab = getUtility(IVocabularyFactory, name)(portal)
        assert [term.token for term in vocab] == tokens, name
        assert all(term.value == term.token for term in vocab), name
