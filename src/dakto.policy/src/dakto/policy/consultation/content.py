"""The draft for public comment (``DraftDocument``, Article 4.1e)."""

from plone.app.textfield import RichText
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.form import validator
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant

from dakto.policy import _
from dakto.policy.filetypes import open_format
from dakto.policy.validation import FieldNamingInvariantsValidator
from dakto.policy.validation import FormFieldValidator
from dakto.policy.validation import for_schema


CLOSES_BEFORE_OPENS = _("The comment period must close after the day it opens.")


class ClosesBeforeOpens(Invalid):
    """The closing day is not after the opening day."""


def closes_before_opens(opens, closes):
    return bool(opens and closes and closes <= opens)


class IDraftDocument(model.Schema):
    """A draft document published for the public's comments."""

    drafting_body = schema.TextLine(
        title=_("Drafting body"),
        description=_("The body in charge of drafting, e.g. 'Văn phòng HĐND - UBND xã'."),
        required=True,
    )
    draft_file = NamedBlobFile(
        title=_("Draft file"),
        description=_("The draft itself, in an open format (PDF, ODT…)."),
        required=True,
        constraint=open_format,
    )
    supporting_file = NamedBlobFile(
        title=_("Supporting file"),
        description=_("The submission (tờ trình) or explanatory note, in an open format."),
        required=False,
        constraint=open_format,
    )

    model.fieldset(
        "consultation",
        label=_("Comment period"),
        fields=["comment_opens", "comment_closes", "comments_received", "comment_summary"],
    )
    comment_opens = schema.Date(
        title=_("Comments open on"),
        required=True,
    )
    comment_closes = schema.Date(
        title=_("Comments close on"),
        description=_("The last day on which comments are received (Viet Nam time)."),
        required=True,
    )
    comments_received = schema.Int(
        title=_("Number of comments received"),
        required=False,
        default=0,
        min=0,
    )
    comment_summary = RichText(
        title=_("How the comments were taken in"),
        description=_(
            "The summary of the comments received and how they were taken in or explained. "
            "Shown to the public once the comment period has closed."
        ),
        required=False,
    )

    @invariant
    def period_in_order(data):
        if closes_before_opens(
            getattr(data, "comment_opens", None), getattr(data, "comment_closes", None)
        ):
            raise ClosesBeforeOpens(CLOSES_BEFORE_OPENS)


class DraftDocumentValidator(FieldNamingInvariantsValidator):
    """Over REST, the period error names ``comment_closes``; in forms the field shows it."""

    errors_by_field = {ClosesBeforeOpens: "comment_closes"}


for_schema(DraftDocumentValidator, IDraftDocument)


class ClosesAfterOpensValidator(FormFieldValidator):
    """In the add and edit forms: the closing day, at its field."""

    schema = IDraftDocument

    def validate(self, value):
        super().validate(value)
        if self.in_form and closes_before_opens(self.form_value("comment_opens"), value):
            raise Invalid(CLOSES_BEFORE_OPENS)


validator.WidgetValidatorDiscriminators(
    ClosesAfterOpensValidator, field=IDraftDocument["comment_closes"]
)
