"""``dakto add-site``, ``list-sites``, ``remove-site`` and ``import-site``.

The commands work on the Zope application root of the deployment. With the
default FileStorage the servers must be stopped first (one process at a
time: the administrators' page ``/@@dakto-sites`` does the same on a running
server); with RelStorage they run next to the servers and a new site is
served at once, without a restart.
"""

import sys
from pathlib import Path

from dakto.policy.commands import Command
from dakto.policy.commands import CommandError
from dakto.policy.commands import t
from dakto.policy.commands import translate_message


STORAGE_NOTE = (
    "With FileStorage stop the server first; with RelStorage it runs next to the servers."
)


def _refused(error):
    """A ProvisionError (i18n message) or a backup/archive error (translated text)."""
    message = getattr(error, "message", None)
    if message is not None and hasattr(message, "domain"):
        return CommandError(translate_message(message))
    return CommandError(str(error))


class AddSite(Command):
    help = "Create a commune, ward or special zone site in the running deployment."

    def add_arguments(self, parser):
        from dakto.policy.identity.kinds import KINDS

        parser.description = t(STORAGE_NOTE)
        parser.add_argument("site_id", metavar="ID", help=t("the new site's id, e.g. xa-ngoc-tu"))
        parser.add_argument(
            "--name",
            required=True,
            help=t("the People's Committee, e.g. 'Ủy ban nhân dân xã Ngọc Tụ'"),
        )
        parser.add_argument(
            "--kind", required=True, choices=list(KINDS), help=t("xa, phuong or dac-khu")
        )
        parser.add_argument("--province", required=True, help=t("the province, e.g. 'Quảng Ngãi'"))
        parser.add_argument(
            "--domain", default=None, help=t("the site's domain, e.g. xangoctu.quangngai.gov.vn")
        )
        parser.add_argument("--demo", action="store_true", help=t("add the demo content"))

    def run(self, context, args):
        from dakto.policy.platform.provision import ProvisionError
        from dakto.policy.platform.provision import add_site

        with context.app_transaction() as app:
            try:
                site, seconds = add_site(
                    app,
                    args.site_id,
                    args.name,
                    args.kind,
                    args.province,
                    domain=args.domain,
                    demo=args.demo,
                )
            except ProvisionError as error:
                raise _refused(error) from None
            title = site.title
        context.say(
            t(
                "Site ${site} created in ${seconds} s: ${title}.",
                site=args.site_id,
                seconds=f"{seconds:.1f}",
                title=title,
            )
        )


class ListSites(Command):
    help = "List the sites of the deployment (id, name, kind, province, domain, items)."

    def run(self, context, args):
        from dakto.policy.platform.provision import list_sites

        with context.app_transaction() as app:
            rows = list_sites(app)
        if not rows:
            context.say(t("There is no site."))
        for row in rows:
            context.say(
                "\t".join(
                    [
                        row["id"],
                        row["name"],
                        row["kind"] or "-",
                        row["province"] or "-",
                        row["domain"] or "-",
                        str(row["items"]),
                    ]
                )
            )


class RemoveSite(Command):
    help = "Back up a site, then remove it (asks for its id, or --yes)."

    def add_arguments(self, parser):
        parser.description = t(STORAGE_NOTE)
        parser.add_argument("site_id", metavar="ID", help=t("the site to remove"))
        parser.add_argument(
            "--yes", action="store_true", help=t("do not ask: remove after the backup")
        )
        parser.add_argument(
            "--backup-dir",
            default=None,
            help=t("folder of the site's backup (default: DAKTO_BACKUP_DIR/sites)"),
        )

    def run(self, context, args):
        from dakto.policy.platform.provision import ProvisionError
        from dakto.policy.platform.provision import remove_site
        from dakto.policy.platform.site_backup import SiteBackupError

        if not args.yes:
            if not sys.stdin.isatty():
                raise CommandError(
                    t("Removing ${site} needs --yes (no terminal to ask).", site=args.site_id)
                )
            answer = input(t("Type the id of the site to remove (${site}): ", site=args.site_id))
            if answer.strip() != args.site_id:
                raise CommandError(t("Not confirmed: ${site} is kept.", site=args.site_id))
        backup_dir = Path(args.backup_dir or Path(context.settings.backup_dir) / "sites")
        with context.app_transaction() as app:
            try:
                backup = remove_site(app, args.site_id, backup_dir)
            except (ProvisionError, SiteBackupError) as error:
                raise _refused(error) from None
        context.say(t("Site ${site} removed; its backup: ${path}", site=args.site_id, path=backup))


class ImportSite(Command):
    help = "Bring a former unit's archival export into a site under don-vi-cu/ (all or nothing)."

    def add_arguments(self, parser):
        parser.description = t(STORAGE_NOTE)
        parser.add_argument("archive", metavar="ARCHIVE", help=t("folder of a dakto export"))
        parser.add_argument(
            "--into", required=True, metavar="ID", help=t("the site to import into")
        )
        parser.add_argument(
            "--unit",
            default=None,
            help=t("the former unit's id under don-vi-cu/ (default: the archive's site id)"),
        )

    def run(self, context, args):
        import logging

        from dakto.policy.platform.merge import MergeError
        from dakto.policy.platform.merge import import_into
        from dakto.policy.platform.provision import ProvisionError

        logging.getLogger("plone.exportimport").setLevel(logging.ERROR)
        with context.app_transaction() as app:
            try:
                result = import_into(app, args.into, Path(args.archive), unit=args.unit)
            except (ProvisionError, MergeError) as error:
                raise _refused(error) from None
        context.say(
            t(
                "${count} items of ${body} imported into ${path}; ${redirects} old addresses redirect.",
                count=result.items,
                body=result.body,
                path=result.path,
                redirects=result.redirects,
            )
        )
