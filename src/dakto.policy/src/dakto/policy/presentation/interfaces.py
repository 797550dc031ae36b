from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant

from dakto.policy import _


MAINTENANCE_PREFIX = "dakto.maintenance"
MAINTENANCE_CONFIGLET = "dakto-maintenance"
# NĐ 64/2007 Art. 16: planned interruptions are announced 7 working days ahead.
NOTICE_WORKING_DAYS = 7


class IMaintenanceSettings(Interface):
    """A planned downtime, announced on every page (NĐ 64/2007 Art. 16)."""

    starts = schema.Datetime(
        title=_("Downtime starts"),
        description=_(
            "Date and time (Viet Nam) the portal stops. The notice shows on every "
            "page from 7 working days before."
        ),
        required=False,
    )
    ends = schema.Datetime(
        title=_("Downtime ends"),
        description=_("Date and time (Viet Nam) the portal is back."),
        required=False,
    )
    message = schema.Text(
        title=_("Notice text"),
        description=_("Optional; the reason or what visitors can do meanwhile."),
        required=False,
    )

    @invariant
    def ends_after_start(data):
        starts = getattr(data, "starts", None)
        ends = getattr(data, "ends", None)
        if starts and ends and ends <= starts:
            raise Invalid(_("The downtime must end after it starts."))
        if ends and not starts:
            raise Invalid(_("Enter when the downtime starts."))


class IImageAltText(Interface):
    """Marker: the content has an alternative text (see behaviors)."""
