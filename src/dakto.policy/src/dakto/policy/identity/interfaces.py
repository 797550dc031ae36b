import re

from zope import schema
from zope.interface import Interface
from zope.interface import Invalid

from dakto.policy import _
from dakto.policy.contacts import EMAIL_RE  # noqa: F401 (shared with organisation/)
from dakto.policy.contacts import PHONE_RE  # noqa: F401
from dakto.policy.contacts import InvalidEmail  # noqa: F401
from dakto.policy.contacts import InvalidPhone  # noqa: F401
from dakto.policy.contacts import valid_email
from dakto.policy.contacts import valid_phone


REGISTRY_PREFIX = "dakto.identity"
CONFIGLET_ID = "dakto-identity"

DOMAIN_RE = re.compile(r"^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$")


class InvalidDomain(Invalid):
    __doc__ = _("Enter a domain name such as xadakto.quangngai.gov.vn, without http://.")


def valid_domain(value):
    if value and not DOMAIN_RE.match(value.strip().lower()):
        raise InvalidDomain(value)
    return True


class ISiteIdentity(Interface):
    """Identity of the body that runs the portal."""

    portal_title = schema.TextLine(
        title=_("Portal name"),
        description=_("Shown as the site title, e.g. 'Trang thông tin điện tử xã Đắk Tô'."),
        required=True,
    )
    body_name = schema.TextLine(
        title=_("Governing body"),
        description=_(
            "The People's Committee that owns the portal, e.g. 'Ủy ban nhân dân xã Đắk Tô'."
        ),
        required=True,
    )
    kind = schema.Choice(
        title=_("Kind of unit"),
        description=_("Commune, ward or special zone (the 2025 administrative units)."),
        vocabulary="dakto.policy.site_kinds",
        default="xa",
        required=True,
    )
    town = schema.TextLine(
        title=_("Commune, ward or special zone"),
        description=_("e.g. 'xã Đắk Tô', 'phường Hải Châu', 'đặc khu Lý Sơn'."),
        required=True,
    )
    province = schema.TextLine(
        title=_("Province or city"),
        required=True,
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
    email = schema.TextLine(
        title=_("E-mail"),
        required=False,
        constraint=valid_email,
    )
    editorial_head = schema.TextLine(
        title=_("Head of the editorial board"),
        description=_("Name and position of the person responsible for the portal's content."),
        required=False,
    )
    domain = schema.TextLine(
        title=_("Domain name"),
        description=_("The portal's public domain, without http://."),
        required=False,
        constraint=valid_domain,
    )
    licence = schema.TextLine(
        title=_("Licence line"),
        description=_(
            "The licence of the website as the law asks it to be shown in the footer, "
            "e.g. 'Giấy phép số 01/GP-STTTT do Sở Khoa học và Công nghệ tỉnh Quảng Ngãi cấp'."
        ),
        required=False,
    )
    related_links = schema.List(
        title=_("Related agencies"),
        description=_(
            "Links in the footer to the portals of related agencies, one a line as "
            "'Name|https://address' (the province portal, the national public service portal)."
        ),
        value_type=schema.TextLine(),
        required=False,
    )
