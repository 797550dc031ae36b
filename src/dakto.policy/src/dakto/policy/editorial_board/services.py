"""REST services of the editorial board.

``GET <register>/@intake-register?channel=&person=&month=YYYY-MM&status=``,
``GET <site>/@editorial-quota?month=YYYY-MM``, ``GET <site>/@editorial-dashboard``.
A bad filter answers 400 naming the parameter.
"""

from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate

from dakto.policy.editorial_board import reports


class _Base(Service):
    def filters(self, read):
        try:
            return read(self.request.form)
        except reports.FilterError as problem:
            raise BadRequest(translate(problem.message, context=self.request)) from None


class IntakeRegisterGet(_Base):
    def reply(self):
        filters = self.filters(reports.register_filters)
        items = reports.register(filters)
        return {
            "@id": f"{self.context.absolute_url()}/@intake-register",
            "filters": filters,
            "items_total": len(items),
            "items": items,
        }


class QuotaGet(_Base):
    def reply(self):
        month = self.filters(reports.read_month)
        return {"@id": f"{self.context.absolute_url()}/@editorial-quota"} | reports.quota(month)


class DashboardGet(_Base):
    def reply(self):
        return {"@id": f"{self.context.absolute_url()}/@editorial-dashboard"} | reports.dashboard()


class DigestPost(Service):
    """``POST <site>/@editorial-digest``: send the daily digest now (for cron
    next to a running FileStorage server, where ``dakto digest`` cannot open
    the database). Answers the number of late items and of messages."""

    def reply(self):
        from plone.protect.interfaces import IDisableCSRFProtection
        from zope.interface import alsoProvides

        from dakto.policy.editorial_board.digest import send_digest

        alsoProvides(self.request, IDisableCSRFProtection)
        count, sent = send_digest()
        return {"late_items": count, "messages_sent": sent}
