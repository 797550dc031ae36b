"""The administrative procedure (NĐ 63/2010 Art. 8.2, as amended by NĐ 92/2017).

The fields follow the national procedure database (csdl.dichvucong.gov.vn);
title and description come from the ``plone.basic`` behavior (the name of
the procedure and a short summary). The forms to download (mẫu đơn, tờ khai)
are File items inside the procedure; a dossier component names its form by
that File's id.
"""

from plone.app.textfield import RichText
from plone.app.vocabularies.catalog import CatalogSource
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant

from dakto.policy import _
from dakto.policy.interfaces import UNIQUE_FIELD
from dakto.policy.legal_documents.content import PORTAL_TYPE as LEGAL_DOCUMENT_TYPE
from dakto.policy.procedures.fields import ProcedureCode
from dakto.policy.procedures.fields import ServiceURL
from dakto.policy.procedures.fields import StructuredList
from dakto.policy.procedures.vocabularies import CHANNELS
from dakto.policy.procedures.vocabularies import FULL_ONLINE
from dakto.policy.procedures.vocabularies import NOT_ONLINE
from dakto.policy.procedures.vocabularies import ONLINE
from dakto.policy.procedures.vocabularies import ONLINE_LEVELS


FORM_TYPE = "File"

TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
OPTIONAL_TEXT = {"type": "string"}

SUBMISSION_WAY = {
    "type": "object",
    "properties": {
        "channel": {"type": "string", "enum": [token for token, _title in CHANNELS]},
        "processing_time": TEXT,
        "fee": TEXT,
        "description": OPTIONAL_TEXT,
    },
    "required": ["channel", "processing_time", "fee"],
    "additionalProperties": False,
}
SUBMISSION_WAYS_EXAMPLE = (
    '[{"channel": "truc-tiep", "processing_time": "Trong ngày", "fee": "Miễn lệ phí"}, '
    '{"channel": "truc-tuyen", "processing_time": "Trong ngày", "fee": "Miễn lệ phí"}]'
)

DOSSIER_COMPONENT = {
    "type": "object",
    "properties": {
        "name": TEXT,
        "originals": {"type": "integer", "minimum": 0, "maximum": 99},
        "copies": {"type": "integer", "minimum": 0, "maximum": 99},
        "form": {"type": "string", "pattern": r"^$|^[A-Za-z0-9][A-Za-z0-9._-]*$"},
        "note": OPTIONAL_TEXT,
    },
    "required": ["name", "originals", "copies"],
    "additionalProperties": False,
}
DOSSIER_EXAMPLE = '[{"name": "Tờ khai đăng ký khai sinh", "originals": 1, "copies": 0, "form": "to-khai-khai-sinh.pdf"}]'


class OnlineServiceNeedsLink(Invalid):
    __doc__ = _("An online service needs the link to it on the public service portal.")


class OnlineWayNeedsOnlineService(Invalid):
    __doc__ = _("Online submission and the online-service level disagree.")


NEEDS_LINK = _(
    "An online service (fully or partly online) needs the link to it on the public service portal; "
    "give the link, or set the online-service level to 'Not online'."
)
ONLINE_WAY_NOT_ONLINE = _(
    "Online submission is listed, but the online-service level is 'Not online': change one of them."
)
NO_ONLINE_WAY = _(
    "The service is online, but no way to submit is 'truc-tuyen': add it to the ways to submit."
)


def link_error(level, url):
    """The message when an online service has no link, else None."""
    if level in ONLINE_LEVELS and not url:
        return NEEDS_LINK
    return None


def way_error(level, ways):
    """The message when the ways to submit and the online-service level disagree, else None."""
    ways = ways if isinstance(ways, list) else []
    online = any(isinstance(way, dict) and way.get("channel") == ONLINE for way in ways)
    if online and level == NOT_ONLINE:
        return ONLINE_WAY_NOT_ONLINE
    if level in ONLINE_LEVELS and ways and not online:
        return NO_ONLINE_WAY
    return None


class IProcedure(model.Schema):
    """Thủ tục hành chính."""

    procedure_code = ProcedureCode(
        title=_("Procedure code"),
        description=_(
            "The code in the national database of administrative procedures, e.g. 1.001612."
        ),
        required=True,
    )
    procedure_level = schema.List(
        title=_("Level of implementation"),
        value_type=schema.Choice(vocabulary="dakto.policy.procedure_levels"),
        required=True,
        min_length=1,
        defaultFactory=lambda: ["xa"],
    )
    directives.widget("procedure_level", CheckBoxFieldWidget)
    procedure_field = schema.Choice(
        title=_("Field"),
        description=_("The field (lĩnh vực) of the procedure in the national database."),
        vocabulary="dakto.policy.procedure_fields",
        required=True,
    )
    implementing_body = schema.TextLine(
        title=_("Implementing body"),
        description=_("Who receives the dossier and decides, e.g. 'Ủy ban nhân dân cấp xã'."),
        required=True,
    )
    applicants = schema.Text(
        title=_("Applicants"),
        description=_("Who may apply: citizens, organisations, businesses…"),
        required=True,
    )
    service_level = schema.Choice(
        title=_("Online public service"),
        description=_(
            "Full online is the default under the Law on Digital Transformation (Art. 32)."
        ),
        vocabulary="dakto.policy.service_levels",
        required=True,
        default=FULL_ONLINE,
    )
    service_url = ServiceURL(
        title=_("Link to the online service"),
        description=_(
            "The service on the national (dichvucong.gov.vn) or provincial public service portal."
        ),
        required=False,
    )

    model.fieldset(
        "implementation",
        label=_("Implementation"),
        fields=["steps", "submission_ways", "processing_time", "fees"],
    )
    steps = RichText(
        title=_("Steps"),
        description=_("Trình tự thực hiện: what the applicant and the body do, in order."),
        required=True,
    )
    submission_ways = StructuredList(
        title=_("Ways to submit"),
        description=_(
            "One entry per way (channel: truc-tiep, truc-tuyen, buu-chinh), each with its processing time "
            "and fee, as JSON, e.g. ${example}",
            mapping={"example": SUBMISSION_WAYS_EXAMPLE},
        ),
        item=SUBMISSION_WAY,
        unique="channel",
        example=SUBMISSION_WAYS_EXAMPLE,
        labels={
            "channel": _("Way to submit"),
            "processing_time": _("Processing time"),
            "fee": _("Fees and charges"),
            "description": _("Description"),
        },
        choices={"channel": CHANNELS},
        min_items=1,
        required=True,
    )
    processing_time = schema.TextLine(
        title=_("Processing time"),
        description=_(
            "Thời hạn giải quyết, e.g. '03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ'."
        ),
        required=True,
    )
    fees = schema.Text(
        title=_("Fees and charges"),
        description=_("Phí, lệ phí; write 'Không' when there is none."),
        required=True,
    )

    model.fieldset(
        "dossier",
        label=_("Dossier"),
        fields=["dossier_components"],
    )
    dossier_components = StructuredList(
        title=_("Dossier components"),
        description=_(
            "One entry per document: name, number of originals and copies, and the id of its form "
            "(a File added inside this procedure), as JSON, e.g. ${example}",
            mapping={"example": DOSSIER_EXAMPLE},
        ),
        item=DOSSIER_COMPONENT,
        example=DOSSIER_EXAMPLE,
        labels={
            "name": _("Document name"),
            "originals": _("Originals"),
            "copies": _("Copies"),
            "form": _("Form: the id of a File inside this procedure"),
            "note": _("Note"),
        },
        required=False,
        defaultFactory=list,
    )

    model.fieldset(
        "result",
        label=_("Result and legal basis"),
        fields=["result", "requirements", "legal_basis", "legal_basis_text"],
    )
    result = schema.Text(
        title=_("Result"),
        description=_("What the applicant receives, e.g. 'Giấy khai sinh'."),
        required=True,
    )
    requirements = schema.Text(
        title=_("Requirements and conditions"),
        required=False,
    )
    legal_basis = RelationList(
        title=_("Legal basis on this site"),
        description=_("The legal documents published on this site on which the procedure rests."),
        value_type=RelationChoice(
            title=_("Legal document"),
            source=CatalogSource(portal_type=LEGAL_DOCUMENT_TYPE),
        ),
        required=False,
        default=[],
    )
    directives.widget(
        "legal_basis",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": [LEGAL_DOCUMENT_TYPE], "recentlyUsed": True},
    )
    legal_basis_text = schema.Text(
        title=_("Other legal basis"),
        description=_(
            "Documents not on this site, one per line, e.g. 'Luật Hộ tịch số 60/2014/QH13'."
        ),
        required=False,
    )

    @invariant
    def online_service_has_link(data):
        message = link_error(
            getattr(data, "service_level", None), getattr(data, "service_url", None)
        )
        if message:
            raise OnlineServiceNeedsLink(message)

    @invariant
    def online_way_matches_level(data):
        message = way_error(
            getattr(data, "service_level", None), getattr(data, "submission_ways", None)
        )
        if message:
            raise OnlineWayNeedsOnlineService(message)


# Unique on the site: a pasted copy does not keep it (copies.py).
IProcedure.setTaggedValue(UNIQUE_FIELD, "procedure_code")
