"""The period's views per section and per item, from the store and the catalog."""

from plone import api

from dakto.policy.text import fold
from dakto.policy.usage.counting import site_key
from dakto.policy.usage.store import VIEWS


TOP_ITEMS = 20  # the report's list of the most read pages


def _section_of(portal, path, cache):
    """``(id, title)`` of the top-level folder that holds ``path``."""
    site = portal.getPhysicalPath()
    relative = tuple(path)[len(site) :]
    if len(relative) < 2:  # the homepage, or an item at the root
        return "", portal.Title()
    first = relative[0]
    if first not in cache:
        folder = portal.get(first)
        cache[first] = folder.Title() if folder is not None else first
    return first, cache[first]


def period_views(period, top=TOP_ITEMS):
    """``{"total", "sections": [{"id", "title", "views"}], "items": [...]}``:
    items most viewed first (``top`` of them), sections by views."""
    portal = api.portal.get()
    counts = VIEWS.by_item(site_key(portal), period.start.isoformat(), period.end.isoformat())
    catalog = api.portal.get_tool("portal_catalog")
    brains = (
        {b.UID: b for b in catalog.unrestrictedSearchResults(UID=list(counts))} if counts else {}
    )
    portal_uid = api.content.get_uuid(portal)
    sections, items, cache = {}, [], {}
    for uid, views in counts.items():
        brain = brains.get(uid)
        if brain is not None:
            path = brain.getPath().split("/")
            url, title, kind = brain.getURL(), brain.Title, brain.portal_type
        elif uid == portal_uid:
            path, url, title, kind = (
                portal.getPhysicalPath(),
                portal.absolute_url(),
                portal.Title(),
                "Plone Site",
            )
        else:
            continue  # removed since: counted in no section
        section_id, section_title = _section_of(portal, path, cache)
        entry = sections.setdefault(
            section_id, {"id": section_id, "title": section_title, "views": 0}
        )
        entry["views"] += views
        items.append(
            {
                "@id": url,
                "uid": uid,
                "title": title,
                "@type": kind,
                "section": section_title,
                "views": views,
            }
        )
    items.sort(key=lambda i: (-i["views"], fold(i["title"] or "")))
    return {
        "total": sum(s["views"] for s in sections.values()),
        "sections": sorted(sections.values(), key=lambda s: (-s["views"], fold(s["title"]))),
        "items": items[:top],
    }
