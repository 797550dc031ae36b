"""What is purged from the caching proxy, and where the proxy is.

plone.app.caching purges an edited or published item's own paths and its
parent's. The homepage and the section page (e.g. /tin-tuc) list the newest
items of the whole site or section, so they are purged too.
"""

import weakref

import transaction
from Acquisition import aq_chain
from Acquisition import aq_inner
from plone import api
from plone.base.interfaces import INavigationRoot
from Products.CMFCore.interfaces import IContentish
from z3c.caching.interfaces import IPurgePaths
from zope.component import adapter
from zope.interface import implementer


PROXIES_RECORD = "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies"
PURGING_RECORD = "plone.cachepurging.interfaces.ICachePurgingSettings.enabled"


def _paths(obj):
    prefix = "/" + obj.virtual_url_path()
    return [prefix, prefix + "/", prefix + "/view", prefix + "/rss"]


@implementer(IPurgePaths)
@adapter(IContentish)
class ListingPurgePaths:
    """The site root's and the top-level section's paths of an item."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        chain = [
            obj for obj in aq_chain(aq_inner(self.context)) if hasattr(obj, "virtual_url_path")
        ]
        root_index = next(
            (i for i, obj in enumerate(chain) if INavigationRoot.providedBy(obj)), None
        )
        if root_index is None:
            return []
        paths = _paths(chain[root_index])
        if root_index >= 2:  # the section: the root's child on the way up
            paths += _paths(chain[root_index - 1])
        if root_index >= 3:  # the parent folder's feed (e.g. a news topic's)
            paths += _paths(chain[1])
        return paths

    def getAbsolutePaths(self):
        return []


def parse_proxies(value):
    """`http://127.0.0.1:6081 http://10.0.0.2:6081` (spaces or commas) -> tuple."""
    return tuple(part for part in value.replace(",", " ").split() if part)


def apply_purge_settings(portal, purge_url):
    """Point plone.cachepurging at the proxies of DAKTO_PURGE_URL and turn
    purging on; an empty value keeps what the site has (control panel)."""
    proxies = parse_proxies(purge_url or "")
    if not proxies:
        return False
    registry = api.portal.get_tool("portal_registry")
    registry[PROXIES_RECORD] = proxies
    registry[PURGING_RECORD] = True
    return True


_BANS = weakref.WeakKeyDictionary()  # transaction -> the paths it bans after its commit


def ban_after_commit(paths):
    """Ask the site's caching proxies to drop the pages whose URLs match
    ``paths`` (BAN, deploy/varnish/default.vcl) once the transaction is
    committed (a page fetched again meanwhile would otherwise be the old
    one). However many times a transaction asks, each path is banned once."""
    from plone.cachepurging.interfaces import ICachePurgingSettings
    from plone.cachepurging.interfaces import IPurger
    from plone.cachepurging.utils import isCachePurgingEnabled
    from zope.component import queryUtility

    try:
        if not isCachePurgingEnabled():
            return
        registry = api.portal.get_tool("portal_registry")
    except api.exc.CannotGetPortalError:
        return  # outside a site (the Zope root): no proxies configured here
    proxies = registry.forInterface(ICachePurgingSettings, check=False).cachingProxies or ()
    purger = queryUtility(IPurger)
    if purger is None or not proxies:
        return
    current = transaction.get()
    pending = _BANS.get(current)
    if pending is None:
        pending = _BANS[current] = set()

        def ban(committed):
            if committed:
                for proxy, path in sorted(pending):
                    purger.purgeAsync(proxy.rstrip("/") + path, httpVerb="BAN")

        current.addAfterCommitHook(ban)
    pending.update((proxy, path) for proxy in proxies for path in paths)
