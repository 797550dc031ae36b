"""``dakto``: configure, create and serve the portal's Zope instance.

Settings come from environment variables (see ``settings.VARIABLES`` and the
README); a wrong one stops the command with a one-line message. Besides its
own commands (``COMMANDS``) it offers those the installed add-ons register in
the ``dakto.commands`` entry points (``dakto.policy.commands.Command``).
"""

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path

from dakto.instance import config
from dakto.instance import settings as settings_module
from dakto.instance.settings import SettingsError
from dakto.policy.commands import CommandError
from dakto.policy.commands import t


EXIT_SETTINGS = 2
EXIT_FAILURE = 1


def _say(message):
    print(message, flush=True)


def cmd_check(settings):
    config.preflight(settings)
    _say(
        t(
            "Settings are valid: ${storage} storage, ${url}",
            storage=settings.storage,
            url=settings.url,
        )
    )


def cmd_configure(settings):
    config.write(settings)
    _say(t("Configuration written to ${path}", path=settings.etc))


def _prepare(settings):
    from dakto.instance.site import prepare

    config.check_not_running(settings)
    config.check_database(settings)
    config.write(settings)
    log = settings.var / "log" / "dakto.log"
    try:
        admin, created = prepare(settings)
    except SettingsError:
        raise
    except Exception as error:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            traceback.print_exc(file=handle)
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise SettingsError(
            t(
                "Could not prepare the site (${reason}); the details are in ${log}.",
                reason=reason,
                log=log,
            )
        ) from None
    if created:
        _say(t("Site created at ${url}", url=settings.url))
    else:
        _say(t("Existing site kept at ${url}", url=settings.url))
    return admin


def cmd_create_site(settings):
    _prepare(settings)


def cmd_serve(settings, admin="kept"):
    config.preflight(settings)
    config.write(settings)
    runwsgi = Path(sys.executable).with_name("runwsgi")
    if admin == "kept" and not settings.admin_password_given:
        login = t("log in as admin with the password it was created with")
    else:
        login = t("log in as admin with the password in DAKTO_ADMIN_PASSWORD (default: admin)")
    _say(
        t(
            "The portal is served at ${url} — ${login}. Stop it with Ctrl+C.",
            url=settings.url,
            login=login,
        )
    )
    os.execv(str(runwsgi), [str(runwsgi), str(settings.zope_ini)])


def cmd_start(settings):
    config.check_port_free(settings)
    admin = _prepare(settings)
    cmd_serve(settings, admin)


def cmd_backup(settings, args):
    from dakto.instance.backup import cmd_backup as backup

    backup(settings, args)


def cmd_restore(settings, args):
    from dakto.instance.backup import cmd_restore as restore

    restore(settings, args)


def cmd_export(settings, args):
    from dakto.instance.archive import cmd_export as export

    export(settings, args)


def cmd_import(settings, args):
    from dakto.instance.archive import cmd_import as import_

    import_(settings, args)


def dispatch_import(argv, registered):
    """``argv`` with ``import KIND ...`` made ``import-KIND ...`` when a
    feature registers the command ``import-KIND`` (``dakto import
    legal-documents FILE``, see docs/bulk-import.md) and KIND is not a
    folder; ``dakto import DIR`` stays the archival import."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if (
        len(argv) >= 2
        and argv[0] == "import"
        and f"import-{argv[1]}" in registered
        and not Path(argv[1]).is_dir()
    ):
        return [f"import-{argv[1]}", *argv[2:]]
    return argv


# Arguments of the commands that take some: name -> ((flags, options), ...);
# these commands are called with (settings, args).
ARGUMENTS = {
    "backup": (
        (("--full",), {"action": "store_true", "help": "a full backup even when one exists"}),
        (
            ("--verify",),
            {
                "nargs": "?",
                "const": None,
                "default": False,
                "metavar": "NAME",
                "help": "restore NAME (default: the latest) into a scratch instance and open it",
            },
        ),
        (("--list",), {"action": "store_true", "help": "list the backups"}),
    ),
    "restore": (
        (("name",), {"nargs": "?", "metavar": "NAME", "help": "the backup (default: the latest)"}),
        (("--yes",), {"action": "store_true", "help": "do not ask before overwriting"}),
    ),
    "export": (
        (("directory",), {"metavar": "DIR", "help": "an empty or new folder"}),
        (("--site",), {"metavar": "ID", "default": None, "help": "the site (default: dakto)"}),
    ),
    "import": (
        (
            ("directory",),
            {
                "metavar": "DIR",
                "help": "a folder written by `dakto export`; `dakto import KIND FILE` runs"
                " `dakto import-KIND FILE` (a bulk import: docs/bulk-import.md)",
            },
        ),
        (("--site",), {"metavar": "ID", "default": None, "help": "the site (default: dakto)"}),
    ),
}


COMMANDS = {
    "check": (cmd_check, "check the settings, the port and the database, then stop"),
    "configure": (cmd_configure, "write zope.conf and zope.ini into $DAKTO_VAR/etc"),
    "create-site": (cmd_create_site, "create the admin user and the site 'dakto' if missing"),
    "serve": (cmd_serve, "serve the existing instance"),
    "start": (cmd_start, "configure, create what is missing, then serve (what `make start` runs)"),
    "backup": (cmd_backup, "back up the data into $DAKTO_BACKUP_DIR (repozo or pg_dump)"),
    "restore": (cmd_restore, "restore a backup (the latest by default) over the stopped instance"),
    "export": (cmd_export, "archival export of all published content (plone.exportimport JSON)"),
    "import": (
        cmd_import,
        "import an archival export into this instance's (fresh) site; "
        "`import KIND FILE`: the bulk import import-KIND",
    ),
}


ENTRY_POINT_GROUP = "dakto.commands"


def registered_commands():
    """{name: command} of the ``dakto.commands`` entry points, by name; the
    names of the commands above are kept for them. A command that cannot be
    loaded is left out with one line on stderr (the others still work)."""
    from importlib.metadata import entry_points

    found = {}
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if entry_point.name in COMMANDS or entry_point.name in found:
            continue
        try:
            found[entry_point.name] = entry_point.load()()
        except Exception as error:  # a broken add-on must not stop `dakto start`
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
            print(
                "dakto: "
                + t(
                    "the command ${name} (${value}) cannot be loaded: ${reason}",
                    name=entry_point.name,
                    value=entry_point.value,
                    reason=reason,
                ),
                file=sys.stderr,
                flush=True,
            )
    return found


def build_parser(registered=None):
    registered = registered_commands() if registered is None else registered
    epilog = "\n".join(
        f"  {v.name:<22} {v.meaning} (default: {v.default or '-'})"
        for v in settings_module.VARIABLES
    )
    parser = argparse.ArgumentParser(
        prog="dakto",
        description="Configure, create and serve the portal's Zope instance.",
        epilog="environment variables:\n" + epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        for flags, options in ARGUMENTS.get(name, ()):
            command.add_argument(*flags, **options)
    for name, registered_command in registered.items():
        help_text = t(registered_command.help)
        command = sub.add_parser(name, help=help_text, description=help_text)
        add_arguments = getattr(registered_command, "add_arguments", None)
        if add_arguments is not None:
            add_arguments(command)
    return parser


def main(argv=None):
    registered = registered_commands()
    args = build_parser(registered).parse_args(dispatch_import(argv, registered))
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = settings_module.load()
        if args.command in registered:
            from dakto.instance.site import CommandContext

            return registered[args.command].run(CommandContext(settings), args) or 0
        extra = (args,) if args.command in ARGUMENTS else ()
        COMMANDS[args.command][0](settings, *extra)
    except CommandError as error:
        print("dakto: " + t("error") + f": {error}", file=sys.stderr, flush=True)
        return EXIT_SETTINGS
    except KeyboardInterrupt:
        return EXIT_FAILURE
    return 0


if __name__ == "__main__":
    sys.exit(main())
