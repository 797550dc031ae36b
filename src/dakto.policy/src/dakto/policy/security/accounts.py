"""Disabled accounts (issue 21.4): an administrator takes an account out of
use without deleting it (its content, history and ownership stay).

``POST @account-status/<userid>`` with ``{"disabled": true|false}``
(administrators: Manage users) disables or enables the account; ``GET``
answers its state. Disabling ends the user's sessions at once (a new secret
on the user's keyring, ``sessions.end_sessions``: every ticket issued so far
is refused) and from then on every request the account makes is refused
after authentication, however it authenticates (login form, Basic, JWT):
401 with the reason, and the login form does not log it in. The ids are kept
in an annotation of the site; the change is audited.
"""

from BTrees.OOBTree import OOTreeSet
from plone import api
from zExceptions import Unauthorized
from zope.annotation.interfaces import IAnnotations

from dakto.policy import _
from dakto.policy.hardening import refusal
from dakto.policy.rest import TraversingService
from dakto.policy.rest import allow_write
from dakto.policy.rest import bad_request
from dakto.policy.rest import error
from dakto.policy.rest import json_object
from dakto.policy.security import audit
from dakto.policy.security import sessions


KEY = "dakto.policy.security.disabled_accounts"


def _disabled(portal, create=False):
    annotations = IAnnotations(portal)
    if KEY not in annotations and create:
        annotations[KEY] = OOTreeSet()
    return annotations.get(KEY)


def is_disabled(userid, portal=None):
    portal = portal or api.portal.get()
    ids = _disabled(portal)
    return bool(ids) and userid in ids


def disable(userid):
    portal = api.portal.get()
    _disabled(portal, create=True).insert(userid)
    sessions.end_sessions(userid)
    audit.record("user_disabled", principal=userid)


def enable(userid):
    ids = _disabled(api.portal.get())
    if ids is not None and userid in ids:
        ids.remove(userid)
        audit.record("user_enabled", principal=userid)


def check(event):
    """IPubAfterTraversal: a disabled account is refused, however it logged in."""
    try:
        portal = api.portal.get()
    except api.exc.CannotGetPortalError:
        return
    if api.user.is_anonymous():
        return
    userid = api.user.get_current().getId()
    if userid and is_disabled(userid, portal):
        raise Unauthorized(
            refusal(_("This account is disabled; ask an administrator."), event.request)
        )


class AccountStatus(TraversingService):
    """``GET|POST @account-status/<userid>``."""

    def reply(self):
        if len(self.params) != 1:
            return error(
                self.request, 400, "BadRequest", _("Name one account: @account-status/<userid>.")
            )
        userid = self.params[0]
        if api.user.get(userid=userid) is None:
            return error(
                self.request,
                404,
                "NotFound",
                _("No account '${userid}'.", mapping={"userid": userid[:100]}),
            )
        if self.request.get("REQUEST_METHOD") == "POST":
            allow_write(self.request)
            data = json_object(self.request)
            if data is None or not isinstance(data.get("disabled"), bool):
                return bad_request(self.request, {"disabled": _("Give true or false.")})
            if data["disabled"] and userid == api.user.get_current().getId():
                return bad_request(
                    self.request, {"disabled": _("You cannot disable your own account.")}
                )
            (disable if data["disabled"] else enable)(userid)
        return {"userid": userid, "disabled": is_disabled(userid)}
