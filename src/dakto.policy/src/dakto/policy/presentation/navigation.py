"""The parts of every page built from catalog queries that are the same for
every anonymous visitor — the main menu, the homepage blocks — kept in
memory until the catalog changes, and a language selector that does not
walk all of Plone's ~500 language records on each page.

An anonymous page that Varnish or plone.app.caching does not cache still
pays for these on every request: the menu is two catalog queries and the
portal_tabs actions (5–6 ms of the ~50 ms a homepage takes), the homepage
blocks five queries (6–7 ms), the navigation portlet beside an article its
tree (about a fifth of the article page), kept for each page it is shown on. Each is memoised under a key that changes
whenever the catalog does (every edit, publish, retract, move or sharing
change reindexes something), plus the site's address and the language;
and every minute, so that an item whose publishing date (or a draft whose
comment period) begins later becomes visible within a minute without any
catalog change. Logged-in users are never served a memoised menu or block:
what they may see differs from one to another.
"""

import os
import time

from plone import api
from plone.app.i18n.locales.browser import selector
from plone.app.i18n.locales.browser.selector import LanguageSelector
from plone.app.layout.viewlets.common import GlobalSectionsViewlet
from plone.app.portlets.portlets import navigation as navigation_portlet
from plone.memoize import ram
from plone.registry.interfaces import IRegistry
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getUtility
from zope.schema import getFieldNamesInOrder


#: How long an anonymous menu or homepage block may lag behind a publishing
#: date that begins without a catalog change, in seconds.
TIME_BUCKET = 60


def catalog_version():
    """What identifies the catalog's committed state: its change counter and
    the transaction that last wrote it. ``ram.DontCache`` while the current
    transaction has changed the catalog (it may still abort)."""
    catalog = api.portal.get_tool("portal_catalog")
    counter = catalog.getCounter()  # processes the indexing queue first
    length = getattr(catalog, "_counter", None)
    if getattr(length, "_p_changed", False):
        raise ram.DontCache
    return (counter, getattr(length, "_p_serial", None))


def anonymous_catalog_key(view, *extra):
    """A cache key for what ``view`` renders from the catalog for anonymous
    visitors; refuses (``ram.DontCache``) for a logged-in user."""
    if not api.user.is_anonymous():
        raise ram.DontCache
    return (
        api.portal.get().absolute_url(),  # the address it is served under
        view.request.get("LANGUAGE", ""),
        catalog_version(),
        int(time.time() // TIME_BUCKET),
        *extra,
    )


def _global_navigation_key(method, viewlet):
    settings = viewlet.settings
    # Items hidden from the menu appear only under themselves: then the
    # menu depends on where the visitor is.
    where = "/".join(viewlet.context.getPhysicalPath()) if settings.show_excluded_items else ""
    return anonymous_catalog_key(viewlet, viewlet.navtree_path, where)


class MemoisedGlobalSectionsViewlet(GlobalSectionsViewlet):
    """Plone's main menu, its HTML memoised for anonymous visitors.

    The menu's HTML does not mark the current section (Plone's
    ``pat-navigationmarker`` does, in the browser), so one copy serves
    every page.
    """

    # Plone puts ``role`` and ``aria-label`` on the sub-menu opener's
    # ``<label>``, which HTML forbids on a label associated with an input
    # (Nu HTML Checker): the name goes on the checkbox it belongs to.
    _opener_markup_template = (
        '<input id="navitem-{uid}" type="checkbox" class="opener" aria-label="{title}" />'
        '<label for="navitem-{uid}"></label>'
    )

    @ram.cache(_global_navigation_key)
    def render(self):
        return super().render()


def _navigation_portlet_key(method, renderer):
    # The tree opens the path to the page and marks it: one copy per page,
    # per portlet and its settings.
    settings = tuple(
        getattr(renderer.data, name, None)
        for name in getFieldNamesInOrder(navigation_portlet.INavigationPortlet)
    )
    return anonymous_catalog_key(
        renderer,
        method.__name__,
        "/".join(renderer.context.getPhysicalPath()),
        renderer.manager.__name__,
        renderer.data.__name__,
        settings,
    )


class MemoisedNavigationRenderer(navigation_portlet.Renderer):
    """Plone's navigation portlet, its HTML (and whether it shows at all)
    memoised for anonymous visitors on each page."""

    @property
    def available(self):
        return self._available()

    @ram.cache(_navigation_portlet_key)
    def _available(self):
        return super().available

    @ram.cache(_navigation_portlet_key)
    def render(self):
        return super().render()


class SupportedLanguageSelector(LanguageSelector):
    """Plone's language selector, reading only the supported languages.

    Plone's ``getAvailableLanguageInformation`` reads the registry once for
    each of the ~500 languages it knows to mark the supported ones: about
    2.5 ms on every page for a list of two.
    """

    render = ViewPageTemplateFile("languageselector.pt", _prefix=os.path.dirname(selector.__file__))

    def languages(self):
        if self.tool is None:
            return []
        current = self.tool.getLanguageBindings(self.request)[0]
        supported = getUtility(IRegistry)["plone.available_languages"]
        names = self.tool.getAvailableLanguages()  # a shallow copy: build new dicts
        return [
            {**names.get(code, {"name": code}), "code": code, "selected": code == current}
            for code in supported
        ]
