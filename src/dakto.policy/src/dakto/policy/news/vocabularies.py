from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from dakto.policy.structure.sections import NEWS_TOPICS


@provider(IVocabularyFactory)
def news_topics(context=None):
    """The news topics: the sub-sections of the news section, in their order."""
    return SimpleVocabulary([SimpleTerm(topic.id, topic.id, topic.title) for topic in NEWS_TOPICS])
