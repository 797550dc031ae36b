"""Alternative text, required on every image an editor uploads (WCAG 2.1,
1.1.1): a field of the Image type, and of a news item's lead image whenever
it has one; shown as the image's ``alt``."""

from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.form import validator
from zope import schema
from zope.interface import Invalid
from zope.interface import provider

from dakto.policy import _
from dakto.policy.validation import FieldNamingInvariantsValidator
from dakto.policy.validation import FormFieldValidator
from dakto.policy.validation import blank
from dakto.policy.validation import for_schema


LEAD_IMAGE_WITHOUT_ALT = _(
    "Describe the lead image for people who cannot see it, e.g. "
    "'Lãnh đạo xã trao quà cho hộ nghèo tại thôn 1'."
)


@provider(IFormFieldProvider)
class IAltText(model.Schema):
    alt_text = schema.TextLine(
        title=_("Alternative text"),
        description=_(
            "Describe what the image shows for people who cannot see it "
            "(required by WCAG 2.1, criterion 1.1.1)."
        ),
        required=True,
    )
    model.fieldset("default", fields=["alt_text"])


@provider(IFormFieldProvider)
class ILeadImageAltText(model.Schema):
    alt_text = schema.TextLine(
        title=_("Alternative text of the lead image"),
        description=_(
            "Describe what the lead image shows for people who cannot see it "
            "(WCAG 2.1, criterion 1.1.1). Required whenever the item has a lead image."
        ),
        required=False,
    )
    model.fieldset("default", fields=["alt_text"])


class LeadImageAltInvariantsValidator(FieldNamingInvariantsValidator):
    """Over REST: a lead image without its alternative text names ``alt_text``.

    The context is the item being added or edited, its fields already set.
    """

    def extra_errors(self, data, values):
        if getattr(self.context, "image", None) and blank(values.alt_text):
            yield "alt_text", LEAD_IMAGE_WITHOUT_ALT


for_schema(LeadImageAltInvariantsValidator, ILeadImageAltText)


class LeadImageAltValidator(FormFieldValidator):
    """In the add and edit forms: the message at the alternative text."""

    schema = ILeadImageAltText

    def validate(self, value):
        super().validate(value)
        if self.in_form and blank(value) and self.form_file("image"):
            raise Invalid(LEAD_IMAGE_WITHOUT_ALT)


validator.WidgetValidatorDiscriminators(LeadImageAltValidator, field=ILeadImageAltText["alt_text"])
