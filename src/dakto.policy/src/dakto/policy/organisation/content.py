"""The organisation of the local government (Article 4.1a): units and people.

``OrgUnit`` is a unit (its functions and duties, contact details, its head)
that may hold the ``Person`` items of its staff; a ``Person`` is an official
with position, unit, contacts, photo, duties and a short biography.
"""

from plone.app.textfield import RichText
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from z3c.form import validator
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant
from zope.schema import ValidationError

from dakto.policy import _
from dakto.policy.contacts import valid_email
from dakto.policy.contacts import valid_phone
from dakto.policy.validation import FieldNamingInvariantsValidator
from dakto.policy.validation import FormFieldValidator
from dakto.policy.validation import blank
from dakto.policy.validation import for_schema


PHOTO_WITHOUT_ALT = _(
    "Describe the photo for people who cannot see it, e.g. 'Ảnh chân dung ông Nguyễn Văn A'."
)


class PhotoWithoutAlt(Invalid):
    """A photo is given without its text alternative."""


def content_browser(portal_type):
    """Options of the content-browser widget that picks an item of ``portal_type``."""
    return {
        "pattern_options": {
            "selectableTypes": [portal_type],
            "basePath": "",
        },
    }


class WrongTarget(ValidationError):
    __doc__ = _("Choose an item of the right kind: a unit for 'Unit', a person for 'Head'.")


def relation_to(portal_type):
    """A constraint: the relation points to an item of ``portal_type``.

    Forms validate the relation value, plone.restapi the target object itself.
    """

    def check(value):
        target = getattr(value, "to_object", value)
        if value is not None and getattr(target, "portal_type", None) != portal_type:
            raise WrongTarget(value)
        return True

    return check


class IOrgUnit(model.Schema):
    """A unit of the local government (an office, a specialised section)."""

    functions = RichText(
        title=_("Functions and duties"),
        description=_("The unit's functions, duties and powers (chức năng, nhiệm vụ)."),
        required=True,
    )

    directives.widget(
        "head",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        **content_browser("Person"),
    )
    head = RelationChoice(
        title=_("Head of the unit"),
        description=_("The person who leads the unit; by default the first person listed in it."),
        vocabulary="plone.app.vocabularies.Catalog",
        constraint=relation_to("Person"),
        required=False,
    )

    model.fieldset(
        "contact",
        label=_("Contact details"),
        fields=["address", "phone", "fax", "email"],
    )
    address = schema.TextLine(
        title=_("Address"),
        required=False,
    )
    phone = schema.TextLine(
        title=_("Phone"),
        required=False,
        constraint=valid_phone,
    )
    fax = schema.TextLine(
        title=_("Fax"),
        required=False,
        constraint=valid_phone,
    )
    email = schema.TextLine(
        title=_("E-mail"),
        required=False,
        constraint=valid_email,
    )


class IPerson(model.Schema):
    """An official of the local government. The name is the item's title."""

    position = schema.TextLine(
        title=_("Position"),
        description=_("e.g. 'Chủ tịch UBND xã', 'Công chức Tư pháp - Hộ tịch'."),
        required=True,
    )

    directives.widget(
        "unit",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        **content_browser("OrgUnit"),
    )
    unit = RelationChoice(
        title=_("Unit"),
        description=_("Leave empty when the person is added inside their unit."),
        vocabulary="plone.app.vocabularies.Catalog",
        constraint=relation_to("OrgUnit"),
        required=False,
    )
    phone = schema.TextLine(
        title=_("Phone"),
        required=False,
        constraint=valid_phone,
    )
    email = schema.TextLine(
        title=_("Official e-mail"),
        description=_("The official (.gov.vn) address, e.g. nguyenvana@kontum.gov.vn."),
        required=False,
        constraint=valid_email,
    )
    photo = NamedBlobImage(
        title=_("Photo"),
        required=False,
    )
    photo_alt = schema.TextLine(
        title=_("Text alternative of the photo"),
        description=_("Required when a photo is given: what the photo shows, for screen readers."),
        required=False,
    )
    duties = RichText(
        title=_("Duties"),
        description=_("The areas this person is in charge of."),
        required=False,
    )
    biography = RichText(
        title=_("Short biography"),
        required=False,
    )
    listing_order = schema.Int(
        title=_("Listing order"),
        description=_("People are listed from the smallest number up."),
        required=False,
        default=100,
        min=0,
    )
    is_leader = schema.Bool(
        title=_("Leader"),
        description=_("Shown among the leadership on the organisation page."),
        required=False,
        default=False,
    )
    is_contact_officer = schema.Bool(
        title=_("Contact officer"),
        description=_(
            "The person the public contacts about the portal and the body's information. "
            "Exactly one person should be marked."
        ),
        required=False,
        default=False,
    )

    @invariant
    def photo_has_alt(data):
        if getattr(data, "photo", None) and blank(getattr(data, "photo_alt", None)):
            raise PhotoWithoutAlt(PHOTO_WITHOUT_ALT)


@implementer(IOrgUnit)
class OrgUnit(Container):
    """A unit; it may contain the Person items of its staff."""


@implementer(IPerson)
class Person(Item):
    """An official."""


class PersonValidator(FieldNamingInvariantsValidator):
    """Over REST the missing text alternative names ``photo_alt``."""

    errors_by_field = {PhotoWithoutAlt: "photo_alt"}


for_schema(PersonValidator, IPerson)


class PhotoAltValidator(FormFieldValidator):
    """In the forms: the missing text alternative, at its field."""

    schema = IPerson

    def validate(self, value):
        super().validate(value)
        if self.in_form and self.form_file("photo") and blank(value):
            raise Invalid(PHOTO_WITHOUT_ALT)


validator.WidgetValidatorDiscriminators(PhotoAltValidator, field=IPerson["photo_alt"])
