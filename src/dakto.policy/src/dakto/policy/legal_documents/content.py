"""The legal document (Article 4.1d; NĐ 30/2020/NĐ-CP; NĐ 42/2022 Art. 4).

Title and description come from ``plone.basic``; the related documents from
``plone.relateditems``. The number and symbol, the type, the dates and the
files are checked here: each field on its own (``DocumentNumberField``,
``OpenFormatFile``), the rules over several fields as invariants (mapped to
their field by ``rules.py``), and the uniqueness of the number against the
catalog (``duplicate_error``).
"""

from plone.app.vocabularies.catalog import CatalogSource
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from plone.uuid.interfaces import IUUID
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant

from dakto.policy import _
from dakto.policy import filetypes
from dakto.policy.interfaces import UNIQUE_FIELD
from dakto.policy.legal_documents.types import EXAMPLES
from dakto.policy.legal_documents.types import NumberError
from dakto.policy.legal_documents.types import parse_number
from dakto.policy.legal_documents.types import type_mismatch
from dakto.policy.legal_documents.types import year_mismatch
from dakto.policy.validation import MessageError


PORTAL_TYPE = "LegalDocument"


class DocumentNumberField(schema.TextLine):
    """Số, ký hiệu as NĐ 30/2020 writes it."""

    def fromUnicode(self, value):
        value = (value or "").strip()
        self.validate(value)
        return value

    def _validate(self, value):
        super()._validate(value)
        try:
            parse_number(value)
        except NumberError as error:
            raise MessageError(error.args[0], self.__name__) from None


class OpenFormatFile(NamedBlobFile):
    """A file whose name, when it names an open format, matches its content."""

    def _validate(self, value):
        super()._validate(value)
        message = filetypes.disguise_error(value)
        if message:
            raise MessageError(message, self.__name__)


class NumberDoesNotFitType(Invalid):
    __doc__ = _("The number and symbol does not fit the document type.")


class DatesOutOfOrder(Invalid):
    __doc__ = _("The dates are out of order.")


class NoOpenFormat(Invalid):
    __doc__ = _("No file is in an open format.")


def parsed_or_none(value):
    try:
        return parse_number(value)
    except NumberError:
        return None


def number_error(number, type_token, issue_date):
    """The message when the number does not fit its type or its year, else None."""
    parsed = parsed_or_none(number)
    return type_mismatch(parsed, type_token) or year_mismatch(parsed, issue_date)


def dates_error(issue_date, valid_from, valid_until):
    if issue_date and valid_from and valid_from < issue_date:
        return _("The effective date cannot be before the issue date.")
    start = valid_from or issue_date
    if start and valid_until and valid_until <= start:
        return _("The expiry date must be after the effective date (or the issue date).")
    return None


def duplicate_error(number, issue_date, context=None):
    """The message when another document of the same issuer has this number and type
    in the same year, else None. ``context`` (the item being edited) is not counted."""
    from plone import api

    parsed = parsed_or_none(number)
    if parsed is None:
        return None
    year = parsed.year or (issue_date.year if issue_date else None)
    if year is None:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    own = IUUID(context, None) if context is not None else None
    own_path = "/".join(context.getPhysicalPath()) if hasattr(context, "getPhysicalPath") else ""
    for brain in catalog.unrestrictedSearchResults(
        portal_type=PORTAL_TYPE, legal_number=parsed.key, legal_year=year
    ):
        if (own and brain.UID == own) or brain.getPath() == own_path:
            continue
        return _(
            "${number} is already used in ${year} by '${title}' (${url}): one issuer cannot give "
            "the same number and type to two documents in one year.",
            mapping={
                "number": number,
                "year": year,
                "title": brain.Title,
                "url": brain.getURL(),
            },
        )
    return None


class ILegalDocument(model.Schema):
    """Văn bản."""

    document_number = DocumentNumberField(
        title=_("Number and symbol"),
        description=_(
            "Số, ký hiệu as in NĐ 30/2020: number, [year/ for a legal normative document], "
            "type abbreviation, issuer's abbreviation; upper case, no spaces. E.g. ${examples}.",
            mapping={"examples": EXAMPLES},
        ),
        required=True,
        max_length=64,
    )
    document_type = schema.Choice(
        title=_("Document type"),
        vocabulary="dakto.policy.legal_document_types",
        required=True,
    )
    issuing_body = schema.TextLine(
        title=_("Issuing body"),
        description=_("Cơ quan ban hành, e.g. 'UBND xã Đắk Tô', 'HĐND xã Đắk Tô'."),
        required=True,
        max_length=200,
    )
    signer = schema.TextLine(
        title=_("Signer"),
        description=_("Người ký: name and position, e.g. 'Nguyễn Văn An - Chủ tịch'."),
        required=True,
        max_length=200,
    )
    issue_date = schema.Date(title=_("Issue date"), required=True)
    valid_from = schema.Date(
        title=_("Effective date"),
        description=_("Ngày có hiệu lực; empty: in force from the issue date."),
        required=False,
    )
    valid_until = schema.Date(
        title=_("Expiry date"),
        description=_("Ngày hết hiệu lực; the document is expired from this day on. Empty: none."),
        required=False,
    )
    partly_expired = schema.Bool(
        title=_("Partly expired"),
        description=_(
            "Hết hiệu lực một phần: some provisions were repealed or replaced. The other "
            "statuses follow from the dates."
        ),
        required=False,
        default=False,
    )
    legal_field = schema.Choice(
        title=_("Field"),
        description=_("Lĩnh vực."),
        vocabulary="dakto.policy.legal_fields",
        required=True,
    )
    abstract = schema.Text(
        title=_("Abstract"),
        description=_("Trích yếu: what the document is about, as written under its number."),
        required=True,
    )

    model.fieldset(
        "files",
        label=_("Files"),
        fields=["file", "other_file"],
    )
    file = OpenFormatFile(
        title=_("Document file"),
        description=_(
            "In an open format (Thông tư 19/2011): ${accepted}. A file in another format "
            "(DOC, DOCX…) is accepted only with an open-format copy in the other field.",
            mapping={"accepted": filetypes.ACCEPTED},
        ),
        required=True,
    )
    other_file = OpenFormatFile(
        title=_("Other file"),
        description=_("A copy in another format, or an annex."),
        required=False,
    )

    model.fieldset(
        "relations",
        label=_("Related documents"),
        fields=["replaces"],
    )
    replaces = RelationList(
        title=_("Replaces"),
        description=_("The documents that this document replaces or amends."),
        value_type=RelationChoice(
            title=_("Legal document"),
            source=CatalogSource(portal_type=PORTAL_TYPE),
        ),
        required=False,
        default=[],
    )
    directives.widget(
        "replaces",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": [PORTAL_TYPE], "recentlyUsed": True},
    )

    @invariant
    def number_fits_type(data):
        message = number_error(
            getattr(data, "document_number", None),
            getattr(data, "document_type", None),
            getattr(data, "issue_date", None),
        )
        if message:
            raise NumberDoesNotFitType(message)

    @invariant
    def dates_in_order(data):
        message = dates_error(
            getattr(data, "issue_date", None),
            getattr(data, "valid_from", None),
            getattr(data, "valid_until", None),
        )
        if message:
            raise DatesOutOfOrder(message)

    @invariant
    def has_open_format(data):
        message = filetypes.missing_open_copy(
            [getattr(data, "file", None), getattr(data, "other_file", None)]
        )
        if message:
            raise NoOpenFormat(message)


# Unique on the site: a pasted copy does not keep it (copies.py).
ILegalDocument.setTaggedValue(UNIQUE_FIELD, "document_number")
