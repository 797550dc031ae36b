"""The browser title (``<title>``): "<page> — <site name>".

Plone's viewlet shows only the site's name on every page of the site root
(the search page, the dossier lookup, the error pages): a view that has a
``page_title`` (a message or text) gets it before the site's name.
"""

from html import escape

from plone.app.layout.viewlets.common import TitleViewlet as PloneTitleViewlet
from zope.i18n import translate


def view_page_title(view, request):
    """The translated ``page_title`` of ``view``, or ``""``."""
    title = getattr(view, "page_title", None)
    if callable(title):
        title = title()
    return translate(title, context=request) if title else ""


class TitleViewlet(PloneTitleViewlet):
    def update(self):
        super().update()
        page = view_page_title(self.view, self.request)
        if page:
            site = escape(self.site_title_setting or "")
            self.site_title = self.sep.join([escape(page), site]) if site else escape(page)
