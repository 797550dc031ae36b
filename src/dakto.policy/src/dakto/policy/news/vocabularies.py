from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy.structure.sections import NEWS_TOPICS
from dakto.policy.vocabularies import vocabulary


@provider(IVocabularyFactory)
def news_topics(context=None):
    """The news topics: the sub-sections of the news section, in their order."""
    return vocabulary((topic.id, topic.title) for topic in NEWS_TOPICS)
