"""Pages of the editorial board: the intake register, the monthly quota and
the dashboard. Filters live in the URL (GET), so a filtered page can be
bookmarked; a bad filter shows a message and is ignored."""

from datetime import date

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from dakto.policy.dates import local_date
from dakto.policy.dates import local_datetime
from dakto.policy.editorial_board import deadlines
from dakto.policy.editorial_board import reports
from dakto.policy.editorial_board.content import CHANNELS
from dakto.policy.permissions import VIEW_EDITORIAL_REPORTS


STATUS_CSS = {
    "waiting": "bg-info text-dark",
    "late": "bg-danger",
    "approved": "bg-success",
}


def _parse_iso(value):
    if not value:
        return None
    from DateTime import DateTime

    if len(value) == 10:
        return date.fromisoformat(value)
    return DateTime(value)


class Base(BrowserView):
    def t(self, msgid):
        return translate(msgid, context=self.request)

    def date(self, value):
        return local_date(_parse_iso(value)) if isinstance(value, str) else local_date(value)

    def datetime(self, value):
        return (
            local_datetime(_parse_iso(value)) if isinstance(value, str) else local_datetime(value)
        )

    def status_badge(self, status):
        return {
            "title": self.t(reports.STATUSES.get(status, status)),
            "css": f"badge {STATUS_CSS.get(status, 'bg-secondary')}",
        }

    def portal_url(self):
        return api.portal.get().absolute_url()


class IntakeRegisterView(Base):
    """``<register>/@@intake-register?channel=&person=&month=&status=``"""

    error = None

    def update(self):
        try:
            self.filters = reports.register_filters(self.request.form)
        except reports.FilterError as problem:
            self.error = self.t(problem.message)
            self.filters = {"channel": "", "person": "", "month": "", "status": ""}
        self.entries = reports.register(self.filters)

    def __call__(self):
        self.update()
        return self.index()

    def channels(self):
        return [
            {"token": token, "title": self.t(title), "selected": token == self.filters["channel"]}
            for token, title in CHANNELS
        ]

    def statuses(self):
        return [
            {"token": token, "title": self.t(title), "selected": token == self.filters["status"]}
            for token, title in reports.STATUSES.items()
        ]

    def can_add(self):
        return api.user.has_permission("Add portal content", obj=self.context)

    def rules(self):
        return {"days": deadlines.approval_days()}


class QuotaView(Base):
    """``@@editorial-quota?month=YYYY-MM``"""

    error = None

    def __call__(self):
        try:
            self.month = reports.read_month(self.request.form)
        except reports.FilterError as problem:
            self.error = self.t(problem.message)
            self.month = deadlines.month_token(deadlines.today())
        self.data = reports.quota(self.month)
        return self.index()

    def month_label(self):
        first, _following = deadlines.month_bounds(self.month)
        return f"{first.month:02d}/{first.year}"

    def below(self):
        return [m for m in self.data["members"] if m["below_quota"]]


class DashboardView(Base):
    """``@@editorial-dashboard``: the queues of the current user's duties."""

    def __call__(self):
        self.data = reports.dashboard()
        return self.index()

    def quota_url(self):
        return f"{self.portal_url()}/@@editorial-quota"

    def register_url(self):
        from dakto.policy.editorial_board.setup import register_folder

        folder = register_folder()
        return folder.absolute_url() if folder is not None else None

    def can_see_quota(self):
        return api.user.has_permission(VIEW_EDITORIAL_REPORTS, obj=api.portal.get())
