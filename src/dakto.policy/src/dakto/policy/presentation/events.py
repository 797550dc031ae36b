"""Plone's "Upcoming Events" portlet (plone.app.event) in the portal's
Vietnamese formats: its dates as ``dates.local_period`` writes them
(dd/mm/yyyy, 24-hour), no time zone name, its strings translated (plone
domain, locales/vi/LC_MESSAGES/plone.po).

Plone's renderer formats the dates with ``ulocalized_time`` in the language
of the request that first filled its memo of the events, so that visitors
got "Dec 04, 2026 03:00 PM" whatever their language."""

from plone.app.event.portlets.portlet_events import Renderer
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_period


class EventsRenderer(Renderer):
    _template = ViewPageTemplateFile("templates/events_portlet.pt")

    def when(self, item):
        """``{"text", "iso"}`` of an event (an IEventAccessor)."""
        return {
            "text": local_period(
                item.start,
                item.end,
                whole_day=bool(getattr(item, "whole_day", False)),
                open_end=bool(getattr(item, "open_end", False)),
            ),
            "iso": iso_datetime(item.start),
        }
