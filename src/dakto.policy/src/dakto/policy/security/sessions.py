"""plone.session's ticket: timeout, refresh, the Secure flag from the settings,
and server-side logout (issue 21.4).

plone.session already sets HttpOnly and SameSite=Lax on ``__ac``; the ticket
expires after ``session_timeout_minutes`` without activity (a page seen
refreshes it every quarter of that period, at most every 15 minutes).

A ticket is signed with a secret: with plone.session's default one secret for
everybody (the ``_system`` keyring), so a copied cookie stays good until it
times out, whatever its owner does. With ``per_user_keyring`` (set by
``apply``, on install and by the 1004 upgrade) each user's tickets are signed
with the user's own keyring (``_plone.session_<userid>``), and ``end_sessions``
gives it a new secret: every ticket of that user issued so far is refused.
It runs

- on logout (plone.session's own ``resetCredentials`` does it too, but only
  for a ticket it can read and a keyring that exists, else a 500; it is
  replaced by ``reset_credentials``: ``dakto.policy.patches``);
- when a password changes (PAS's ``CredentialsUpdated``, fired by every change
  through the user source: the change-password form, the password reset,
  ``@users`` PATCH): the user who changed their own password gets a new
  ticket at once;
- when a user is deleted, so that an account created again under the same id
  gets none of the old tickets.
"""

from AccessControl import getSecurityManager
from plone.keyring.interfaces import IKeyManager
from plone.keyring.keyring import Keyring
from plone.protect.utils import safeWrite
from zope.component import queryUtility
from zope.globalrequest import getRequest

from dakto.policy.security import settings


PLUGIN_ID = "session"


def plugin_of(portal):
    return getattr(portal.acl_users, PLUGIN_ID, None)


def apply(portal):
    plugin = plugin_of(portal)
    if plugin is None:
        return
    timeout = int(settings.get("session_timeout_minutes")) * 60
    plugin._updateProperty("timeout", timeout)
    plugin._updateProperty("refresh_interval", min(timeout // 4, 15 * 60))
    plugin._updateProperty("secure", bool(settings.get("behind_https")))
    plugin.per_user_keyring = True


def settings_changed(event):
    record = getattr(event, "record", None)
    if record is None or not record.__name__.startswith(settings.REGISTRY_PREFIX + "."):
        return
    from plone import api

    apply(api.portal.get())


def _site_plugin():
    from plone import api
    from plone.api.exc import CannotGetPortalError

    try:
        return plugin_of(api.portal.get())
    except CannotGetPortalError:  # no site (e.g. the Zope root's user folder)
        return None


def end_sessions(userid, plugin=None):
    """Refuse every ticket of ``userid`` issued so far (a new secret on the
    user's keyring, created if missing: the ``_system`` tickets of a user
    without one are then refused as well)."""
    plugin = plugin or _site_plugin()
    manager = queryUtility(IKeyManager)
    if plugin is None or manager is None or not userid:
        return
    name = plugin._getSecretKey(userid)
    if name not in manager:
        manager[name] = Keyring(1)
    manager.clear(ring=name)
    manager.rotate(ring=name)
    # Logout is a GET: plone.protect would undo the new secret (and ask to
    # confirm the logout); writing the keyring is what logging out means.
    for written in (manager, manager._SampleContainer__data, manager[name]):
        safeWrite(written)


def ticket_user(plugin, request):
    """The user id of the request's ticket when it is valid, else None."""
    ticket = plugin.extractCredentials(request).get("cookie")
    if not ticket:
        return None
    data = plugin._validateTicket(ticket)
    return data[1] if data else None


def reset_credentials(self, request, response):
    """SessionPlugin.resetCredentials (logout): end the sessions of the
    ticket's user, then expire the cookie."""
    if self.getProperty("per_user_keyring"):
        userid = ticket_user(self, request)
        if userid:
            end_sessions(userid, self)
    options = {"path": self.getProperty("path")}
    if self.cookie_domain:
        options["domain"] = self.getProperty("cookie_domain")
    response = self.REQUEST["RESPONSE"]
    response.expireCookie(self.getProperty("cookie_name"), **options)


def password_changed(event):
    """PAS's CredentialsUpdated: the old tickets of the user are refused; the
    user who changed their own password stays logged in with a new one."""
    principal = event.principal
    userid = getattr(principal, "getId", lambda: None)()
    plugin = _site_plugin()
    if plugin is None or not userid or not plugin.getProperty("per_user_keyring"):
        return
    end_sessions(userid, plugin)
    request = getRequest()
    current = getSecurityManager().getUser()
    if request is not None and current is not None and current.getId() == userid:
        plugin._setupSession(userid, request.response)


def user_deleted(event):
    principal = event.principal
    userid = principal if isinstance(principal, str) else getattr(principal, "getId", str)()
    plugin = _site_plugin()
    if plugin is not None and plugin.getProperty("per_user_keyring"):
        end_sessions(userid, plugin)
