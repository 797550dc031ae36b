"""The province's index of every commune site's news and legal documents.

The province page (``province_views.py``) lists the newest news and legal
documents of all the communes and looks legal documents up by number or
words across the province, without opening any commune site per request: it
reads ONE persistent index at the Zope root (``app._dakto_province_index``),
in the same database as the sites (RelStorage: every Zope process sees it).

Each site's own events feed it, in the transaction of the change (an aborted
edit leaves no trace): an item added, edited, moved, published, retracted or
removed updates its one entry; an entry exists only while the item is
published (what the public sees). Removing a site drops its entries;
restoring a site from its backup (site_backup.restore_site) or
:func:`reindex_site` rebuilds them from that site's catalog.

Entries are plain dicts keyed ``<site id>/<UID>``; two BTrees sort them by
date (newest first, all sites or one site) and hold the folded number keys.
"""

import datetime

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent

from dakto.policy.caching.purge import ban_after_commit
from dakto.policy.text import fold
from dakto.policy.workflow.names import PUBLISHED


ATTRIBUTE = "_dakto_province_index"
NEWS = "news"
LEGAL = "legal"
KINDS = (NEWS, LEGAL)
NEWS_TYPE = "News Item"
LEGAL_TYPE = "LegalDocument"
TYPES = {NEWS_TYPE: NEWS, LEGAL_TYPE: LEGAL}


class ProvinceIndex(Persistent):
    def __init__(self):
        self.entries = OOBTree()  # key -> dict
        self.by_date = OOBTree()  # (kind, date, key) -> key
        self.by_site = OOBTree()  # (site, kind, date, key) -> key
        self.numbers = OOBTree()  # folded number key -> OOTreeSet(keys)
        self.count = Length()

    # -- writing --------------------------------------------------------
    def _unlink(self, key, entry):
        kind, date, site = entry["kind"], entry["date"], entry["site"]
        self.by_date.pop((kind, date, key), None)
        self.by_site.pop((site, kind, date, key), None)
        for number in entry.get("number_keys", ()):
            keys = self.numbers.get(number)
            if keys is not None and key in keys:
                keys.remove(key)
                if not keys:
                    del self.numbers[number]

    def put(self, entry):
        """Store ``entry``; True if it is new or changed."""
        key = entry["key"]
        old = self.entries.get(key)
        if old == entry:
            return False
        if old is not None:
            self._unlink(key, old)
        else:
            self.count.change(1)
        self.entries[key] = entry
        self.by_date[(entry["kind"], entry["date"], key)] = key
        self.by_site[(entry["site"], entry["kind"], entry["date"], key)] = key
        for number in entry.get("number_keys", ()):
            keys = self.numbers.get(number)
            if keys is None:
                keys = self.numbers[number] = OOTreeSet()
            keys.add(key)
        return True

    def drop(self, key):
        """Drop the entry ``key``; True if there was one."""
        old = self.entries.pop(key, None)
        if old is not None:
            self._unlink(key, old)
            self.count.change(-1)
        return old is not None

    def drop_site(self, site_id):
        keys = [key for key in self.entries.keys(f"{site_id}/", f"{site_id}/\uffff")]
        for key in keys:
            self.drop(key)
        return len(keys)

    # -- reading --------------------------------------------------------
    def newest(self, kind, site=None, limit=10, start=0):
        """The newest entries of ``kind`` (of one site, or all)."""
        if site:
            keys = self.by_site.keys((site, kind), (site, kind, "\uffff"))
        else:
            keys = self.by_date.keys((kind,), (kind, "\uffff"))
        found = []
        for position, item in enumerate(reversed(keys)):
            if position < start:
                continue
            if len(found) >= limit:
                break
            found.append(self.entries[item[-1]])
        return found

    def total(self, kind, site=None):
        if site:
            return len(self.by_site.keys((site, kind), (site, kind, "\uffff")))
        return len(self.by_date.keys((kind,), (kind, "\uffff")))

    def lookup(self, text="", number="", site=None, limit=50):
        """Legal documents by number (exact or folded key) and/or words of
        the title and summary (folded, all words), newest first."""
        number = (number or "").strip()
        words = fold(text or "").split()
        if number:
            keys = set()
            for candidate in dict.fromkeys((number, fold(number))):
                keys.update(self.numbers.get(candidate, ()))
            entries = sorted(
                (self.entries[key] for key in keys if key in self.entries),
                key=lambda e: (e["date"], e["key"]),
                reverse=True,
            )
        else:
            entries = (
                self.entries[item[-1]]
                for item in reversed(
                    self.by_site.keys((site, LEGAL), (site, LEGAL, "\uffff"))
                    if site
                    else self.by_date.keys((LEGAL,), (LEGAL, "\uffff"))
                )
            )
        found = []
        for entry in entries:
            if entry["kind"] != LEGAL or (site and entry["site"] != site):
                continue
            if words and not all(word in entry["folded"] for word in words):
                continue
            found.append(entry)
            if len(found) >= limit:
                break
        return found

    def sites(self):
        """``{site id: site title}`` of the sites with entries."""
        titles = {}
        for entry in self.entries.values():
            titles.setdefault(entry["site"], entry["site_title"])
        return titles


def get_index(app, create=True):
    index = getattr(aq_base(app), ATTRIBUTE, None)
    if index is None and create:
        index = ProvinceIndex()
        setattr(aq_base(app), ATTRIBUTE, index)
    return index


# -- entries from content -----------------------------------------------------
def _site_of(obj):
    from Products.CMFPlone.interfaces import IPloneSiteRoot

    for parent in obj.aq_chain:
        if IPloneSiteRoot.providedBy(parent):
            return parent
    return None


def _iso(value):
    if value is None:
        return ""
    if hasattr(value, "asdatetime"):  # Zope DateTime
        value = value.asdatetime()
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat() + "T00:00"
    return str(value)


def _state(obj):
    workflow = getattr(obj, "portal_workflow", None)
    if workflow is None:
        return None
    return workflow.getInfoFor(obj, "review_state", None)


def entry_of(obj, site=None):
    """The index entry of a published news item or legal document, or None."""
    kind = TYPES.get(getattr(aq_base(obj), "portal_type", None))
    if kind is None:
        return None
    site = site or _site_of(obj)
    if site is None or _state(obj) != PUBLISHED:
        return None
    site_path = site.getPhysicalPath()
    path = "/".join(obj.getPhysicalPath()[len(site_path) :])
    title = obj.Title() or ""
    description = obj.Description() or ""
    entry = {
        "key": f"{site.getId()}/{obj.UID()}",
        "site": site.getId(),
        "site_title": site.Title(),
        "kind": kind,
        "uid": obj.UID(),
        "path": path,
        "title": title,
        "description": description,
        "language": getattr(aq_base(obj), "language", "") or "",
    }
    if kind == LEGAL:
        from dakto.policy.legal_documents.indexers import number_keys

        number = getattr(aq_base(obj), "document_number", "") or ""
        entry.update(
            date=_iso(getattr(aq_base(obj), "issue_date", None) or obj.effective()),
            number=number,
            number_keys=tuple(number_keys(number)),
            issuer=getattr(aq_base(obj), "issuing_body", "") or "",
            abstract=getattr(aq_base(obj), "abstract", "") or "",
        )
    else:
        effective = obj.effective()
        if effective is None or effective.year() <= 1970:  # never set: the DCMI floor
            effective = obj.created()
        entry.update(date=_iso(effective), number_keys=())
    entry["folded"] = fold(" ".join((title, description, entry.get("abstract", ""))))
    return entry


def _app_of(obj):
    try:
        return obj.getPhysicalRoot()
    except AttributeError:
        return None


PROVINCE_PAGES = "/@+province"  # @@province and @province, on every host


def ban_province_pages():
    """The province's pages list every commune's newest items: a change of
    the index drops them from the caching proxy (after the commit)."""
    ban_after_commit([PROVINCE_PAGES])


def update(obj):
    """(Re)index ``obj`` in the province index, or drop it if it is not
    published any more."""
    if TYPES.get(getattr(aq_base(obj), "portal_type", None)) is None:
        return
    site = _site_of(obj)
    app = _app_of(obj)
    if site is None or app is None or not hasattr(obj, "UID"):
        return
    entry = entry_of(obj, site)
    index = get_index(app)
    key = f"{site.getId()}/{obj.UID()}"
    changed = index.drop(key) if entry is None else index.put(entry)
    if changed:
        ban_province_pages()


def reindex_site(app, site):
    """The entries of ``site`` rebuilt from its catalog (after a restore, or
    for a site that existed before the index). Returns their number."""
    from zope.component.hooks import getSite
    from zope.component.hooks import setSite

    index = get_index(app)
    index.drop_site(site.getId())
    before = getSite()
    setSite(site)
    count = 0
    try:
        catalog = site.portal_catalog
        for brain in catalog.unrestrictedSearchResults(
            portal_type=list(TYPES), review_state=PUBLISHED
        ):
            obj = brain._unrestrictedGetObject()
            entry = entry_of(obj, site)
            if entry is not None:
                index.put(entry)
                count += 1
    finally:
        setSite(before)
    return count


def reindex_all(app):
    """Every site's entries rebuilt; returns ``{site id: count}``."""
    from Products.CMFPlone.interfaces import IPloneSiteRoot

    result = {}
    for site in app.objectValues():
        if IPloneSiteRoot.providedBy(site):
            result[site.getId()] = reindex_site(app, site)
    return result


# -- subscribers --------------------------------------------------------------
def content_changed(obj, event):
    """Added, modified, moved, transitioned: the entry follows the item."""
    from zope.lifecycleevent.interfaces import IObjectRemovedEvent

    if IObjectRemovedEvent.providedBy(event):
        return content_removed(obj, event)
    update(obj)


def content_removed(obj, event):
    if TYPES.get(getattr(aq_base(obj), "portal_type", None)) is None:
        return
    parent = getattr(event, "oldParent", None) or aq_parent(aq_inner(obj))
    site = _site_of(parent) if parent is not None else None
    app = _app_of(parent) if parent is not None else None
    if site is None or app is None:
        return
    index = get_index(app, create=False)
    if index is not None and index.drop(f"{site.getId()}/{obj.UID()}"):
        ban_province_pages()


def site_removed(site, event):
    parent = getattr(event, "oldParent", None)
    if parent is None:
        return
    index = get_index(parent, create=False)
    if index is not None and index.drop_site(getattr(event, "oldName", None) or site.getId()):
        ban_province_pages()
