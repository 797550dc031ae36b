"""``dakto import-dossiers FILE.csv|FILE.json``: import the one-stop system's
dossiers into the site (all or nothing; a re-import updates by code).

With the default FileStorage the server must be stopped first (one process
at a time; with a running server use ``POST {site}/@dossier-import``); with
RelStorage it runs next to the servers.
"""

from pathlib import Path

from dakto.policy.commands import Command
from dakto.policy.commands import CommandError
from dakto.policy.commands import t
from dakto.policy.commands import translate_message


class ImportDossiers(Command):
    help = "import the one-stop system's dossiers from a CSV or JSON file (all or nothing)"

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="a .csv or .json file (see the README)")

    def run(self, context, args):
        from dakto.policy.dossier import store

        path = Path(args.file)
        if not path.is_file():
            raise CommandError(t("No such file: ${path}", path=path))
        suffix = path.suffix.lower().lstrip(".")
        format = suffix if suffix in ("csv", "json") else None
        data = path.read_bytes()
        with context.site_transaction() as portal:
            try:
                result = store.import_data(data, format, portal)
            except store.ImportRefused as refused:
                label = t("line")
                lines = [
                    f"  {label} {line}, {field or '-'}: {translate_message(message)}"
                    for line, field, message in refused.errors[:50]
                ]
                raise CommandError(
                    t(
                        "Nothing was imported: ${count} error(s) in ${path}:",
                        count=len(refused.errors),
                        path=path,
                    )
                    + "\n"
                    + "\n".join(lines)
                ) from None
        context.say(
            t(
                "Dossiers imported: ${created} new, ${updated} updated, ${unchanged} unchanged.",
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
            )
        )
