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
spread over N processes gets no more tries than against one. On FileStorage
(one process) the same table is an SQLite file next to the Data.fs
(``login-failures.sqlite``), chosen when Zope opens its database: written at
once and outside the transaction too, and kept across a restart (a counter in
memory was cleared by one). Without a file database (the test layers'
DemoStorage) the counters stay in memory.

The Zope root's user folder (``admin``) is a PAS of its own, outside the
site's: the ``dakto`` instance set-up puts the same plugin in it
(``root.install``), so that HTTP Basic at ``/manage_main`` (the ZMI),
``@login`` for a root user and the site's plugin asking the root folder go
through the same counters, locks and audit entries. There the limits are the
settings of the site under the root, and a successful login is audited too
(once per login name and address in ``AUDIT_SUCCESS_SECONDS``, per process:
Basic auth sends the password with every request).
"""

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
from dakto.policy import counters
from dakto.policy import product_config
from dakto.policy.counters import Counters  # noqa: F401 - the stores, for tests
from dakto.policy.counters import SharedCounters  # noqa: F401
from dakto.policy.security import audit
from dakto.policy.security import settings


PLUGIN_ID = "dakto_lockout"
REQUEST_KEY = "dakto.policy.security.lockout"
TABLE = "dakto_login_failure"
FILE_NAME = "login-failures.sqlite"
AUDIT_SUCCESS_SECONDS = 15 * 60
_audited_successes = {}  # (login, ip) -> when a root login was audited


def counters_for(config):
    """The login failures' counters (``dakto.policy.counters``): shared on
    RelStorage (``config``: the product config), else this process's memory."""
    return counters.counters_for(config, TABLE)


class ProcessCounters(counters.ProcessCounters):
    """The login failures' counters of this process (``COUNTERS``)."""

    def __init__(self, config):
        super().__init__(config, TABLE, FILE_NAME)


COUNTERS = ProcessCounters(product_config.section())


def database_opened(event):
    """``IDatabaseOpenedWithRoot``: keep the counters next to a Data.fs."""
    COUNTERS.use_database(event.database)


def client_ip(request):
    """The client's address (Zope's ``trusted-proxy`` setting decides whether
    X-Forwarded-For is believed)."""
    if request is None:
        return ""
    try:
        return request.getClientAddr() or ""
    except AttributeError:
        return request.get("REMOTE_ADDR", "") or ""


def lock_state(login, ip, portal=None):
    """``(kind, seconds left)`` of the lock on this login or address, else None
    (the limits are the settings of ``portal``, default: the current site)."""
    window = settings.get("lockout_minutes", portal) * 60
    for kind, key, attempts in (
        ("account", ("login", login.lower()), settings.get("lockout_attempts", portal)),
        ("client", ("ip", ip), settings.get("lockout_client_attempts", portal)),
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


def refuse_if_locked(request, login, ip, portal=None):
    """True (and the request told why) while this login or address is locked."""
    lock = lock_state(login, ip, portal)
    if not lock:
        return False
    if request is not None:
        request._auth = None  # Zope's own user folder must not accept it either
        _mark_locked(request, login, ip, *lock)
    return True


def count_failure(request, login, ip, portal=None):
    """One wrong password: counted once per request and login name (the
    site's plugin and the root user folder may both judge it), audited, and
    the lock set when this failure reaches the limit."""
    counted = request_state(request).setdefault("counted", set())
    if login.lower() in counted:
        return
    counted.add(login.lower())
    COUNTERS.fail(("login", login.lower()))
    if ip:
        COUNTERS.fail(("ip", ip))
    audit.record("login_failed", login=login, ip=ip)
    lock = lock_state(login, ip, portal)
    if lock:
        audit.record("lockout", login=login, ip=ip, reason=lock[0])
        if request is not None:
            _mark_locked(request, login, ip, *lock)


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

    def _root_portal(self):
        """At the Zope root: the Plone site whose settings apply (else None:
        inside a site, the current site's)."""
        from Products.CMFPlone.interfaces import IPloneSiteRoot

        parent = aq_parent(aq_inner(self._getPAS()))
        if parent is None or IPloneSiteRoot.providedBy(parent):
            return None
        for item in parent.objectValues():
            if IPloneSiteRoot.providedBy(item):
                return item
        return None

    def _at_root(self):
        parent = aq_parent(aq_inner(self._getPAS()))
        return parent is not None and parent is parent.getPhysicalRoot()

    def _audit_success(self, login, ip):
        now = time.time()
        if now - _audited_successes.get((login, ip), 0) >= AUDIT_SUCCESS_SECONDS:
            _audited_successes[(login, ip)] = now
            audit.record("login", login=login, ip=ip, actor=login, user_folder="zope-root")

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
        at_root = self._at_root()
        portal = self._root_portal() if at_root else None
        if refuse_if_locked(request, login, ip, portal):
            credentials.pop("password", None)
            return None
        verdicts = state.setdefault("verdicts", {})
        key = (self.getPhysicalPath(), login, password)  # the site's and the root's
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
                count_failure(request, login, ip, portal)
            elif result is not None:
                COUNTERS.reset(("login", login.lower()))
                if at_root:
                    self._audit_success(login, ip)
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


# ``HTTPRequest._authUserPW`` answers this (400) for a Basic header that does
# not decode (``dakto.policy.patches``).
BAD_BASIC_AUTH = _(
    "The Authorization header is not valid HTTP Basic credentials "
    "(base64 of login:password, UTF-8)."
)
