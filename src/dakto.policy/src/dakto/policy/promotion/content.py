"""Business promotion (``Promotion``, Article 10 of the regulation).

A business, organisation or product presented on the portal at its request,
with the business's written confirmation (required before publishing), a
validity period, and the fee paid with its receipt number. The item's
publication dates follow the validity period, so that it leaves every public
listing and page on its own after the end date.
"""

import re

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from z3c.form import validator
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant
from zope.schema import ValidationError

from dakto.policy import _
from dakto.policy.validation import FieldNamingInvariantsValidator
from dakto.policy.validation import FormFieldValidator
from dakto.policy.validation import blank
from dakto.policy.validation import for_schema


END_NOT_AFTER_START = _("The end of the validity period must be after its start.")
LOGO_WITHOUT_ALT = _("Describe the logo for people who cannot see it, e.g. 'Logo Công ty ABC'.")
FEE_WITHOUT_RECEIPT = _("A fee was paid: enter the number of its receipt.")


class EndNotAfterStart(Invalid):
    """The validity period ends on or before its start."""


class LogoWithoutAlt(Invalid):
    """A logo is given without its text alternative."""


class FeeWithoutReceipt(Invalid):
    """A fee is recorded without its receipt number."""


class InvalidLink(ValidationError):
    __doc__ = _("Enter a web address that starts with http:// or https://, e.g. https://abc.vn.")


LINK_RE = re.compile(r"^https?://[^\s/?#.][^\s/?#]*\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)


def valid_link(value):
    if value and not LINK_RE.match(value.strip()):
        raise InvalidLink(value)
    return True


def end_not_after_start(start, end):
    return bool(start and end and end <= start)


class IPromotion(model.Schema):
    """A promoted business, organisation or product. Its name is the title."""

    logo = NamedBlobImage(
        title=_("Logo"),
        required=False,
    )
    logo_alt = schema.TextLine(
        title=_("Text alternative of the logo"),
        description=_("Required when a logo is given: what the logo shows, for screen readers."),
        required=False,
    )
    link = schema.TextLine(
        title=_("Link"),
        description=_("The website of the business or product, e.g. https://abc.vn."),
        required=False,
        constraint=valid_link,
    )
    # The business's signed letter and the fee record are the editors' records:
    # the public sees the promotion, not its paperwork (REST, @@download, pages).
    directives.read_permission(
        confirmation="cmf.ModifyPortalContent",
        fee="cmf.ModifyPortalContent",
        receipt_number="cmf.ModifyPortalContent",
    )
    confirmation = NamedBlobFile(
        title=_("Written confirmation"),
        description=_(
            "The business's signed written confirmation of the promoted information "
            "(Article 10). Required before the promotion can be published."
        ),
        required=False,
    )

    model.fieldset(
        "validity",
        label=_("Validity and fee"),
        fields=["valid_from", "valid_until", "fee", "receipt_number"],
    )
    valid_from = schema.Date(
        title=_("Valid from"),
        required=True,
    )
    valid_until = schema.Date(
        title=_("Valid until"),
        description=_(
            "The last day the promotion is shown (Viet Nam time). The day after, it "
            "disappears from the portal without anyone acting."
        ),
        required=True,
    )
    fee = schema.Int(
        title=_("Fee (VND)"),
        description=_("The amount paid for the promotion, in đồng; 0 if free."),
        required=False,
        default=0,
        min=0,
    )
    receipt_number = schema.TextLine(
        title=_("Receipt number"),
        description=_("The number of the receipt for the fee."),
        required=False,
    )

    @invariant
    def period_in_order(data):
        if end_not_after_start(
            getattr(data, "valid_from", None), getattr(data, "valid_until", None)
        ):
            raise EndNotAfterStart(END_NOT_AFTER_START)

    @invariant
    def logo_has_alt(data):
        if getattr(data, "logo", None) and blank(getattr(data, "logo_alt", None)):
            raise LogoWithoutAlt(LOGO_WITHOUT_ALT)

    @invariant
    def fee_has_receipt(data):
        if (getattr(data, "fee", None) or 0) > 0 and blank(getattr(data, "receipt_number", None)):
            raise FeeWithoutReceipt(FEE_WITHOUT_RECEIPT)


@implementer(IPromotion)
class Promotion(Item):
    """A promotion."""


class PromotionValidator(FieldNamingInvariantsValidator):
    """Over REST each rule's error names its field; in forms the field shows it."""

    errors_by_field = {
        EndNotAfterStart: "valid_until",
        LogoWithoutAlt: "logo_alt",
        FeeWithoutReceipt: "receipt_number",
    }


for_schema(PromotionValidator, IPromotion)


class ValidUntilValidator(FormFieldValidator):
    schema = IPromotion

    def validate(self, value):
        super().validate(value)
        if self.in_form and end_not_after_start(self.form_value("valid_from"), value):
            raise Invalid(END_NOT_AFTER_START)


class LogoAltValidator(FormFieldValidator):
    schema = IPromotion

    def validate(self, value):
        super().validate(value)
        if self.in_form and self.form_file("logo") and blank(value):
            raise Invalid(LOGO_WITHOUT_ALT)


class ReceiptNumberValidator(FormFieldValidator):
    schema = IPromotion

    def validate(self, value):
        super().validate(value)
        if self.in_form and (self.form_value("fee") or 0) > 0 and blank(value):
            raise Invalid(FEE_WITHOUT_RECEIPT)


validator.WidgetValidatorDiscriminators(ValidUntilValidator, field=IPromotion["valid_until"])
validator.WidgetValidatorDiscriminators(LogoAltValidator, field=IPromotion["logo_alt"])
validator.WidgetValidatorDiscriminators(ReceiptNumberValidator, field=IPromotion["receipt_number"])
