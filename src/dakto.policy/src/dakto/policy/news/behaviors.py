"""Attribution of a news article (Article 7.1 of the regulation)."""

from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider

from dakto.policy import _
from dakto.policy.news.widgets import ConditionallyRequiredFieldWidget
from dakto.policy.validation import blank


SOURCE_REQUIRED = _("Enter the source of the article, or tick 'Reader's contribution'.")
AUTHOR_REQUIRED = _("Enter the author of the article, or tick 'Reader's contribution'.")


class SourceRequired(Invalid):
    """No source, and not a reader's contribution."""


class AuthorRequired(Invalid):
    """No author, and not a reader's contribution."""


@provider(IFormFieldProvider)
class INewsAttribution(model.Schema):
    """Source, author, topics and the reference-news flag of an article."""

    # Source and author are what every article must have (Article 7.1): on
    # the first tab, after the summary, marked as required (their widgets;
    # the fields stay optional for a reader's contribution, news/rules.py,
    # and the browser does not refuse to send them empty: news/widgets.py).
    # Topics and the reference flag keep their own tab.
    directives.order_after(news_source="IDublinCore.description")
    directives.order_after(news_author="INewsAttribution.news_source")
    directives.order_after(reader_contribution="INewsAttribution.news_author")
    directives.widget("news_source", ConditionallyRequiredFieldWidget)
    directives.widget("news_author", ConditionallyRequiredFieldWidget)

    model.fieldset(
        "attribution",
        label=_("Topics and reference news"),
        fields=["news_topics", "reference_news"],
    )

    reader_contribution = schema.Bool(
        title=_("Reader's contribution"),
        description=_("A reader's opinion needs no source or author (Article 7.1)."),
        required=False,
        default=False,
    )
    news_source = schema.TextLine(
        title=_("Source"),
        description=_("Where the information comes from, e.g. 'UBND xã', 'Báo Nhân Dân'."),
        required=False,
    )
    news_author = schema.TextLine(
        title=_("Author"),
        description=_("Who wrote the article."),
        required=False,
    )
    news_topics = schema.List(
        title=_("Topics"),
        value_type=schema.Choice(vocabulary="dakto.policy.news_topics"),
        required=False,
        default=[],
    )
    reference_news = schema.Bool(
        title=_("Reference news"),
        description=_(
            "Not confirmed by a competent authority: shown only in the section "
            "'Tin tham khảo', labelled as reference (Article 7.1)."
        ),
        required=False,
        default=False,
    )

    @invariant
    def source_required(data):
        if not getattr(data, "reader_contribution", False) and blank(
            getattr(data, "news_source", None)
        ):
            raise SourceRequired(SOURCE_REQUIRED)

    @invariant
    def author_required(data):
        if not getattr(data, "reader_contribution", False) and blank(
            getattr(data, "news_author", None)
        ):
            raise AuthorRequired(AUTHOR_REQUIRED)
