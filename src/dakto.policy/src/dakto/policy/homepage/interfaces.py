"""The urgent notice's settings (registry records ``dakto.urgent_notice.*``)."""

from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant
from zope.viewlet.interfaces import IViewletManager

from dakto.policy import _


NOTICE_PREFIX = "dakto.urgent_notice"
NOTICE_CONFIGLET = "dakto-urgent-notice"
WEB_SCHEMES = ("https://", "http://")
LINK_MESSAGE = _("The link must be a web address starting with https:// or http://.")


class IHomepageSections(IViewletManager):
    """The viewlet manager of the homepage's sections."""


class IUrgentNoticeSettings(Interface):
    """An urgent announcement (flood, storm, power or water outage) shown at
    the top of every page from its start to its end, Viet Nam time."""

    heading = schema.TextLine(
        title=_("Notice heading"),
        description=_("Short, e.g. 'Cảnh báo lũ quét trên địa bàn xã'."),
        required=False,
    )
    message = schema.Text(
        title=_("Notice text"),
        description=_("What happens, where, and what people should do."),
        required=False,
    )
    link = schema.URI(
        title=_("Link to details"),
        description=_("Optional: the article or page with the details."),
        required=False,
    )
    starts = schema.Datetime(
        title=_("Shown from"),
        description=_("Date and time (Viet Nam) the notice appears."),
        required=False,
    )
    ends = schema.Datetime(
        title=_("Shown until"),
        description=_("Date and time (Viet Nam) the notice disappears."),
        required=False,
    )

    @invariant
    def complete(data):
        starts = getattr(data, "starts", None)
        ends = getattr(data, "ends", None)
        if bool(starts) != bool(ends):
            raise Invalid(_("Enter both when the notice is shown from and until."))
        if starts and ends and ends <= starts:
            raise Invalid(_("The notice must end after it starts."))
        if starts and not (getattr(data, "heading", None) or getattr(data, "message", None)):
            raise Invalid(_("Enter the notice's heading or text."))
        link = getattr(data, "link", None)
        if link and not link.lower().startswith(WEB_SCHEMES):
            raise Invalid(LINK_MESSAGE)
