"""Merging units: a former unit's archival export into the site that took it over.

Since 1 July 2025 a commune is often made of several former units. Their
portals' archival exports (``dakto export``: plone.exportimport's JSON plus
``archive.json`` and ``SHA256SUMS``, see docs/archival-export.md) are
brought into the new site each under its own folder,
``/<site>/don-vi-cu/<unit>/``:

- every item keeps its UID (links by UID keep working) and its published
  state;
- the item's old address in the site (``/<site>/tin-tuc/x``, where the
  former unit's domain now points) redirects to the new one
  (plone.app.redirector's IRedirectionStorage, which Plone's 404 page
  reads); an old address that is a page of the new site stays the new
  site's;
- legal documents issued by the former body are marked: their issuing body
  reads '<former body> (cũ)', and the unit's folder says 'Do <former body>
  (cũ) ban hành';
- all or nothing: the caller's transaction is aborted on any error, and a
  bad archive is refused before anything is written.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from dakto.policy import _
from dakto.policy.checksums import sha256
from dakto.policy.platform.provision import ProvisionError
from dakto.policy.platform.provision import get_site
from dakto.policy.workflow.imported import set_published


FORMAT = "dakto-archive/1"  # what ``dakto export`` writes
SUMS = "SHA256SUMS"
FORMER_UNITS = "don-vi-cu"
FORMER_UNITS_TITLE = "Đơn vị cũ (trước sáp nhập)"
FORMER = "(cũ)"
PORTAL_PREFIX = "Trang thông tin điện tử"


class MergeError(ProvisionError):
    """A bad archive or a refused import (i18n message)."""


@dataclass
class Result:
    items: int
    redirects: int
    path: str
    body: str


def read_archive(directory):
    """Check an archival export; return its ``archive.json``.

    Refuses (MergeError) a folder that is not one, a damaged or incomplete
    one (SHA256SUMS) and an unknown format, before anything is imported.
    """
    directory = Path(directory)
    if (
        not (directory / "archive.json").is_file()
        or not (directory / "content" / "__metadata__.json").is_file()
    ):
        raise MergeError(
            _(
                "${path} is not an archival export (no archive.json or content/).",
                mapping={"path": str(directory)},
            )
        )
    try:
        sums = dict(
            reversed(line.split("  ", 1))
            for line in (directory / SUMS).read_text(encoding="utf-8").splitlines()
            if line.strip()
        )
    except (OSError, ValueError):
        sums = None
    files = {
        p.relative_to(directory).as_posix()
        for p in directory.rglob("*")
        if p.is_file() and p.name != SUMS
    }
    if (
        sums is None
        or set(sums) != files
        or any(sha256(directory / n) != d for n, d in sums.items())
    ):
        raise MergeError(
            _(
                "${path} is damaged or incomplete (SHA256SUMS does not match): nothing was imported.",
                mapping={"path": str(directory)},
            )
        )
    try:
        info = json.loads((directory / "archive.json").read_text(encoding="utf-8"))
    except ValueError:
        info = None
    if not isinstance(info, dict) or info.get("format") != FORMAT:
        raise MergeError(
            _(
                "${path} has an unknown format (${format}).",
                mapping={"path": str(directory), "format": str((info or {}).get("format"))},
            )
        )
    return info


def former_body(info):
    """The former People's Committee from the archive's site title
    ('Trang thông tin điện tử thị trấn Đắk Tô' -> 'Ủy ban nhân dân thị trấn Đắk Tô')."""
    from dakto.policy.identity.kinds import BODY_PREFIX

    title = " ".join((info.get("site_title") or "").split())
    if title.lower().startswith(PORTAL_PREFIX.lower()):
        return f"{BODY_PREFIX} {title[len(PORTAL_PREFIX) :].strip()}"
    return title or f"{BODY_PREFIX} {info.get('site', '')}"


def _publish(obj):
    """The published state without a transition (no guard, no notification)."""
    return set_published(obj, "dakto import-site", "merged unit", idxs=None)


def _folder(container, id, title, description=""):
    from plone.dexterity.utils import createContentInContainer

    if id in container.objectIds():
        return container[id]
    folder = createContentInContainer(
        container, "Folder", id=id, title=title, description=description, checkConstraints=False
    )
    return _publish(folder)


def _unit_id(value):
    from plone.i18n.normalizer.interfaces import IIDNormalizer
    from zope.component import getUtility

    return getUtility(IIDNormalizer).normalize(value or "")[:60].strip("-")


def import_into(app, site_id, directory, unit=None, body=None):
    """Import the archive at ``directory`` into ``/<site_id>/don-vi-cu/<unit>/``.

    ``unit``: the folder's id (default: the archive's site id); ``body``: the
    former People's Committee (default: from the archive's site title).
    Returns a :class:`Result`; the caller commits.
    """
    from plone.exportimport.importers.content import ContentImporter
    from plone.exportimport.utils import content as content_utils
    from plone.restapi.interfaces import IPloneRestapiLayer
    from Products.CMFCore.indexing import processQueue
    from zope.component.hooks import getSite
    from zope.component.hooks import setSite
    from zope.event import notify
    from zope.globalrequest import getRequest
    from zope.interface import alsoProvides
    from zope.traversing.interfaces import BeforeTraverseEvent

    site = get_site(app, site_id)
    directory = Path(directory).resolve()
    info = read_archive(directory)
    body = " ".join((body or former_body(info)).split())
    unit = _unit_id(unit or info.get("site") or body)
    if not unit:
        raise MergeError(_("Give the former unit's id with --unit."))
    site_path = "/".join(site.getPhysicalPath())
    base = f"{FORMER_UNITS}/{unit}"
    if FORMER_UNITS in site.objectIds() and unit in site[FORMER_UNITS].objectIds():
        raise MergeError(
            _(
                "${path} already exists in ${site}: that unit was imported before.",
                mapping={"path": base, "site": site_id},
            )
        )
    previous = getSite()
    request = getRequest() or app.REQUEST
    setSite(site)
    try:
        notify(BeforeTraverseEvent(site, request))
        alsoProvides(request, IPloneRestapiLayer)
        former_title = f"{body} {FORMER}"
        holder = _folder(site, FORMER_UNITS, FORMER_UNITS_TITLE)
        _folder(
            holder,
            unit,
            former_title,
            f"Tin, bài và văn bản do {former_title} ban hành, trước khi sáp nhập.",
        )
        moved = {}  # old path in the site -> new path
        catalog = site.portal_catalog

        class UnitImporter(ContentImporter):
            """The archive's items under the unit's folder; the old site root stays out."""

            intermediate_commits = False  # all or nothing: the caller commits

            def all_objects(self):
                for item in super().all_objects():
                    if item.get("@type") == "Plone Site":
                        continue
                    old = "/" + item["@id"].strip("/")
                    uid = item.get("UID")
                    if uid and catalog.unrestrictedSearchResults(UID=uid):
                        raise MergeError(
                            _(
                                "The item ${path} of the archive is already in ${site} "
                                "(same UID): nothing was imported.",
                                mapping={"path": old, "site": site_id},
                            )
                        )
                    item["@id"] = f"/{base}{old}"
                    moved[f"{site_path}{old}"] = f"{site_path}/{base}{old}"
                    yield item

        def no_transition(item, config):
            item.pop("review_state", None)
            return item

        imported = []

        def published(item, obj):
            imported.append(obj)
            return _publish(obj)

        importer = UnitImporter(site)
        try:
            importer.import_data(directory, data_hooks=[no_transition], obj_hooks=[published])
        except MergeError:
            raise
        except Exception as error:  # a broken item: the caller aborts everything
            raise MergeError(
                _(
                    "${path} could not be imported (${error}): nothing was imported.",
                    mapping={"path": str(directory), "error": str(error)[:200]},
                )
            ) from error
        if importer.dropped or importer.incomplete:
            paths = sorted(importer.dropped) + sorted(importer.incomplete)
            raise MergeError(
                _(
                    "${count} items of the archive could not be imported (${paths}): "
                    "nothing was imported.",
                    mapping={"count": len(paths), "paths": ", ".join(paths)[:300]},
                )
            )
        from plone.exportimport import interfaces
        from zope.component import getAdapter

        for name in ("plone.importer.relations", "plone.importer.translations"):
            getAdapter(site, interfaces.INamedImporter, name=name).import_data(directory)
        _mark_former_body(imported, body, former_title)
        for obj in imported:
            for updater in content_utils.final_updaters():
                updater.func(obj)
        redirects = _redirect(site, moved)
        processQueue()  # indexed while this site is the active one
    finally:
        setSite(previous)
    return Result(
        items=len(imported), redirects=redirects, path=f"/{site_id}/{base}", body=former_title
    )


def _mark_former_body(objects, body, former_title):
    """'<former body> (cũ)' as the issuing body of the former body's legal documents
    ('Ủy ban nhân dân thị trấn Đắk Tô', 'UBND thị trấn Đắk Tô')."""
    from dakto.policy.identity.kinds import BODY_PREFIX

    unit_name = body[len(BODY_PREFIX) :].strip().lower() if body.startswith(BODY_PREFIX) else ""
    for obj in objects:
        issuer = getattr(obj.aq_base, "issuing_body", None)
        if not issuer or issuer.endswith(FORMER):
            continue
        lowered = " ".join(issuer.split()).lower()
        if lowered == body.lower() or (unit_name and lowered.endswith(unit_name)):
            obj.issuing_body = former_title
            obj.reindexObject()


def _redirect(site, moved):
    """Old address -> new address in the site's redirection storage; an old
    address that is one of the new site's own pages is left alone."""
    from plone.app.redirector.interfaces import IRedirectionStorage
    from zope.component import getUtility

    storage = getUtility(IRedirectionStorage)
    count = 0
    for old, new in moved.items():
        if site.unrestrictedTraverse(old, None) is not None:
            continue
        storage.add(old, new)
        count += 1
    return count
