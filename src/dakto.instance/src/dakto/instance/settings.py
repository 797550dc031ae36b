"""Every environment variable the instance reads: one table, one place.

``VARIABLES`` is the table the README documents (a test keeps them in step);
:func:`load` reads the environment and stops with :class:`SettingsError` and a
one-line message that says what to fix.
"""

import ipaddress
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path

from dakto.policy.commands import CommandError
from dakto.policy.commands import t


SITE_ID = "dakto"
ADMIN_USER = "admin"
DEFAULT_ADMIN_PASSWORD = "admin"
MIN_ADMIN_PASSWORD_LENGTH = 10
STORAGES = ("filestorage", "relstorage")


class SettingsError(CommandError):
    """A wrong setting; the message is one line that says what to fix."""


@dataclass(frozen=True)
class Variable:
    name: str
    default: str
    meaning: str


VARIABLES = (
    Variable(
        "DAKTO_STORAGE",
        "filestorage",
        "`filestorage` (embedded, in `DAKTO_VAR`) or `relstorage` (PostgreSQL)",
    ),
    Variable(
        "DAKTO_PG_DSN",
        "",
        "libpq connection string of the RelStorage database, e.g. `dbname=dakto host=127.0.0.1 port=5432 user=dakto`; required with `relstorage`",
    ),
    Variable("DAKTO_HOST", "127.0.0.1", "address the Zope process listens on"),
    Variable("DAKTO_PORT", "8080", "port the Zope process listens on"),
    Variable(
        "DAKTO_ADMIN_PASSWORD",
        "admin",
        "password of the Zope `admin` user, set when the user is created; `admin` is refused unless `DAKTO_HOST` is a loopback address",
    ),
    Variable(
        "DAKTO_DEMO",
        "1",
        "`1` adds the demo content when the site is created, `0` creates the bare structure",
    ),
    Variable("DAKTO_THREADS", "4", "worker threads of the Zope process"),
    Variable("DAKTO_INSTANCE", "./instance", "folder with the instance templates (`templates/`)"),
    Variable(
        "DAKTO_VAR",
        "$DAKTO_INSTANCE/var",
        "data of this Zope process: generated `etc/`, `filestorage/`, `blobstorage/`, `log/`",
    ),
    Variable("DAKTO_LANG", "vi", "language of the `dakto` command's messages: `vi` or `en`"),
    Variable(
        "DAKTO_SMTP_HOST",
        "",
        "SMTP server of the site's mail (notifications, `dakto digest`), set on every start; empty: keep the site's mail settings",
    ),
    Variable("DAKTO_SMTP_PORT", "25", "port of `DAKTO_SMTP_HOST`"),
    Variable(
        "DAKTO_MAIL_FROM",
        "",
        "sender address of the site's mail, e.g. `bbt@thitrandakto.kontum.gov.vn`; empty: keep the site's",
    ),
    Variable(
        "DAKTO_BACKUP_DIR",
        "$DAKTO_VAR/backups",
        "folder of the backups `dakto backup` writes (put it on another disk)",
    ),
    Variable(
        "DAKTO_BACKUP_KEEP",
        "7",
        "how many full backups to keep; older ones are deleted with their incrementals",
    ),
    Variable(
        "DAKTO_PG_BIN",
        "",
        "folder of `pg_dump`/`pg_restore` for RelStorage backups; default: the newest in `/usr/lib/postgresql/*/bin`, else `PATH`",
    ),
    Variable(
        "DAKTO_PURGE_URL",
        "",
        "address of the caching proxy (Varnish) that Plone purges on edit and publish, e.g. `http://127.0.0.1:6081` (several: separated by spaces); set on every start; empty: keep the site's caching settings",
    ),
)


@dataclass(frozen=True)
class Settings:
    storage: str
    pg_dsn: str
    host: str
    port: int
    admin_password: str
    admin_password_given: bool
    demo: bool
    threads: int
    instance: Path
    var: Path
    smtp_host: str = ""
    smtp_port: int = 25
    mail_from: str = ""
    backup_dir: Path = None
    backup_keep: int = 7
    pg_bin: str = ""
    purge_url: str = ""

    @property
    def etc(self):
        return self.var / "etc"

    @property
    def zope_conf(self):
        return self.etc / "zope.conf"

    @property
    def zope_ini(self):
        return self.etc / "zope.ini"

    @property
    def url(self):
        host = self.host if self.host not in ("0.0.0.0", "::") else "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/{SITE_ID}"


def is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _int(env, name, default, low, high):
    raw = env.get(name, default).strip()
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise SettingsError(
            t(
                "${name}=${value} is not a number from ${low} to ${high}.",
                name=name,
                value=raw,
                low=low,
                high=high,
            )
        )
    return value


def load(env=None):
    """Read and check the settings from ``env`` (default: ``os.environ``)."""
    env = os.environ if env is None else env
    storage = env.get("DAKTO_STORAGE", "filestorage").strip().lower()
    if storage not in STORAGES:
        raise SettingsError(
            t("DAKTO_STORAGE=${value} is unknown; use filestorage or relstorage.", value=storage)
        )
    pg_dsn = env.get("DAKTO_PG_DSN", "").strip()
    if storage == "relstorage" and not pg_dsn:
        raise SettingsError(
            t(
                "DAKTO_STORAGE=relstorage needs DAKTO_PG_DSN, e.g. 'dbname=dakto host=127.0.0.1 user=dakto'."
            )
        )
    host = env.get("DAKTO_HOST", "127.0.0.1").strip()
    if not host:
        raise SettingsError(t("DAKTO_HOST is empty; use an address such as 127.0.0.1."))
    try:
        socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        raise SettingsError(
            t("DAKTO_HOST=${value} is not an address of this machine.", value=host)
        ) from None
    port = _int(env, "DAKTO_PORT", "8080", 1, 65535)
    threads = _int(env, "DAKTO_THREADS", "4", 1, 64)
    password = env.get("DAKTO_ADMIN_PASSWORD", "")
    given = bool(password)
    password = password or DEFAULT_ADMIN_PASSWORD
    if not is_loopback(host) and (
        password == DEFAULT_ADMIN_PASSWORD or len(password) < MIN_ADMIN_PASSWORD_LENGTH
    ):
        raise SettingsError(
            t(
                "DAKTO_HOST=${host} is reachable from other machines: set DAKTO_ADMIN_PASSWORD to a password of at least ${length} characters other than 'admin'.",
                host=host,
                length=MIN_ADMIN_PASSWORD_LENGTH,
            )
        )
    demo = env.get("DAKTO_DEMO", "1").strip().lower()
    if demo not in ("0", "1", "yes", "no", "true", "false"):
        raise SettingsError(t("DAKTO_DEMO=${value} must be 1 or 0.", value=demo))
    instance = Path(env.get("DAKTO_INSTANCE", "instance")).resolve()
    if not (instance / "templates" / "zope.conf.in").is_file():
        raise SettingsError(
            t(
                "No instance templates in ${path}/templates: run from the repository root or set DAKTO_INSTANCE.",
                path=instance,
            )
        )
    var = Path(env.get("DAKTO_VAR") or instance / "var").resolve()
    backup_keep = _int(env, "DAKTO_BACKUP_KEEP", "7", 1, 1000)
    backup_dir = Path(env.get("DAKTO_BACKUP_DIR") or var / "backups").resolve()
    smtp_host = env.get("DAKTO_SMTP_HOST", "").strip()
    smtp_port = _int(env, "DAKTO_SMTP_PORT", "25", 1, 65535)
    mail_from = env.get("DAKTO_MAIL_FROM", "").strip()
    if mail_from and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", mail_from):
        raise SettingsError(
            t("DAKTO_MAIL_FROM=${value} is not an e-mail address.", value=mail_from)
        )
    purge_url = " ".join(env.get("DAKTO_PURGE_URL", "").replace(",", " ").split())
    for proxy in purge_url.split():
        if not re.fullmatch(r"https?://[^/\s]+/?", proxy):
            raise SettingsError(
                t(
                    "DAKTO_PURGE_URL=${value} is not the address of a caching proxy, e.g. http://127.0.0.1:6081.",
                    value=proxy,
                )
            )
    return Settings(
        storage=storage,
        pg_dsn=pg_dsn,
        host=host,
        port=port,
        admin_password=password,
        admin_password_given=given,
        demo=demo in ("1", "yes", "true"),
        threads=threads,
        instance=instance,
        var=var,
        smtp_host=smtp_host,
        smtp_port=smtp_port,
        mail_from=mail_from,
        backup_dir=backup_dir,
        backup_keep=backup_keep,
        pg_bin=env.get("DAKTO_PG_BIN", "").strip(),
        purge_url=purge_url,
    )
