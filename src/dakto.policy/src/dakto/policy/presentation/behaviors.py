"""Alternative text, required on every image an editor uploads (WCAG 2.1,
1.1.1): a field of the Image type, shown as the image's ``alt``."""

from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider

from dakto.policy import _


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
            "(WCAG 2.1, criterion 1.1.1). Fill it in whenever you upload a lead image."
        ),
        required=False,
    )
    model.fieldset("default", fields=["alt_text"])
