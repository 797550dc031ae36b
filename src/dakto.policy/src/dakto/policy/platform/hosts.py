"""Every site served by its own host name (issue 15, docs/platform-storage.md).

The host → site routing is the Zope root's VirtualHostMonster's mapping
(``app.virtual_hosting``, Products.SiteAccess), stored in the ZODB: every
Zope process of the cluster reads it from the shared RelStorage database, so
a site added (or its domain changed) is served by its name as soon as the
transaction commits, with no restart and no proxy configuration. HAProxy and
Varnish pass the ``Host`` header through; Varnish keys its cache by host and
URL and bans a purge on the host it names (deploy/varnish/default.vcl).

One line a site, written by :func:`sync` from the sites' identity records
(``domain``, set by provisioning)::

    xadakto.quangngai.gov.vn/VirtualHostBase/https/xadakto.quangngai.gov.vn:443/xadakto/VirtualHostRoot

so that the site's pages name ``https://xadakto.quangngai.gov.vn/…`` behind
the province's TLS front. The same call points the site's plone.cachepurging
settings at that domain (virtual hosting on), so its purges name its host
only: a purge from site A never evicts site B's pages. Lines an administrator
wrote by hand in the ZMI (not of this form) are kept.
"""

import re

from dakto.policy.identity.interfaces import REGISTRY_PREFIX


SCHEME = "https"
PORT = 443
VHM_ID = "virtual_hosting"
PURGE_PREFIX = "plone.cachepurging.interfaces.ICachePurgingSettings."
MANAGED = re.compile(
    r"^(?P<host>[^/\s]+)/VirtualHostBase/(https?)/[^/]+/(?P<site>[^/]+)/VirtualHostRoot$"
)


def _vhm(app):
    vhm = app._getOb(VHM_ID, None)
    if vhm is None:
        from Products.SiteAccess.VirtualHostMonster import VirtualHostMonster

        vhm = VirtualHostMonster()
        vhm.id = VHM_ID
        vhm.addToContainer(app)
        vhm = app._getOb(VHM_ID)
    return vhm


def line(domain, site_id, scheme=SCHEME, port=PORT):
    return f"{domain}/VirtualHostBase/{scheme}/{domain}:{port}/{site_id}/VirtualHostRoot"


def domain_of(site):
    registry = site._getOb("portal_registry", None)
    if registry is None:
        return ""
    return (registry.get(f"{REGISTRY_PREFIX}.domain", "") or "").strip().lower()


def _sites(app):
    from Products.CMFPlone.interfaces import IPloneSiteRoot

    return [obj for obj in app.objectValues() if IPloneSiteRoot.providedBy(obj)]


def mapping(app):
    """``{host: site_id}`` of the root's host map (the lines of this module)."""
    vhm = app._getOb(VHM_ID, None)
    found = {}
    for text in getattr(vhm, "lines", ()):
        match = MANAGED.match(text.split("#!")[0].strip())
        if match:
            found[match["host"]] = match["site"]
    return found


def set_purge_domain(site, domain, scheme=SCHEME, port=PORT):
    """plone.cachepurging of ``site``: virtual hosting on, purges for its
    domain (without a domain: plain paths, as before)."""
    registry = site.portal_registry
    if f"{PURGE_PREFIX}domains" not in registry.records:
        return
    _set(registry, "virtualHosting", bool(domain))
    _set(registry, "domains", (f"{scheme}://{domain}:{port}",) if domain else ())


def _set(registry, name, value):
    """Write a plone.cachepurging record only when it changes: a sync touches
    every site, and an unchanged site must not be written (no conflicts
    with that site's own transactions)."""
    key = f"{PURGE_PREFIX}{name}"
    if registry.get(key) != value:
        registry[key] = value


def _proxies(sites):
    """The caching proxies the deployment's sites purge (the first site's that
    has some: every site of one deployment purges the same Varnish)."""
    for site in sites:
        registry = site._getOb("portal_registry", None)
        if registry is not None and f"{PURGE_PREFIX}cachingProxies" in registry.records:
            value = registry.get(f"{PURGE_PREFIX}cachingProxies") or ()
            if value:
                return tuple(value)
    return ()


def sync(app, scheme=SCHEME, port=PORT, proxies=None):
    """Write the root's host map from every site's domain; point each site's
    purges at its domain and at the caching proxies (``proxies``, default:
    those another site of the deployment purges), purging on. Returns
    ``{host: site_id}``. Runs by itself when a site's domain record changes
    or a site is removed (:func:`domain_changed`, :func:`site_removed`); the
    caller commits."""
    sites = sorted(_sites(app), key=lambda site: site.getId())
    proxies = tuple(proxies or ()) or _proxies(sites)
    wanted = {}
    for site in sites:
        domain = domain_of(site)
        if domain and domain not in wanted:
            wanted[domain] = site.getId()
    vhm = _vhm(app)
    kept = [
        text
        for text in getattr(vhm, "lines", ())
        if text.strip() and not MANAGED.match(text.split("#!")[0].strip())
    ]
    lines = kept + [line(host, site_id, scheme, port) for host, site_id in sorted(wanted.items())]
    if tuple(lines) != tuple(getattr(vhm, "lines", ())):
        vhm.set_map("\n".join(lines))
    for site in sites:
        domain = domain_of(site)
        set_purge_domain(site, domain if wanted.get(domain) == site.getId() else "", scheme, port)
        if proxies and f"{PURGE_PREFIX}cachingProxies" in site.portal_registry.records:
            _set(site.portal_registry, "cachingProxies", tuple(proxies))
            _set(site.portal_registry, "enabled", True)
    return wanted


def domain_changed(event):
    """A site's ``domain`` record changed (provisioning, the identity control
    panel): the host map follows, in the same transaction."""
    record = getattr(event, "record", None)
    if getattr(record, "__name__", None) != f"{REGISTRY_PREFIX}.domain":
        return
    from zope.component.hooks import getSite

    site = getSite()
    if site is None or not hasattr(site, "getPhysicalRoot"):
        return
    app = site.getPhysicalRoot()
    sync(app)


def site_removed(site, event):
    """A site removed: its host line goes (another site may take the domain)."""
    parent = getattr(event, "oldParent", None)
    if parent is not None and getattr(parent, VHM_ID, None) is not None:
        sync(parent)


class SyncHosts:
    """``dakto sync-hosts``: the root's host map and each site's purge domain
    from the sites' domains, in the running deployment (no restart)."""

    help = "Serve every site by its domain: write the host map of the Zope root (no restart)"

    def add_arguments(self, parser):
        from dakto.policy.commands import t

        parser.add_argument(
            "--scheme", choices=("https", "http"), default=SCHEME, help=t("Public scheme")
        )
        parser.add_argument("--port", type=int, default=PORT, help=t("Public port"))

    def run(self, context, args):
        from dakto.policy.caching.purge import parse_proxies
        from dakto.policy.commands import CommandError
        from dakto.policy.commands import t

        if not 0 < args.port < 65536:
            raise CommandError(t("The port must be between 1 and 65535."))
        proxies = parse_proxies(getattr(context.settings, "purge_url", "") or "")
        with context.app_transaction() as app:
            found = sync(app, args.scheme, args.port, proxies=proxies)
        for host, site_id in sorted(found.items()):
            context.say(f"{args.scheme}://{host}/ → {site_id}")
        context.say(t("${count} sites served by their domain.", count=len(found)))
