"""Password policy: a PAS validation plugin (``dakto_password_policy``).

Plone asks every IValidationPlugin through
``portal_registration.testPasswordValidity`` on the registration, password
reset and change-password forms and when plone.restapi creates a user or
resets a password; ``addMember`` raises ValueError on the message, which
``@users`` answers with 400. Rules: at least ``password_min_length``
characters, not the login name or the e-mail address and not containing
either (case-insensitive; the e-mail's local part counts too), and not easy
to guess (``guessable.py``: zxcvbn against breach lists, the person's names
and the site's).

The plugin is given only the password, so the names are read from the
request: the registration and reset forms' fields, the JSON body of
``@users``, and the member who is changing their own password.
"""

import json

from AccessControl.class_init import InitializeClass
from plone import api
from Products.PluggableAuthService.interfaces.plugins import IValidationPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.security import settings
from dakto.policy.security.guessable import guessable_errors


PLUGIN_ID = "dakto_password_policy"
NAME_KEYS = ("username", "user_id", "userid", "login", "login_name", "email", "__ac_name")
FULLNAME_KEYS = ("fullname", "full_name")
MIN_NAME = 3  # shorter names (or e-mail parts) are not looked for inside passwords


def _names_in(mapping, keys=NAME_KEYS):
    names = []
    for key, value in (mapping or {}).items():
        short = key.rsplit(".", 1)[-1].lower()
        if short in keys and isinstance(value, str) and value.strip():
            names.append(value.strip())
    return names


def _json_body(request):
    try:
        body = request.get("BODY")
        if body and (request.getHeader("Content-Type") or "").startswith("application/json"):
            data = json.loads(body)
            if isinstance(data, dict):
                return data
    except (ValueError, TypeError, AttributeError, RecursionError):
        pass
    return {}


def full_names_from_request(request):
    """Full names given with the password (registration form, ``@users``),
    or of the member whose password changes (``@@change-password``,
    ``PATCH @users/<id>``)."""
    if request is None:
        return []
    names = _names_in(getattr(request, "form", {}), FULLNAME_KEYS)
    names.extend(_names_in(_json_body(request), FULLNAME_KEYS))
    path = request.get("PATH_INFO", "") or ""
    try:
        user = None
        if "/@users/" in path:
            user = api.user.get(userid=path.rsplit("/@users/", 1)[-1].split("/")[0])
        elif "change-password" in path and not api.user.is_anonymous():
            user = api.user.get_current()
        if user is not None:
            names.append(user.getProperty("fullname", "") or "")
    except Exception:  # noqa: BLE001 - no site or no member: nothing more to compare
        pass
    return [n for n in names if n]


def names_from_request(request):
    """Login names and e-mail addresses the password must not contain."""
    names = []
    if request is None:
        return names
    names.extend(_names_in(getattr(request, "form", {})))
    names.extend(_names_in(_json_body(request)))
    path = request.get("PATH_INFO", "") or ""
    if "/@users/" in path:
        names.append(path.rsplit("/@users/", 1)[-1].split("/")[0])
    try:
        # the member changing their own password (@@change-password)
        if "change-password" in path and not api.user.is_anonymous():
            user = api.user.get_current()
            names.extend([user.getId() or "", user.getUserName() or ""])
            names.append(user.getProperty("email", "") or "")
    except Exception:  # noqa: BLE001 - no site or no member: nothing more to compare
        pass
    return [n for n in names if n]


def password_errors(password, names=(), full_names=()):
    """The i18n messages of the rules ``password`` breaks (empty: it is good)."""
    minimum = settings.get("password_min_length")
    errors = []
    if len(password) < minimum:
        errors.append(
            _(
                "The password must have at least ${min} characters.",
                mapping={"min": minimum},
            )
        )
    lowered = password.lower()
    for name in names:
        candidates = {name.lower()}
        if "@" in name:
            candidates.add(name.split("@", 1)[0].lower())
        if any(len(c) >= MIN_NAME and c in lowered for c in candidates):
            errors.append(_("The password must not be or contain the login name or e-mail."))
            break
    if not errors:
        errors.extend(guessable_errors(password, [*names, *full_names]))
    return errors


def rules_text():
    return _(
        "At least ${min} characters; not the login name or e-mail address, nor containing "
        "them; not a common or easily guessed password (a phrase of a few words is best).",
        mapping={"min": settings.get("password_min_length")},
    )


@implementer(IValidationPlugin)
class PasswordPolicyPlugin(BasePlugin):
    meta_type = "Dakto Password Policy"

    def __init__(self, id=PLUGIN_ID, title="Password policy (dakto.policy)"):
        self._setId(id)
        self.title = title

    def validateUserInfo(self, user, set_id, set_info):
        if not set_info or set_info.get("password") is None:
            return []
        password = set_info["password"]
        request = getRequest()
        if password == "":
            # Plone asks with an empty password for the rules to show as help
            return [{"id": "password", "error": translate(rules_text(), context=request)}]
        names = names_from_request(request)
        full_names = full_names_from_request(request)
        if user is not None:
            names.extend([user.getId() or "", user.getUserName() or ""])
            try:
                names.append(user.getProperty("email", "") or "")
                full_names.append(user.getProperty("fullname", "") or "")
            except Exception:  # noqa: BLE001 - a user without property sheets
                pass
        if set_id:
            names.append(set_id)
        for key in ("email", "fullname"):
            if isinstance(set_info.get(key), str):
                (names if key == "email" else full_names).append(set_info[key])
        return [
            {"id": "password", "error": translate(message, context=request)}
            for message in password_errors(
                password, [n for n in names if n], [n for n in full_names if n]
            )
        ]


InitializeClass(PasswordPolicyPlugin)


def install(portal):
    pas = portal.acl_users
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, PasswordPolicyPlugin())
    plugins = pas.plugins
    if PLUGIN_ID not in plugins.listPluginIds(IValidationPlugin):
        plugins.activatePlugin(IValidationPlugin, PLUGIN_ID)
    # Plone's own policy (8 characters) would repeat a weaker length rule
    if "password_policy" in plugins.listPluginIds(IValidationPlugin):
        plugins.deactivatePlugin(IValidationPlugin, "password_policy")
