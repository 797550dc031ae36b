"""The beacon's endpoint, the "Lượt xem" line and the REST counts.

- ``@@dakto-view?uid=<the page's UID>`` (on the site, public, never cached):
  the beacon. Every page carries it as a hidden 1×1 image (no JavaScript
  needed; browsers fetch hidden images); the answer is a GIF with
  ``Cache-Control: no-store`` and no cookie, so Varnish passes every one of
  them to Zope and a page served from Varnish still reports its view. A POST
  (``navigator.sendBeacon``) is answered 204;
- viewlet ``dakto.page-views`` (below the title of every content item): the
  beacon image and, on articles and procedures, "Lượt xem: N". The number
  is part of the cached page; once the page and its beacon have loaded,
  dakto.js puts the number of now in its place (from ``@page-views``);
  without JavaScript it lags by as long as the page stays cached;
- ``GET {item}/@page-views``: an item's total and its views per day;
  ``GET {site}/@page-views?start=&end=``: the period's views per section and
  per item (``dakto.policy: View reports``).
"""

import base64

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from dakto.policy.reports.services import PeriodService
from dakto.policy.usage import counting
from dakto.policy.usage import figures
from dakto.policy.usage.store import VIEWS


PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
SHOWN_TYPES = ("News Item", "Procedure")  # "Lượt xem" as provincial portals show it


def no_store(response):
    response.setHeader("Cache-Control", "no-store, private, max-age=0")
    response.setHeader("X-Robots-Tag", "noindex")


class BeaconView(BrowserView):
    """``@@dakto-view``: count one view (see ``counting.count_view``)."""

    def __call__(self):
        response = self.request.response
        uid = self.request.form.get("uid")
        result = counting.count_view(self.request, self.context, uid)
        no_store(response)
        response.setHeader("X-Dakto-View", result)
        if self.request.method == "POST":
            response.setStatus(204)
            return b""
        response.setHeader("Content-Type", "image/gif")
        return PIXEL


class PageViewsViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/viewlet.pt")

    def update(self):
        super().update()
        self.uid = api.content.get_uuid(self.context)
        self.beacon = f"{api.portal.get().absolute_url()}/@@dakto-view"
        self.shown = self.context.portal_type in SHOWN_TYPES

    def pixel(self):
        return f"{self.beacon}?uid={self.uid}"

    def count(self):
        return counting.number(VIEWS.total(counting.site_key(), self.uid))

    def count_url(self):
        """What dakto.js asks, once the page and its beacon have loaded, for
        the number now (the page may come from Varnish's cache)."""
        return f"{self.context.absolute_url()}/@page-views"


class ItemPageViewsGet(Service):
    """``GET {item}/@page-views``"""

    def reply(self):
        uid = api.content.get_uuid(self.context)
        days = VIEWS.by_day(counting.site_key(), uid, "0000-00-00", "9999-99-99")
        total = sum(n for _day, n in days)
        no_store(self.request.response)  # the number now, never a cached one
        return {
            "@id": f"{self.context.absolute_url()}/@page-views",
            "uid": uid,
            "total": total,
            "total_shown": counting.number(total),
            "days": [{"day": day, "views": n} for day, n in days],
        }


class SitePageViewsGet(PeriodService):
    """``GET {site}/@page-views?start=&end=`` (the last half-year without dates)."""

    def data(self, period):
        found = figures.period_views(period)
        return {
            "@id": f"{self.context.absolute_url()}/@page-views",
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "total": found["total"],
            "sections": found["sections"],
            "items": found["items"],
        }
