"""``dakto import legal-documents|procedures|news FILE``: the commands.

Registered as ``import-legal-documents``, ``import-procedures`` and
``import-news`` (``dakto.commands``); ``dakto import KIND FILE`` dispatches
to them (``dakto.instance.cli``), ``dakto import DIR`` stays the archival
import. All or nothing per file (``engine.py``); with the default
FileStorage the server must be stopped first (one process at a time).
"""

import time
from pathlib import Path

from dakto.policy.commands import Command
from dakto.policy.commands import CommandError
from dakto.policy.commands import t
from dakto.policy.commands import translate_message


MAX_LISTED = 50


def _message(message):
    return translate_message(message) if hasattr(message, "mapping") else t(str(message))


def refused_error(errors, source):
    label = t("row")
    lines = []
    for row, column, message in errors[:MAX_LISTED]:
        where = f"{label} {row}, {column}" if column else f"{label} {row}"
        lines.append(f"  {where}: {_message(message)}")
    if len(errors) > MAX_LISTED:
        lines.append("  …")
    return CommandError(
        t(
            "Nothing was imported: ${count} error(s) in ${path}:",
            count=len(errors),
            path=source,
        )
        + "\n"
        + "\n".join(lines)
    )


class BulkImport(Command):
    kind = ""
    help = ""
    source_help = "an XLSX, ODS or CSV file (columns: docs/bulk-import.md)"

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help=t(self.source_help))
        parser.add_argument(
            "--files",
            metavar="DIR",
            default=None,
            help=t("the folder of the files the rows name (PDFs, images)"),
        )
        parser.add_argument(
            "--site", metavar="ID", default=None, help=t("the site (default: dakto)")
        )

    def importer(self):
        from dakto.policy.bulk_import.kinds import importer

        return importer(self.kind)

    def read(self, source):
        path = Path(source)
        if not path.is_file():
            raise CommandError(t("No such file: ${path}", path=path))
        return path.read_bytes()

    def sheet(self, data, source):
        from dakto.policy.bulk_import import sheets

        try:
            return sheets.read(data)
        except sheets.SheetError as error:
            raise CommandError(f"{source}: {_message(error.args[0])}") from None

    def run(self, context, args):
        from dakto.policy.bulk_import import engine

        if args.files and not Path(args.files).is_dir():
            raise CommandError(t("No such folder: ${path}", path=args.files))
        data = self.read(args.file)
        started = time.monotonic()
        with context.site_transaction(args.site) as portal:
            sheet = self.sheet(data, args.file)
            from dakto.policy.bulk_import.progress import Progress

            progress = Progress(label=t("Imported"))
            try:
                result = engine.run(
                    portal, self.importer(), sheet, files_dir=args.files, progress=progress
                )
            except engine.Refused as refused:
                raise refused_error(refused.errors, args.file) from None
        seconds = time.monotonic() - started
        context.say(
            self.summary(
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                seconds=f"{seconds:.1f}",
                rate=f"{result.total / seconds:.0f}" if seconds else "-",
            )
        )

    def summary(self, **counts):
        raise NotImplementedError


class ImportLegalDocuments(BulkImport):
    kind = "legal-documents"
    help = "import legal documents from an XLSX, ODS or CSV file (all or nothing; see docs/bulk-import.md)"

    def summary(self, **counts):
        return t(
            "Legal documents imported: ${created} new, ${updated} updated, ${unchanged} unchanged "
            "in ${seconds} s (${rate} rows/s).",
            **counts,
        )


class ImportProcedures(BulkImport):
    kind = "procedures"
    help = (
        "import administrative procedures from an XLSX, ODS or CSV file or the national "
        "database's export (all or nothing)"
    )

    def summary(self, **counts):
        return t(
            "Procedures imported: ${created} new, ${updated} updated, ${unchanged} unchanged "
            "in ${seconds} s (${rate} rows/s).",
            **counts,
        )


class ImportNews(BulkImport):
    kind = "news"
    help = (
        "import news from an XLSX, ODS or CSV file, or an old site's RSS/Atom feed or sitemap "
        "(a file or an address)"
    )
    author = ""

    def summary(self, **counts):
        return t(
            "News imported: ${created} new, ${updated} updated, ${unchanged} unchanged "
            "in ${seconds} s (${rate} rows/s).",
            **counts,
        )

    source_help = (
        "an XLSX, ODS or CSV file, an RSS/Atom feed or a sitemap (.xml, .xml.gz), or its "
        "http(s) address: the pages a sitemap lists are fetched and read as articles"
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--author",
            metavar="NAME",
            default="",
            help=t(
                "the author of the feed's items and sitemap's pages that name none "
                "(without it such an article is refused: news need an author)"
            ),
        )

    def run(self, context, args):
        self.author = args.author
        return super().run(context, args)

    def read(self, source):
        if source.lower().startswith(("http://", "https://")):
            from dakto.policy.bulk_import.engine import fetch
            from dakto.policy.bulk_import.engine import reason

            try:
                return fetch(source)
            except Exception as error:  # any network failure: one line
                raise CommandError(
                    t("Cannot fetch ${url}: ${reason}", url=source, reason=reason(error))
                ) from None
        return super().read(source)

    def sheet(self, data, source):
        from dakto.policy.bulk_import import feeds

        if feeds.is_feed(data):
            from dakto.policy.bulk_import.progress import Progress

            progress = Progress(label=t("Fetched"))
            try:
                return feeds.read(data, source, author=self.author, progress=progress)
            except feeds.FeedError as error:
                raise CommandError(f"{source}: {_message(error.args[0])}") from None
        return super().sheet(data, source)
