"""The audit log (Article 12.5: incidents traceable).

Every entry is one JSON line written through the Python logger
``dakto.audit``; the instance's logging configuration (instance/templates/
zope.ini.in) sends that logger to ``$DAKTO_VAR/log/audit.log``. The file is
the store: it survives restarts and aborted transactions (a failed login ends
in a 401 whose transaction is rolled back, so a ZODB store would lose it),
and it costs no ZODB write on anonymous requests. ``@@audit-log`` reads the
end of that file. When the logger has no file (a bare test instance),
``DAKTO_AUDIT_LOG`` or ``$DAKTO_VAR/log/audit.log`` is opened on first use.
"""

import datetime
import json
import logging
import os
from collections import deque
from pathlib import Path
from zoneinfo import ZoneInfo

from plone import api
from zope.globalrequest import getRequest

from dakto.policy.dates import TIMEZONE


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
    path = os.environ.get("DAKTO_AUDIT_LOG")
    if not path and os.environ.get("DAKTO_VAR"):
        path = os.path.join(os.environ["DAKTO_VAR"], "log", "audit.log")
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
    logger.info(json.dumps(entry, ensure_ascii=False, default=str))
    return entry


def read(limit=200, kind=None):
    """The last ``limit`` entries (newest first), of one kind if given."""
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
