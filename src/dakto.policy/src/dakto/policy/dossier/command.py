"""``dakto import-dossiers FILE.csv|FILE.json``: import the one-stop system's
dossiers into the site (all or nothing; a re-import updates by code).

With the default FileStorage the server must be stopped first (one process
at a time; with a running server use ``POST {site}/@dossier-import``); with
RelStorage it runs next to the servers.
"""

from pathlib import Path

from dakto.policy.commands import CommandError
from dakto.policy.commands import t


def cmd_import_dossiers(settings, args):
    from zope.i18n import translate

    from dakto.instance.site import site_transaction
    from dakto.policy.dossier import store

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(t("No such file: ${path}", path=path))
    suffix = path.suffix.lower().lstrip(".")
    format = suffix if suffix in ("csv", "json") else None
    data = path.read_bytes()
    with site_transaction(settings) as portal:
        try:
            result = store.import_data(data, format, portal)
        except store.ImportRefused as refused:
            lines = [
                f"  {LINE()} {line}, {field or '-'}: {translate(message, target_language=_lang())}"
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
    print(
        t(
            "Dossiers imported: ${created} new, ${updated} updated, ${unchanged} unchanged.",
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
        ),
        flush=True,
    )
    return result


def LINE():  # noqa: N802
    return t("line")


def _lang():
    from dakto.policy.commands import language

    return language()
