"""The purposes people consent to, one by one (Luật 91/2025: per purpose)."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy import _
from dakto.policy.vocabularies import vocabulary


ANSWER_FEEDBACK = "answer_feedback"
PUBLISH_NAME = "publish_name"
COMMENT_DRAFT = "comment_draft"
FORM_SUBMISSION = "form_submission"

PURPOSES = {
    ANSWER_FEEDBACK: _(
        "To receive, handle and answer my feedback or petition, and to contact me about it"
    ),
    PUBLISH_NAME: _("To publish my name with my question and its answer in the Q&A section"),
    COMMENT_DRAFT: _("To receive and summarise my comments on the draft document"),
    FORM_SUBMISSION: _("To process what I send with this form"),
}


@provider(IVocabularyFactory)
def consent_purposes(context=None):
    return vocabulary(PURPOSES)
