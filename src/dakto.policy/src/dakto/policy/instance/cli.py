"""``dakto``: configure, create and serve the portal's Zope instance.

Settings come from environment variables (see ``settings.VARIABLES`` and the
README); a wrong one stops the command with a one-line message.
"""

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path

from dakto.policy.instance import config
from dakto.policy.instance import settings as settings_module
from dakto.policy.instance.messages import t
from dakto.policy.instance.settings import SettingsError


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
    from dakto.policy.instance.site import prepare

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


COMMANDS = {
    "check": (cmd_check, "check the settings, the port and the database, then stop"),
    "configure": (cmd_configure, "write zope.conf and zope.ini into $DAKTO_VAR/etc"),
    "create-site": (cmd_create_site, "create the admin user and the site 'dakto' if missing"),
    "serve": (cmd_serve, "serve the existing instance"),
    "start": (cmd_start, "configure, create what is missing, then serve (what `make start` runs)"),
}


def build_parser():
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
        sub.add_parser(name, help=help_text)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = settings_module.load()
        COMMANDS[args.command][0](settings)
    except SettingsError as error:
        print("dakto: " + t("error") + f": {error}", file=sys.stderr, flush=True)
        return EXIT_SETTINGS
    except KeyboardInterrupt:
        return EXIT_FAILURE
    return 0


if __name__ == "__main__":
    sys.exit(main())
