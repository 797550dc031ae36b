"""Personal-data settings and the interface of what holds personal data."""

from zope import schema
from zope.interface import Attribute
from zope.interface import Interface

from dakto.policy import _
from dakto.policy import permissions


REGISTRY_PREFIX = "dakto.personal_data"
CONFIGLET_ID = "dakto-personal-data"
NOTICE_ID = "chinh-sach-du-lieu-ca-nhan"  # the notice page, at the site root

# Need-to-know (Luật 91/2025): who may see a citizen's contact details.
VIEW_PERSONAL_DATA = permissions.VIEW_PERSONAL_DATA


class IPersonalDataSettings(Interface):
    """Registry records (prefix ``dakto.personal_data``)."""

    notice_version = schema.TextLine(
        title=_("Personal-data notice version"),
        description=_(
            "Change it whenever the notice page changes: every consent is "
            "recorded with the version the person saw."
        ),
        default="1.0",
        required=True,
        max_length=20,
    )
    notice_date = schema.Date(
        title=_("Personal-data notice date"),
        required=False,
    )
    retention_days = schema.Int(
        title=_("Retention period of personal data (days)"),
        description=_(
            "Personal data of closed items older than this is removed by the "
            "command 'dakto purge-personal-data'."
        ),
        default=730,
        min=1,
        max=36500,
        required=True,
    )


class IPersonalDataHolder(Interface):
    """Something that stores people's data (feedback, comments on drafts, ...).

    Register an implementation as a NAMED utility; the administrator's
    personal-data page and the purge command go through all of them. A
    record is a dict: ``{"uid", "url", "title", "created" (ISO date-time),
    "data": {field: value}, "consent": {...} or None}``.
    """

    title = Attribute("What holds the data, for people (an i18n message)")

    def find(email=None, phone=None):
        """The records of the person with this e-mail and/or phone number."""

    def correct(uid, changes):
        """Change personal fields (name, email, phone, address, ...) of a record."""

    def erase(uid):
        """Remove the person's data from the record (the rest may stay)."""

    def purge(before):
        """Erase personal data of CLOSED records last changed before ``before``
        (a timezone-aware datetime); return how many records were purged."""
