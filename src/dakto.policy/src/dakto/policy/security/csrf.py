"""Cross-site writes to REST refused (issue 21.3).

plone.restapi's write services switch plone.protect off (they expect a token
in the Authorization header), so a page of any other site could make the
visitor's browser create, change or delete content with the login cookie
``__ac``: ``Content-Type: text/plain`` and ``Accept: application/json`` make
a "simple" request that the browser sends without asking (no CORS
preflight). ``SameSite=Lax`` alone does not stop it between the sibling
sub-domains of a province platform, which are all the *same site*.

After traversal (the user is known), a REST request (plone.rest's
``IAPIRequest``) with a writing method (POST, PATCH, PUT, DELETE), made by a
logged-in user with a login cookie (``__ac``, or plone.restapi's
``auth_token``) and without an ``Authorization`` header, must

- carry ``Content-Type: application/json`` (which a page of another origin
  cannot send without a preflight the portal does not grant) or a valid
  plone.protect token (``X-CSRF-TOKEN`` header or ``_authenticator`` field,
  as Plone's own editing screens send), and
- come from the portal's own origin: ``Origin``, or when a browser sent none
  ``Referer``, equal to the site's address (``portal.absolute_url()``, which
  follows virtual hosting; ``https`` as well when the request came through
  HTTPS).

Otherwise it is refused before the service runs: 403
``{"error": {"type": "CrossSiteRequestRefused", "message": …}}`` with the
reason, nothing changed. Token (JWT) and Basic-auth clients send the
``Authorization`` header and are not concerned.
"""

import json
from urllib.parse import urlsplit

from plone import api
from plone.protect.authenticator import _verify_request
from plone.rest.interfaces import IAPIRequest
from Products.Five.browser import BrowserView
from zExceptions import Forbidden

from dakto.policy import _
from dakto.policy.hardening import refusal as translated
from dakto.policy.rest import error
from dakto.policy.security import settings


WRITE_METHODS = frozenset(("POST", "PATCH", "PUT", "DELETE"))
JSON_TYPE = "application/json"
DEFAULT_PORTS = {"http": "80", "https": "443"}
REFUSED_TYPE = "CrossSiteRequestRefused"


class CrossSiteRequestRefused(Forbidden):
    """A cookie-authenticated REST write that is not the portal's own; its
    ``reason`` is an i18n message."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def origin(url):
    """``scheme://host[:port]`` of ``url``, lower-cased, without the default
    port; None for what is not an http(s) address (e.g. ``null``)."""
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and str(port) != DEFAULT_PORTS[parts.scheme]:
        host = f"{host}:{port}"
    return f"{parts.scheme}://{host}"


def came_through_https(request):
    return (
        request.get("SERVER_URL", "").startswith("https://")
        or request.getHeader("X-Forwarded-Proto", "").lower() == "https"
        or bool(settings.get("behind_https"))
    )


def own_origins(request):
    """The origins of the portal's own pages."""
    own = origin(api.portal.get().absolute_url())
    origins = {own}
    if own and came_through_https(request):
        host = own.split("://", 1)[1]
        if host.endswith(":80"):
            host = host[:-3]
        origins.add(f"https://{host}")
    return origins


def login_cookies(request):
    """The names of the cookies that log a browser in: plone.session's
    (``__ac``) and plone.restapi's JWT cookie (``auth_token``)."""
    plugin = getattr(api.portal.get().acl_users, "session", None)
    return (getattr(plugin, "cookie_name", "__ac"), "auth_token")


def cookie_authenticated(request):
    """A logged-in user who sent a login cookie and no Authorization header
    (JWT, Basic): the browser sent the credentials by itself."""
    # Zope moves the header out of the environment into ``_auth``.
    if getattr(request, "_auth", None) or request.getHeader("Authorization"):
        return False
    if not any(request.cookies.get(name) for name in login_cookies(request)):
        return False
    return not api.user.is_anonymous()


def refusal(request):
    """The reason to refuse ``request`` (an i18n message), or None."""
    if not IAPIRequest.providedBy(request):
        return None
    if request.get("REQUEST_METHOD", "GET").upper() not in WRITE_METHODS:
        return None
    if not cookie_authenticated(request):
        return None
    sent = request.getHeader("Origin")
    header = "Origin"
    if not sent:
        sent = request.getHeader("Referer")
        header = "Referer"
    own = own_origins(request)
    if not sent or origin(sent) not in own:
        return _(
            "Refused: a change made with the portal's login cookie must come from the "
            "portal's own pages (${header} ${expected}), and this request's ${header} is "
            "'${sent}'. Nothing was changed.",
            mapping={
                "header": header,
                "expected": sorted(o for o in own if o)[0],
                "sent": (sent or "")[:200],
            },
        )
    content_type = request.getHeader("Content-Type", "").split(";")[0].strip().lower()
    if content_type != JSON_TYPE and not _verify_request(request):
        return _(
            "Refused: a change made with the portal's login cookie must be sent as JSON "
            "(Content-Type: application/json) or carry the form token (X-CSRF-TOKEN). "
            "Nothing was changed."
        )
    return None


def check(event):
    """IPubAfterTraversal: refuse a cross-site REST write before it runs."""
    reason = refusal(event.request)
    if reason is not None:
        raise CrossSiteRequestRefused(reason)


class RefusalView(BrowserView):
    """The exception view of ``CrossSiteRequestRefused``: 403 with the reason, JSON."""

    def __call__(self):
        # Vietnamese unless the request puts English first (as hardening/).
        message = translated(self.context.reason, self.request)
        body = error(self.request, 403, REFUSED_TYPE, message)
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        return json.dumps(body, ensure_ascii=False)
