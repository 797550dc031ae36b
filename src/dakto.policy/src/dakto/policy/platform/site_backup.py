"""Back up and restore ONE commune site of the platform (issue 15).

A site backup is Zope's own export of the site object (``.zexp``: every
persistent object reachable from the site, blobs included; the same format as
the ZMI's Import/Export) and, next to it, a manifest ``<name>.zexp.json`` with
the site's id and title, the export's time, the file's size and sha256.

Restoring replaces that site only: the site object at the root of the Zope
application is swapped for the imported copy in one transaction; every other
site, the root's users and the virtual-host mappings stay as they are. With
all sites in one RelStorage database (docs/platform-storage.md) this is how
one commune goes back in time without touching the other 95.

``export_site`` reads the last COMMITTED state of the site (ZODB exports from
the storage): commit before exporting.
"""

import datetime
import json
import os
import re
from pathlib import Path

from ZODB.ExportImport import blob_begin_marker
from ZODB.ExportImport import export_end_marker
from ZODB.utils import u64

from dakto.policy.checksums import sha256
from dakto.policy.commands import t


FORMAT = "dakto-site-backup/1"
SUFFIX = ".zexp"
MANIFEST_SUFFIX = ".json"
SITE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
CHUNK = 1 << 20


class SiteBackupError(ValueError):
    """A backup or restore that cannot go on; the message says why, in one line
    (translated with ``dakto.policy.commands.t``)."""


def manifest_path(path):
    path = Path(path)
    return path.with_name(path.name + MANIFEST_SUFFIX)


def _is_plone_site(obj):
    from Products.CMFPlone.interfaces import IPloneSiteRoot

    return IPloneSiteRoot.providedBy(obj)


def plone_sites(app):
    """The ids of the Plone sites at the root of the Zope application."""
    return [id_ for id_, obj in app.objectItems() if _is_plone_site(obj)]


def _site(app, site_id):
    obj = app._getOb(site_id, None) if site_id else None
    if obj is None or not _is_plone_site(obj):
        raise SiteBackupError(t("There is no site '${site}'.", site=site_id))
    return obj


def scan(path):
    """Read a ``.zexp`` file record by record: ``(oids, blobs)``, the set of the
    exported objects' (original) oids and the number of blobs. A file that is
    not a complete Zope export raises SiteBackupError."""
    oids = set()
    blobs = 0
    bad = SiteBackupError(t("${path} is not a complete site backup (a .zexp file).", path=path))
    with open(path, "rb") as handle:
        if handle.read(4) != b"ZEXP":
            raise bad
        while True:
            header = handle.read(16)
            if header == export_end_marker:
                break
            if len(header) != 16:
                raise bad
            oids.add(header[:8])
            length = u64(header[8:16])
            handle.seek(length, os.SEEK_CUR)
            position = handle.tell()
            if handle.read(len(blob_begin_marker)) == blob_begin_marker:
                size = handle.read(8)
                if len(size) != 8:
                    raise bad
                handle.seek(u64(size), os.SEEK_CUR)
                blobs += 1
            else:
                handle.seek(position)
        if handle.read(1):
            raise bad
        if handle.tell() != os.path.getsize(path):
            raise bad
    return oids, blobs


def export_site(app, site_id, directory):
    """Write the backup of site ``site_id`` into ``directory`` (created if
    missing); return the path of the ``.zexp`` file (its manifest is
    ``<path>.json``)."""
    site = _site(app, site_id)
    directory = Path(directory).resolve()
    if directory.exists() and not directory.is_dir():
        raise SiteBackupError(t("${path} is not a folder.", path=directory))
    directory.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    path = directory / f"{site_id}-{stamp}{SUFFIX}"
    partial = path.with_name(path.name + ".part")
    try:
        with open(partial, "wb") as handle:
            site._p_jar.exportFile(site._p_oid, handle)
        oids, blobs = scan(partial)
        # Nothing outside the site may be in its backup: a persistent reference
        # from the site to the root (or to another site) would export (and a
        # restore would copy) the whole database.
        outside = {app._p_oid} | {
            obj._p_oid for id_, obj in app.objectItems() if id_ != site_id and obj._p_oid
        }
        if oids & outside:
            raise SiteBackupError(
                t(
                    "The backup of '${site}' reaches objects outside the site; it was not written.",
                    site=site_id,
                )
            )
        partial.rename(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    profile = site.portal_setup.getLastVersionForProfile("dakto.policy:default")
    manifest = {
        "format": FORMAT,
        "site": site_id,
        "title": site.title,
        "exported": now.isoformat(timespec="seconds"),
        "file": path.name,
        "bytes": path.stat().st_size,
        "sha256": sha256(path),
        "objects": len(oids),
        "blobs": blobs,
        "profile_version": ".".join(profile) if isinstance(profile, tuple) else profile,
        "documentation": "docs/platform-storage.md",
    }
    manifest_path(path).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return path


def read_manifest(path):
    """Check a backup (its manifest, size and sha256): return ``(zexp path,
    manifest)``. ``path`` is the ``.zexp`` file or its manifest."""
    path = Path(path)
    if path.name.endswith(SUFFIX + MANIFEST_SUFFIX):
        path = path.with_name(path.name[: -len(MANIFEST_SUFFIX)])
    if not path.is_file():
        raise SiteBackupError(t("There is no file ${path}.", path=path))
    meta = manifest_path(path)
    if not meta.is_file():
        raise SiteBackupError(
            t("${path} has no manifest ${manifest}: not a site backup.", path=path, manifest=meta)
        )
    try:
        manifest = json.loads(meta.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SiteBackupError(t("${path} is not the manifest of a site backup.", path=meta))
    if path.stat().st_size != manifest.get("bytes") or sha256(path) != manifest.get("sha256"):
        raise SiteBackupError(
            t("${path} is damaged: its size or sha256 differs from its manifest.", path=path)
        )
    return path, manifest


def restore_site(app, path, site_id=None):
    """Replace site ``site_id`` by the backup at ``path``, a backup of that same
    site (``site_id`` given: checked against the manifest; default: the site
    the backup was taken of); a site missing at the root is created from it.
    Every other object at the root stays untouched. Returns the restored site;
    the caller commits (or aborts) the transaction.

    A backup is restored under its own id only: the site's local components
    (five.localsitemanager) find the site's tools by their physical path, so a
    copy under another id would use the original's catalog and tools.
    """
    path, manifest = read_manifest(path)
    original = manifest.get("site")
    if not isinstance(original, str) or not SITE_ID.match(original):
        raise SiteBackupError(t("${path} is not the manifest of a site backup.", path=path))
    if site_id and site_id != original:
        raise SiteBackupError(
            t(
                "${path} is a backup of the site '${original}', not of '${site}'.",
                path=path,
                original=original,
                site=site_id,
            )
        )
    site_id = original
    existing = app._getOb(site_id, None)
    if existing is not None and not _is_plone_site(existing):
        raise SiteBackupError(
            t("'${site}' exists at the root and is not a site: not replaced.", site=site_id)
        )
    scan(path)  # a complete export, before anything changes
    site = app._p_jar.importFile(str(path))
    if site is None or not _is_plone_site(site) or site.getId() != site_id:
        raise SiteBackupError(
            t("${path} does not hold the site '${site}'.", path=path, site=site_id)
        )
    if existing is not None:
        # No events: the old copy's catalog, relations and redirects go with it.
        app._delObject(site_id, suppress_events=True)
    app._setObject(site_id, site, set_owner=0, suppress_events=True)
    site = app._getOb(site_id)
    from dakto.policy.platform.province import reindex_site

    reindex_site(app, site)  # the province's index: this site's entries as restored
    return site


def default_directory(settings, site_id):
    """Where ``dakto backup-site`` writes: ``$DAKTO_BACKUP_DIR/sites/<id>``."""
    return Path(settings.backup_dir) / "sites" / site_id


class BackupSite:
    """``dakto backup-site --site ID [--to DIR]``."""

    help = "Back up one site (Zope export with a manifest and sha256)"

    def add_arguments(self, parser):
        parser.add_argument("--site", required=True, help=t("Id of the site"))
        parser.add_argument("--to", dest="directory", default=None, help=t("Folder of the backup"))

    def run(self, context, args):
        from dakto.policy.commands import CommandError

        with context.app_transaction() as app:
            directory = args.directory or default_directory(context.settings, args.site)
            try:
                path = export_site(app, args.site, directory)
            except SiteBackupError as error:
                raise CommandError(str(error)) from None
        context.say(t("Site '${site}' backed up to ${path}.", site=args.site, path=path))


class RestoreSite:
    """``dakto restore-site --site ID FILE``: the site's current state is backed
    up first (into its default folder), then replaced by FILE."""

    help = "Restore one site from its backup; the other sites are not touched"

    def add_arguments(self, parser):
        parser.add_argument("--site", required=True, help=t("Id of the site"))
        parser.add_argument("file", help=t("The site's backup (.zexp file)"))

    def run(self, context, args):
        from dakto.policy.commands import CommandError

        try:
            read_manifest(args.file)
            with context.app_transaction() as app:
                before = None
                if args.site in plone_sites(app):
                    before = export_site(
                        app, args.site, default_directory(context.settings, args.site)
                    )
                restore_site(app, args.file, site_id=args.site)
        except SiteBackupError as error:
            raise CommandError(str(error)) from None
        if before is not None:
            context.say(t("The site's state before the restore: ${path}.", path=before))
        context.say(t("Site '${site}' restored from ${path}.", site=args.site, path=args.file))
