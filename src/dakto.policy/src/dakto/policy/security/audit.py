"""The audit log (Article 12.5: incidents traceable).

Every entry is one JSON line written through the Python logger
``dakto.audit``; the instance's logging configuration (instance/templates/
zope.ini.in) sends that logger to ``$DAKTO_VAR/log/audit.log``. The file is
the store: it survives restarts and aborted transactions (a failed login ends
in a 401 whose transaction is rolled back, so a ZODB store would lose it),
and it costs no ZODB write on anonymous requests. ``@@audit-log`` reads the
end of that file. When the logger has no file (a bare test instance),
the product config's ``audit-log`` (zope.conf) is opened on first use.

On RelStorage, where several Zope processes serve the site, each entry also
goes into the table ``dakto_audit`` of the same PostgreSQL database
(``shared_tables``), and ``@@audit-log`` reads that table: one log for the
whole cluster, whichever process served the request. Each process's file
stays as the record of last resort when the database is unreachable.
"""

import contextlib
import datetime
import json
import logging
import os
from collections import deque
from pathlib import Path
from zoneinfo import ZoneInfo

from plone import api
from zope.globalrequest import getRequest

from dakto.policy import product_config
from dakto.policy.dates import TIMEZONE
from dakto.policy.shared_tables import SharedTableUnavailable
from dakto.policy.shared_tables import shared_table


LOGGER_NAME = "dakto.audit"
logger = logging.getLogger(LOGGER_NAME)

KIND_OF = {
    "login": "login",
    "login_failed": "login",
    "lockout": "login",
    "login_refused": "login",
    "group_added": "groups",
    "group_removed": "groups",
    "roles_set": "roles",
    "local_roles": "sharing",
    "user_created": "users",
    "user_deleted": "users",
    "workflow": "workflow",
}
FILTERS = ("login", "roles", "groups", "sharing", "users", "workflow")
TAIL_BYTES = 2 * 1024 * 1024
SHARED_DDL = (
    "CREATE TABLE IF NOT EXISTS {table} (id bigserial PRIMARY KEY, kind text NOT NULL,"
    " entry jsonb NOT NULL); CREATE INDEX IF NOT EXISTS {table}_kind ON {table} (kind, id)"
)
SHARED = shared_table(product_config.section(), "dakto_audit", SHARED_DDL)


def file_handler():
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler):
            return handler
    return None


def ensure_handler():
    """The file handler of ``dakto.audit``; opens one when logging set none."""
    handler = file_handler()
    if handler is not None:
        return handler
    path = product_config.get(product_config.AUDIT_LOG)
    if not path:
        return None
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return handler


def actor():
    try:
        if api.user.is_anonymous():
            return None
        return api.user.get_current().getUserName()
    except Exception:  # noqa: BLE001 - no site, no security manager: no actor
        return None


def client_ip():
    request = getRequest()
    if request is None:
        return ""
    try:
        return request.getClientAddr() or ""
    except AttributeError:
        return ""


def record(event, **fields):
    """Write one entry. ``event`` is one of KIND_OF's keys."""
    entry = {
        "time": datetime.datetime.now(ZoneInfo(TIMEZONE)).isoformat(timespec="seconds"),
        "event": event,
        "kind": KIND_OF.get(event, event),
    }
    if "actor" not in fields:
        fields["actor"] = actor()
    if "ip" not in fields:
        fields["ip"] = client_ip()
    entry.update(fields)
    ensure_handler()
    line = json.dumps(entry, ensure_ascii=False, default=str)
    logger.info(line)
    if SHARED is not None:
        with contextlib.suppress(SharedTableUnavailable):
            SHARED.run("INSERT INTO {table} (kind, entry) VALUES (%s, %s)", entry["kind"], line)
    return entry


def read(limit=200, kind=None):
    """The last ``limit`` entries (newest first), of one kind if given: the
    cluster's table on RelStorage, else this process's file."""
    if SHARED is not None:
        try:
            rows = SHARED.run(
                "SELECT entry FROM {table} WHERE %s IS NULL OR kind = %s ORDER BY id DESC LIMIT %s",
                kind or None,
                kind or None,
                limit,
            )
            return [entry for (entry,) in rows]
        except SharedTableUnavailable:
            pass
    return read_file(limit, kind)


def read_file(limit=200, kind=None):
    """The last ``limit`` entries of this process's file (newest first)."""
    handler = ensure_handler()
    if handler is None:
        return []
    handler.flush()
    path = Path(handler.baseFilename)
    if not path.exists():
        return []
    with path.open("rb") as stream:
        stream.seek(0, os.SEEK_END)
        size = stream.tell()
        stream.seek(max(0, size - TAIL_BYTES))
        data = stream.read()
    lines = data.decode("utf-8", "replace").splitlines()
    if size > TAIL_BYTES and lines:
        lines = lines[1:]  # the first line may be cut
    found = deque(maxlen=limit)
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if not isinstance(entry, dict):
            continue
        if kind and entry.get("kind") != kind:
            continue
        found.append(entry)
    return list(reversed(found))
