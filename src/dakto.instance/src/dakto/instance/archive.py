"""``dakto export DIR`` / ``dakto import DIR``: the archival export (Article 11.4).

All PUBLISHED content of the site, with its metadata and files, written by
plone.exportimport (Plone's own JSON export format, see
docs/archival-export.md): the catalog query of the content exporter is
limited to the review state ``published``; relations and translations follow
the exported content only. Users, groups, comments and portlets are not part
of the archive. ``archive.json`` describes the export and ``SHA256SUMS`` holds
the sha256 of every file.
"""

import datetime
import json
import logging
from argparse import Namespace
from pathlib import Path

import transaction

from dakto.instance.backup import check_sums
from dakto.instance.backup import write_sums
from dakto.instance.settings import SITE_ID
from dakto.instance.settings import SettingsError
from dakto.policy.commands import t
from dakto.policy.workflow.names import PUBLISHED


FORMAT = "dakto-archive/1"
EXPORTERS = ("plone.exporter.content", "plone.exporter.relations", "plone.exporter.translations")
IMPORTERS = (
    "plone.importer.content",
    "plone.importer.relations",
    "plone.importer.translations",
    "plone.importer.final",
)


class ArchiveError(SettingsError):
    """An export or import that cannot go on; one line that says why."""


def _say(message):
    print(message, flush=True)


def _open_site(settings, create=False, site_id=SITE_ID):
    """The Zope app and the site, as the system user, with the site's layers.
    ``create`` makes the default site only (other sites: ``dakto add-site``)."""
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import system
    from plone.restapi.interfaces import IPloneRestapiLayer
    from zope.component.hooks import setSite
    from zope.event import notify
    from zope.interface import alsoProvides
    from zope.traversing.interfaces import BeforeTraverseEvent as Event

    from dakto.instance import config
    from dakto.instance.site import ensure_site
    from dakto.instance.site import open_app

    config.check_not_running(settings)
    config.check_database(settings)
    config.write(settings)
    app = open_app(settings)
    newSecurityManager(None, system)
    if site_id not in app.objectIds():
        if not create or site_id != SITE_ID:
            app._p_jar.db().close()
            raise ArchiveError(t("There is no site '${site}' to export.", site=site_id))
        ensure_site(app, demo=False)
        transaction.commit()
    site = app[site_id]
    setSite(site)
    request = app.REQUEST
    notify(Event(site, request))
    alsoProvides(request, IPloneRestapiLayer)
    return app, site


def export(settings, directory, site_id=SITE_ID):
    """Export the published content into ``directory``; return the item count."""
    directory = Path(directory).resolve()
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ArchiveError(
            t("${path} is not an empty folder: give a new or empty one.", path=directory)
        )
    from plone.exportimport import interfaces
    from zope.component import getAdapter

    app, site = _open_site(settings, site_id=site_id)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        site_path = "/".join(site.getPhysicalPath())
        # Published = what the public sees: items in the published state, and
        # files and images (no workflow of their own) in a published folder.
        public = {"path": site_path, "allowedRolesAndUsers": ["Anonymous"]}
        options = Namespace(query=public, include_revisions=False)
        for name in EXPORTERS:
            getAdapter(site, interfaces.INamedExporter, name=name).export_data(
                directory, options=options
            )
        catalog = site.portal_catalog
        brains = [
            brain
            for brain in catalog.unrestrictedSearchResults(
                object_provides="plone.dexterity.interfaces.IDexterityContent", **public
            )
            if brain.getPath() != site_path  # the site root is exported as plone_site_root
        ]
        types = {}
        for brain in brains:
            types[brain.portal_type] = types.get(brain.portal_type, 0) + 1
        info = {
            "format": FORMAT,
            "tool": "plone.exportimport",
            "site": site_id,
            "site_title": site.title,
            "exported": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "review_state": PUBLISHED,
            "items": len(brains),
            "types": dict(sorted(types.items())),
            "documentation": "docs/archival-export.md",
        }
        (directory / "archive.json").write_text(
            json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        write_sums(directory)
    finally:
        transaction.abort()
        app._p_jar.db().close()
    return len(brains)


def _without_transition(item, config):
    """No workflow transition on import: guards and notifications are for editors.

    The item's workflow history is imported as it is; :func:`_published`
    makes sure the state is ``published`` and applies its permissions.
    """
    item.pop("review_state", None)
    return item


def _published(item, obj):
    from dakto.policy.workflow.imported import set_published

    return set_published(obj, "dakto import", "archival import")


def import_(settings, directory, site_id=SITE_ID):
    """Import an export into the site (created without demo content if missing)."""
    directory = Path(directory).resolve()
    if (
        not (directory / "archive.json").is_file()
        or not (directory / "content" / "__metadata__.json").is_file()
    ):
        raise ArchiveError(
            t("${path} is not an archival export (no archive.json or content/).", path=directory)
        )
    check_sums(directory, str(directory))
    info = json.loads((directory / "archive.json").read_text(encoding="utf-8"))
    if info.get("format") != FORMAT:
        raise ArchiveError(
            t(
                "${path} has an unknown format (${format}).",
                path=directory,
                format=info.get("format"),
            )
        )
    from plone.exportimport import interfaces
    from zope.component import getAdapter

    app, site = _open_site(settings, create=True, site_id=site_id)
    try:
        incomplete = {}
        dropped = set()
        for name in IMPORTERS:
            importer = getAdapter(site, interfaces.INamedImporter, name=name)
            if name == "plone.importer.content":
                importer.import_data(
                    directory, data_hooks=[_without_transition], obj_hooks=[_published]
                )
            else:
                importer.import_data(directory)
            incomplete.update(getattr(importer, "incomplete", {}))
            dropped.update(getattr(importer, "dropped", set()))
        transaction.commit()
    except Exception:
        transaction.abort()
        raise
    finally:
        app._p_jar.db().close()
    return info.get("items", 0), sorted(dropped), incomplete


def cmd_export(settings, args):
    logging.getLogger("plone.exportimport").setLevel(logging.ERROR)
    count = export(settings, args.directory, getattr(args, "site", None) or SITE_ID)
    _say(
        t(
            "${count} published items exported to ${path}.",
            count=count,
            path=Path(args.directory).resolve(),
        )
    )


def cmd_import(settings, args):
    logging.getLogger("plone.exportimport").setLevel(logging.ERROR)
    count, dropped, incomplete = import_(
        settings, args.directory, getattr(args, "site", None) or SITE_ID
    )
    _say(t("${count} items imported into ${url}.", count=count - len(dropped), url=settings.url))
    if dropped or incomplete:
        raise ArchiveError(
            t(
                "${dropped} items could not be created and ${incomplete} were imported with errors: ${paths}",
                dropped=len(dropped),
                incomplete=len(incomplete),
                paths=", ".join(list(dropped) + list(incomplete))[:500],
            )
        )
