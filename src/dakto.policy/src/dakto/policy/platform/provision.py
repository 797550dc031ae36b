"""Add, list and remove the commune and ward sites of one deployment.

Every function works on the Zope application root ``app`` of a running
deployment (the ``dakto`` command's ``app_transaction()``, the
administrators' page, the REST service); the caller commits. A site is a
Plone site with the dakto.policy profile, its identity set from the
arguments before any optional demo content is added.
"""

import re
import time
import unicodedata

import transaction
from zope.component.hooks import getSite
from zope.component.hooks import setSite

from dakto.policy import DEMO_PROFILE_ID
from dakto.policy import PROFILE_ID
from dakto.policy import SITE_LANGUAGE
from dakto.policy import _
from dakto.policy.dates import TIMEZONE
from dakto.policy.identity.interfaces import DOMAIN_RE
from dakto.policy.identity.interfaces import REGISTRY_PREFIX
from dakto.policy.identity.kinds import BODY_PREFIX
from dakto.policy.identity.kinds import KINDS
from dakto.policy.identity.kinds import identity_values
from dakto.policy.identity.kinds import kind_word
from dakto.policy.usage.counting import site_key
from dakto.policy.usage.store import VIEWS


PLONE_PROFILE_ID = "Products.CMFPlone:plone"
SITE_ID_RE = re.compile(r"^[a-z][a-z0-9-]{0,61}[a-z0-9]$")

BLANK = ("address", "phone", "email", "licence", "domain")


class ProvisionError(ValueError):
    """Bad input or a refusal; ``message`` is an i18n message (dakto.policy)
    that the command, the page and the REST service translate."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _clean(value):
    return unicodedata.normalize("NFC", " ".join((value or "").split()))


def is_site(obj):
    from Products.CMFPlone.interfaces import IPloneSiteRoot

    return IPloneSiteRoot.providedBy(obj)


def sites(app):
    """The Plone sites at the root of ``app``, by id."""
    return [obj for obj in app.objectValues() if is_site(obj)]


def get_site(app, site_id):
    obj = app._getOb(site_id, None) if isinstance(site_id, str) else None
    if obj is None or not is_site(obj):
        raise ProvisionError(_("There is no site '${site}'.", mapping={"site": site_id}))
    return obj


def _record(site, name, default=""):
    registry = site._getOb("portal_registry", None)
    if registry is None:
        return default
    return registry.get(f"{REGISTRY_PREFIX}.{name}", default) or default


def identity_of(name, kind, province, domain=None):
    """The identity records of a new site from the command's arguments.

    ``name`` is the body's name ('Ủy ban nhân dân xã Ngọc Tụ') or the unit's
    ('xã Ngọc Tụ', 'Ngọc Tụ'); a kind's word in it must be ``kind``'s.
    """
    if kind not in KINDS:
        raise ProvisionError(
            _(
                "Unknown kind '${kind}': use ${kinds}.",
                mapping={"kind": kind, "kinds": ", ".join(KINDS)},
            )
        )
    name = _clean(name)
    province = _clean(province)
    domain = _clean(domain).lower() or None
    place = name
    if place.lower().startswith(BODY_PREFIX.lower()):
        place = place[len(BODY_PREFIX) :].strip()
    named = _kind_in(place)
    if named and named != kind:
        raise ProvisionError(
            _(
                "The name '${name}' is of a ${named}, not of the kind '${kind}' (${word}).",
                mapping={
                    "name": name,
                    "named": kind_word(named),
                    "kind": kind,
                    "word": kind_word(kind),
                },
            )
        )
    if named:
        place = place[len(kind_word(named)) :].strip()
    if not place:
        raise ProvisionError(_("The name of the People's Committee is empty."))
    if not province:
        raise ProvisionError(_("The province is empty."))
    if domain and not DOMAIN_RE.match(domain):
        raise ProvisionError(
            _(
                "'${domain}' is not a domain name such as xangoctu.quangngai.gov.vn.",
                mapping={"domain": domain},
            )
        )
    values = identity_values(name, kind, province, domain)
    # The profile's defaults are the demo commune's: a new site starts
    # without an address, phone, e-mail or licence of its own.
    for key in BLANK:
        values.setdefault(key, "")
    return values


def _kind_in(place):
    """The kind whose word starts ``place`` ('phường Hải Châu' -> 'phuong'), or None."""
    lowered = place.lower()
    for kind, (word, _title) in KINDS.items():
        if lowered == word or lowered.startswith(word + " "):
            return kind
    return None


def check_new_id(app, site_id):
    if not isinstance(site_id, str) or not SITE_ID_RE.match(site_id):
        raise ProvisionError(
            _(
                "'${site}' is not a site id: 2 to 63 lower-case letters, digits and hyphens, "
                "starting with a letter (e.g. xa-ngoc-tu).",
                mapping={"site": site_id},
            )
        )
    if site_id in app.objectIds() or hasattr(app.aq_base, site_id):
        raise ProvisionError(_("The id '${site}' is already taken.", mapping={"site": site_id}))


def add_site(app, site_id, name, kind, province, domain=None, demo=False):
    """Create the site ``site_id`` in ``app``; return (site, seconds taken).

    Checks everything before creating anything; the caller commits (or
    aborts: nothing is left of a failed creation).
    """
    from AccessControl.SecurityManagement import getSecurityManager
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import setSecurityManager
    from AccessControl.users import system
    from Products.CMFCore.indexing import processQueue
    from Products.CMFPlone.factory import addPloneSite

    started = time.monotonic()
    check_new_id(app, site_id)
    identity = identity_of(name, kind, province, domain)
    if identity["domain"]:
        for other in sites(app):
            if _record(other, "domain") == identity["domain"]:
                raise ProvisionError(
                    _(
                        "The domain ${domain} is already the site '${site}''s.",
                        mapping={"domain": identity["domain"], "site": other.getId()},
                    )
                )
    previous_site = getSite()
    previous_user = getSecurityManager()
    try:
        newSecurityManager(None, system)
        # No site active while the new one is made: another site's utilities
        # (intids, registry) must not see the new site's objects.
        setSite(None)
        site = addPloneSite(
            app,
            site_id,
            title=identity["portal_title"],
            profile_id=PLONE_PROFILE_ID,
            extension_ids=[PROFILE_ID],
            default_language=SITE_LANGUAGE,
            portal_timezone=TIMEZONE,
        )
        setSite(site)
        registry = site.portal_registry
        for key, value in identity.items():
            registry[f"{REGISTRY_PREFIX}.{key}"] = value
        if demo:
            site.portal_setup.runAllImportStepsFromProfile(f"profile-{DEMO_PROFILE_ID}")
        # Index now, while this site is the active one: the queue is the
        # thread's, the next site's creation would index these objects.
        processQueue()
    finally:
        setSecurityManager(previous_user)
        setSite(previous_site)
    return site, time.monotonic() - started


def describe(site):
    """One site's row: id, name, kind, province, domain, number of items."""
    return {
        "id": site.getId(),
        "name": _record(site, "body_name") or site.title,
        "title": site.title,
        "kind": _record(site, "kind") or None,
        "province": _record(site, "province"),
        "domain": _record(site, "domain"),
        "items": len(site.portal_catalog) if site._getOb("portal_catalog", None) else 0,
    }


def list_sites(app):
    """Every site of the deployment as :func:`describe` rows, by id."""
    return [describe(site) for site in sorted(sites(app), key=lambda s: s.getId())]


def remove_site(app, site_id, backup_dir):
    """Back up the site ``site_id`` into ``backup_dir`` (H8's per-site backup),
    then delete it; return the backup's path. Without a backup, nothing is
    deleted."""
    from pathlib import Path

    from dakto.policy.platform.site_backup import export_site

    get_site(app, site_id)
    if not backup_dir:
        raise ProvisionError(_("A folder for the backup is needed before a site is removed."))
    backup = export_site(app, site_id, Path(backup_dir))
    if not backup or not Path(backup).exists():
        raise ProvisionError(
            _(
                "The backup of '${site}' was not written: the site is kept.",
                mapping={"site": site_id},
            )
        )
    from AccessControl.SecurityManagement import getSecurityManager
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import setSecurityManager
    from AccessControl.users import system

    previous_site = getSite()
    previous_user = getSecurityManager()
    # The caller was allowed to remove sites; the site's own guards (published
    # items only an administrator deletes) are about its editors.
    newSecurityManager(None, system)
    try:
        setSite(app[site_id])  # its content's subscribers look up its tools
        _forget_page_views_once_removed(app[site_id])
        app.manage_delObjects([site_id])
    finally:
        setSecurityManager(previous_user)
        keep = previous_site is not None and previous_site.getId() != site_id
        setSite(previous_site if keep else None)
    return Path(backup)


def _forget_page_views_once_removed(site):
    """The site's page views live outside the ZODB (usage.store): once its
    removal is committed, its rows go too, so that a new site given the same
    id starts at zero."""
    key = site_key(site)

    def forget(committed):
        if committed:
            VIEWS.forget_site(key)

    transaction.get().addAfterCommitHook(forget)
