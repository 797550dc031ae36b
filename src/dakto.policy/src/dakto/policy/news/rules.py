"""The rules of Article 7.1: source and author, and where reference news lives.

The add and edit forms show each message at its field (field validators); the
REST API answers 400 with messages that start with the field's name (see
``dakto.policy.validation``).
"""

from Acquisition import aq_chain
from Acquisition import aq_inner
from plone import api
from z3c.form import validator
from zope.interface import Invalid

from dakto.policy import _
from dakto.policy.news.behaviors import AUTHOR_REQUIRED
from dakto.policy.news.behaviors import SOURCE_REQUIRED
from dakto.policy.news.behaviors import AuthorRequired
from dakto.policy.news.behaviors import INewsAttribution
from dakto.policy.news.behaviors import SourceRequired
from dakto.policy.structure.sections import REFERENCE_NEWS_SECTION
from dakto.policy.validation import FieldNamingInvariantsValidator
from dakto.policy.validation import FormFieldValidator
from dakto.policy.validation import blank
from dakto.policy.validation import for_schema


REFERENCE_ELSEWHERE = _(
    "Reference news belongs in the section 'Tin tham khảo': add it there, or untick 'Reference news'."
)


def in_reference_section(context):
    """Is ``context`` the reference-news section or inside it?"""
    portal_path = "/".join(api.portal.get().getPhysicalPath())
    section_path = f"{portal_path}/{REFERENCE_NEWS_SECTION}"
    for obj in aq_chain(aq_inner(context)):
        if not hasattr(obj, "getPhysicalPath"):
            break
        if "/".join(obj.getPhysicalPath()) == section_path:
            return True
    return False


def is_reference_news(obj):
    return bool(getattr(obj, "reference_news", False)) or in_reference_section(obj)


class NewsAttributionValidator(FieldNamingInvariantsValidator):
    """The schema's invariants, and: reference news only in its section.

    The context is the folder in add forms, the article in edit forms and the
    new article (wrapped in its folder) in plone.restapi's POST and PATCH.
    """

    errors_by_field = {SourceRequired: "news_source", AuthorRequired: "news_author"}

    def extra_errors(self, data, values):
        if data.get("reference_news") and not in_reference_section(self.context):
            yield "reference_news", REFERENCE_ELSEWHERE


for_schema(NewsAttributionValidator, INewsAttribution)


class SourceAuthorValidator(FormFieldValidator):
    """Source and author are required unless the article is a reader's contribution."""

    schema = INewsAttribution
    messages = {"news_source": SOURCE_REQUIRED, "news_author": AUTHOR_REQUIRED}

    def validate(self, value):
        super().validate(value)
        if self.in_form and blank(value) and not self.form_value("reader_contribution"):
            raise Invalid(self.messages[self.field.__name__])


class ReferenceNewsValidator(FormFieldValidator):
    """Reference news is added and kept in the reference-news section only."""

    schema = INewsAttribution

    def validate(self, value):
        super().validate(value)
        if self.in_form and value and not in_reference_section(self.context):
            raise Invalid(REFERENCE_ELSEWHERE)


# One class per field: the discriminators are the class's adapts(), which a
# second call would overwrite (then only the author's error showed, issue 19.7).
class SourceValidator(SourceAuthorValidator):
    """The source, unless a reader's contribution."""


class AuthorValidator(SourceAuthorValidator):
    """The author, unless a reader's contribution."""


validator.WidgetValidatorDiscriminators(SourceValidator, field=INewsAttribution["news_source"])
validator.WidgetValidatorDiscriminators(AuthorValidator, field=INewsAttribution["news_author"])
validator.WidgetValidatorDiscriminators(
    ReferenceNewsValidator, field=INewsAttribution["reference_news"]
)


def flag_reference_news(obj, event):
    """An article added to or moved into the reference-news section is reference news."""
    if INewsAttribution.providedBy(obj) and in_reference_section(obj) and not obj.reference_news:
        obj.reference_news = True
        obj.reindexObject(idxs=["is_reference_news"])
