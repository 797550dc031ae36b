"""The planned-downtime notice (NĐ 64/2007 Art. 16): administrators set the
start and end in the control panel; every page shows the notice from 7
working days before the start until the portal is back."""

from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout

from dakto.policy import _
from dakto.policy.dates import TIMEZONE
from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_datetime
from dakto.policy.dates import long_date
from dakto.policy.editorial_board.deadlines import holidays as board_holidays
from dakto.policy.editorial_board.deadlines import is_working_day
from dakto.policy.presentation.interfaces import MAINTENANCE_PREFIX
from dakto.policy.presentation.interfaces import NOTICE_WORKING_DAYS
from dakto.policy.presentation.interfaces import IMaintenanceSettings


def working_days_before(day, count, holidays):
    """The ``count``-th working day before ``day`` (``day`` itself not counted);
    Saturdays, Sundays and ``holidays`` are skipped."""
    remaining = count
    while remaining > 0:
        day -= timedelta(days=1)
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def now_in_vietnam():
    """Now as a naive datetime in Viet Nam time (how the registry stores it)."""
    return datetime.now(ZoneInfo(TIMEZONE)).replace(tzinfo=None)


def notice_starts(starts, holidays):
    """First day the notice of a downtime starting at ``starts`` is shown."""
    return working_days_before(starts.date(), NOTICE_WORKING_DAYS, holidays)


def notice_due(starts, ends, now, holidays):
    """Whether the notice shows at ``now`` (naive, Viet Nam time)."""
    if not starts:
        return False
    if now >= (ends or starts):
        return False
    return now.date() >= notice_starts(starts, holidays)


def maintenance_settings():
    registry = api.portal.get_tool("portal_registry")
    return registry.forInterface(IMaintenanceSettings, prefix=MAINTENANCE_PREFIX, check=False)


class MaintenanceNoticeViewlet(ViewletBase):
    """Shown on every page while a planned downtime is announced."""

    def update(self):
        super().update()
        self.notice = None
        try:
            settings = maintenance_settings()
            starts, ends, message = settings.starts, settings.ends, settings.message
        except (KeyError, AttributeError):
            return
        if notice_due(starts, ends, now_in_vietnam(), board_holidays()):
            language = self.request.get("LANGUAGE", "vi") or "vi"
            self.notice = {
                "starts": local_datetime(starts),
                "ends": local_datetime(ends) if ends else "",
                "starts_iso": iso_datetime(starts),
                "ends_iso": iso_datetime(ends) if ends else "",
                "starts_long": long_date(starts, language),
                "message": message or "",
            }

    def render(self):
        return self.index() if self.notice else ""


class MaintenanceControlPanelForm(RegistryEditForm):
    schema = IMaintenanceSettings
    schema_prefix = MAINTENANCE_PREFIX
    label = _("Planned maintenance")
    description = _(
        "Announce a planned interruption of the portal. The notice shows on every "
        "page from 7 working days before it starts (NĐ 64/2007, Article 16) until "
        "it ends. Clear the start to withdraw it."
    )


MaintenanceControlPanelView = layout.wrap_form(MaintenanceControlPanelForm, ControlPanelFormWrapper)
