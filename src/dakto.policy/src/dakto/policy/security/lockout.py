"""Login lockout after repeated failures, per account and per client address.

A PAS authentication plugin (``dakto_lockout``) placed first among the
authenticators sees every login/password pair, whatever brought it: the login
form (cookie extractor), HTTP Basic auth, plone.restapi's ``@login``
(``acl_users.authenticate``). It asks the other authenticators itself (and,
for Zope's own users such as ``admin``, the root user folder), so it knows
the verdict, counts failures, and answers the successful case itself (the
password is then removed from the credentials so it is not hashed twice).
While a login name or a client address is locked, the password is removed
from the credentials: no later authenticator, not even the right password,
lets the request in.

The counters are not in the ZODB: failed requests end in 401 and their
transaction is aborted, so a persistent counter would lose exactly the
attempts it must count; and writing on every anonymous attempt would turn
brute force into ZODB write conflicts. With FileStorage (one process) they
live in the process's memory behind a lock. On RelStorage, where several
Zope processes serve the same site, they live in a table of the same
PostgreSQL database (``dakto_login_failure``), written at once outside the
ZODB transaction, so that every process counts every attempt: an attacker
spread over N processes gets no more tries than against one.
"""

import contextlib
import os
import threading
import time

from AccessControl.class_init import InitializeClass
from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.security import audit
from dakto.policy.security import settings
from dakto.policy.shared_tables import SharedTableUnavailable
from dakto.policy.shared_tables import shared_table


PLUGIN_ID = "dakto_lockout"
REQUEST_KEY = "dakto.policy.security.lockout"


class Counters:
    """Failure times per key (``("login", name)`` or ``("ip", address)``)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._failures = {}

    def clear(self):
        with self._lock:
            self._failures.clear()

    def _recent(self, key, now, window):
        times = [t for t in self._failures.get(key, ()) if now - t < window]
        if times:
            self._failures[key] = times
        else:
            self._failures.pop(key, None)
        return times

    def locked_for(self, key, attempts, window, now=None):
        """Seconds left of the lock on ``key`` (0: not locked)."""
        now = time.time() if now is None else now
        with self._lock:
            times = self._recent(key, now, window)
            if len(times) < attempts:
                return 0
            return max(1, int(times[attempts - 1] + window - now) + 1)

    def fail(self, key, now=None):
        now = time.time() if now is None else now
        with self._lock:
            self._failures.setdefault(key, []).append(now)

    def reset(self, key):
        with self._lock:
            self._failures.pop(key, None)


class SharedCounters:
    """The same counters in a table of the cluster's PostgreSQL database
    (``shared_tables``), seen by every Zope process. When the database
    cannot be reached the process counts in its own memory (and says so in
    the log) rather than letting every login through."""

    DDL = (
        "CREATE TABLE IF NOT EXISTS {table} (key text NOT NULL, at double precision NOT NULL);"
        " CREATE INDEX IF NOT EXISTS {table}_key_at ON {table} (key, at)"
    )
    KEEP_SECONDS = 24 * 3600  # older failures no lock period can count

    def __init__(self, table):
        self.table = table
        self._fallback = Counters()

    @staticmethod
    def _key(key):
        return ":".join(key)

    def clear(self):
        self._fallback.clear()
        with contextlib.suppress(SharedTableUnavailable):
            self.table.run("DELETE FROM {table}")

    def locked_for(self, key, attempts, window, now=None):
        now = time.time() if now is None else now
        try:
            rows = self.table.run(
                "SELECT at FROM {table} WHERE key = %s AND at > %s ORDER BY at LIMIT %s",
                self._key(key),
                now - window,
                attempts,
            )
        except SharedTableUnavailable:
            return self._fallback.locked_for(key, attempts, window, now)
        if len(rows) < attempts:
            return 0
        return max(1, int(rows[attempts - 1][0] + window - now) + 1)

    def fail(self, key, now=None):
        now = time.time() if now is None else now
        self._fallback.fail(key, now)
        with contextlib.suppress(SharedTableUnavailable):
            self.table.run(
                "INSERT INTO {table} (key, at) VALUES (%s, %s); DELETE FROM {table} WHERE at < %s",
                self._key(key),
                now,
                now - self.KEEP_SECONDS,
            )

    def reset(self, key):
        self._fallback.reset(key)
        with contextlib.suppress(SharedTableUnavailable):
            self.table.run("DELETE FROM {table} WHERE key = %s", self._key(key))


def counters_for(env):
    """Shared counters on RelStorage, this process's own on FileStorage."""
    table = shared_table(env, "dakto_login_failure", SharedCounters.DDL)
    return Counters() if table is None else SharedCounters(table)


COUNTERS = counters_for(os.environ)


def client_ip(request):
    """The client's address (Zope's ``trusted-proxy`` setting decides whether
    X-Forwarded-For is believed)."""
    if request is None:
        return ""
    try:
        return request.getClientAddr() or ""
    except AttributeError:
        return request.get("REMOTE_ADDR", "") or ""


def lock_state(login, ip):
    """``(kind, seconds left)`` of the lock on this login or address, else None."""
    window = settings.get("lockout_minutes") * 60
    for kind, key, attempts in (
        ("account", ("login", login.lower()), settings.get("lockout_attempts")),
        ("client", ("ip", ip), settings.get("lockout_client_attempts")),
    ):
        if kind == "client" and not ip:
            continue
        left = COUNTERS.locked_for(key, attempts, window)
        if left:
            return kind, left
    return None


def lock_message(kind, seconds):
    minutes = max(1, (seconds + 59) // 60)
    if kind == "account":
        return _(
            "This account is locked for ${minutes} minutes after too many failed "
            "logins. Try again later or ask the site administrator.",
            mapping={"minutes": minutes},
        )
    return _(
        "Logins from your address are locked for ${minutes} minutes after too many "
        "failed attempts. Try again later.",
        mapping={"minutes": minutes},
    )


def request_state(request):
    """What this request's login attempts came to: ``{"locked": (kind, s), ...}``."""
    try:
        return IAnnotations(request).setdefault(REQUEST_KEY, {})
    except TypeError:
        return {}


def _mark_locked(request, login, ip, kind, seconds):
    state = request_state(request)
    if state.get("locked"):
        return
    state["locked"] = (kind, seconds)
    audit.record("login_refused", login=login, ip=ip, reason=f"locked ({kind})")
    response = getattr(request, "response", None)
    if response is not None:
        response.setHeader("Retry-After", str(seconds))
        response.setHeader("X-Login-Locked", kind)
    try:
        from Products.statusmessages.interfaces import IStatusMessage

        IStatusMessage(request).add(
            translate(lock_message(kind, seconds), context=request), type="error"
        )
    except TypeError:
        pass


@implementer(IAuthenticationPlugin)
class LockoutPlugin(BasePlugin):
    """Counts failed logins and refuses locked accounts and addresses."""

    meta_type = "Dakto Login Lockout"

    def __init__(self, id=PLUGIN_ID, title="Login lockout (dakto.policy)"):
        self._setId(id)
        self.title = title

    def _others(self):
        pas = self._getPAS()
        return [
            plugin
            for plugin_id, plugin in pas.plugins.listPlugins(IAuthenticationPlugin)
            if plugin_id != self.getId()
        ]

    def _root_user(self, login, password, request):
        """A Zope user (outside the site) with these credentials, e.g. ``admin``."""
        pas = aq_inner(self._getPAS())
        parent = aq_parent(aq_parent(pas))
        while parent is not None:
            folder = getattr(aq_base(parent), "acl_users", None)
            if folder is not None and folder is not aq_base(pas):
                folder = parent.acl_users
                authenticate = getattr(folder, "authenticate", None)
                if authenticate is not None and authenticate(login, password, request):
                    return True
            parent = aq_parent(aq_inner(parent))
        return False

    def authenticateCredentials(self, credentials):
        login = credentials.get("login")
        password = credentials.get("password")
        if not login or password is None or not isinstance(login, str):
            return None
        request = getattr(self, "REQUEST", None) or getRequest()
        ip = client_ip(request)
        state = request_state(request)
        lock = lock_state(login, ip)
        if lock:
            credentials.pop("password", None)
            if request is not None:
                request._auth = None  # Zope's own user folder must not accept it either
                _mark_locked(request, login, ip, *lock)
            return None
        verdicts = state.setdefault("verdicts", {})
        key = (login, password)
        if key in verdicts:
            result = verdicts[key]
        else:
            result = None
            for plugin in self._others():
                try:
                    found = plugin.authenticateCredentials(dict(credentials))
                except (KeyError, ValueError, TypeError, AttributeError):
                    continue
                if found and found[0] is not None:
                    result = found
                    break
            if result is None and not self._root_user(login, password, request):
                COUNTERS.fail(("login", login.lower()))
                if ip:
                    COUNTERS.fail(("ip", ip))
                audit.record("login_failed", login=login, ip=ip)
                lock = lock_state(login, ip)
                if lock:
                    audit.record("lockout", login=login, ip=ip, reason=lock[0])
                    if request is not None:
                        _mark_locked(request, login, ip, *lock)
            elif result is not None:
                COUNTERS.reset(("login", login.lower()))
            verdicts[key] = result
        if result is not None:
            credentials.pop("password", None)  # checked once; the others skip it
        return result


InitializeClass(LockoutPlugin)


def install(portal):
    """Add the plugin to the site's PAS, active and first among authenticators."""
    pas = portal.acl_users
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, LockoutPlugin())
    plugins = pas.plugins
    active = plugins.listPluginIds(IAuthenticationPlugin)
    if PLUGIN_ID not in active:
        plugins.activatePlugin(IAuthenticationPlugin, PLUGIN_ID)
    while plugins.listPluginIds(IAuthenticationPlugin)[0] != PLUGIN_ID:
        plugins.movePluginsUp(IAuthenticationPlugin, [PLUGIN_ID])
