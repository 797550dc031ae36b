"""Write the instance's configuration and check that it can start."""

import socket
from pathlib import Path

from dakto.instance.settings import SettingsError
from dakto.policy.commands import t


def _render(template, values):
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", str(value))
    return text


def listen_address(settings):
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return f"{host}:{settings.port}"


def zconfig_value(value):
    """``value`` as a ZConfig value: ``$`` would start a substitution."""
    return str(value).replace("$", "$$")


def product_config(settings):
    """The lines of zope.conf's ``<product-config dakto.policy>``: the runtime
    settings the add-on reads (``dakto.policy.product_config``); an empty
    setting is left out (the site keeps its own)."""
    from dakto.policy import product_config as keys

    values = {
        keys.AUDIT_LOG: settings.var / "log" / "audit.log",
        keys.SITE_BACKUP_DIR: Path(settings.backup_dir) / "sites",
    }
    if settings.storage == "relstorage":
        values[keys.SHARED_TABLE_DSN] = settings.pg_dsn
    if settings.smtp_host:
        values[keys.SMTP_HOST] = settings.smtp_host
        values[keys.SMTP_PORT] = settings.smtp_port
    if settings.mail_from:
        values[keys.MAIL_FROM] = settings.mail_from
    if settings.purge_url:
        values[keys.PURGE_URL] = settings.purge_url
    return "\n".join(f"  {key} {zconfig_value(value)}" for key, value in values.items())


def write(settings):
    """Write zope.conf, zope.ini and site.zcml into ``settings.etc``."""
    templates = settings.instance / "templates"
    for folder in (
        settings.etc,
        settings.var / "log",
        settings.var / "cache",
        settings.var / "filestorage",
    ):
        folder.mkdir(parents=True, exist_ok=True)
    storage = _render(
        templates / f"storage-{settings.storage}.conf.in",
        {"pg_dsn": zconfig_value(settings.pg_dsn)},
    )
    values = {
        "var": settings.var,
        "etc": settings.etc,
        "log": settings.var / "log",
        "storage": storage,
        "listen": listen_address(settings),
        "threads": settings.threads,
        "product_config": product_config(settings),
    }
    settings.zope_conf.write_text(_render(templates / "zope.conf.in", values), encoding="utf-8")
    settings.zope_ini.write_text(_render(templates / "zope.ini.in", values), encoding="utf-8")
    (settings.etc / "site.zcml").write_text(
        (templates / "site.zcml").read_text(encoding="utf-8"), encoding="utf-8"
    )


def check_port_free(settings):
    family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((settings.host, settings.port))
        except OSError:
            raise SettingsError(
                t(
                    "Port ${port} on ${host} is in use: stop the program using it or set DAKTO_PORT to a free port.",
                    port=settings.port,
                    host=settings.host,
                )
            ) from None


def check_database(settings):
    """Connect once to PostgreSQL for RelStorage; a clear line if it fails."""
    if settings.storage != "relstorage":
        return
    import psycopg2

    try:
        psycopg2.connect(settings.pg_dsn, connect_timeout=5).close()
    except psycopg2.Error as error:
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise SettingsError(
            t(
                "Cannot reach the PostgreSQL database of DAKTO_PG_DSN (${reason}): start PostgreSQL or correct DAKTO_PG_DSN.",
                reason=reason,
            )
        ) from None


def check_not_running(settings):
    """The embedded FileStorage can be opened by one process only."""
    if settings.storage != "filestorage":
        return
    import zc.lockfile

    lock_path = settings.var / "filestorage" / "Data.fs.lock"
    if not lock_path.parent.exists():
        return
    try:
        lock = zc.lockfile.LockFile(str(lock_path))
    except zc.lockfile.LockError:
        raise SettingsError(
            t(
                "The data in ${path} is in use by another Zope process: stop it first, or use DAKTO_STORAGE=relstorage for several processes.",
                path=settings.var,
            )
        ) from None
    lock.close()


def preflight(settings):
    check_port_free(settings)
    check_not_running(settings)
    check_database(settings)
