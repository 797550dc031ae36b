"""The ZMI is refused to requests the public front marks as public.

The shipped Varnish and HAProxy (deploy/) answer 403 to a client outside
DAKTO_ZMI_ALLOW that asks for a management screen by its URL, and mark every
request of such a client with ``X-Dakto-Front: public`` (overwriting what
the client sent). What a proxy cannot read reliably, Zope checks here after
it decoded the URL and the form and traversed: a management method
(``manage``, ``manage_*``, also reached through the ``:method``/``:action``
form markers in a POST body or through XML-RPC), the root's ``acl_users`` or
``Control_Panel`` → 403 for a request marked public. A request that comes
straight to the Zope port (an SSH tunnel, the machine itself) carries no mark.
"""

import json
from html import escape

import zExceptions
from Acquisition import aq_base

from dakto.policy import _
from dakto.policy.hardening import refusal


PUBLIC_HEADER = "X-Dakto-Front"
PUBLIC = "public"
ROOT_NAMES = ("acl_users", "Control_Panel")
MESSAGE = _(
    "The management interface (ZMI) is not reachable from this address. "
    "Administrators use an allowed address or an SSH tunnel to the Zope port."
)


class Forbidden(zExceptions.Forbidden):
    """The ZMI asked for through the public front: 403 with the reason (Zope
    takes the status from the exception's class name: it stays Forbidden)."""


def is_management_name(name):
    return name == "manage" or name.startswith("manage_")


def is_zmi_request(request):
    """Did this request traverse to a management screen or the root's user
    folder or control panel, or is it XML-RPC (which calls any method)?"""
    if any(is_management_name(str(name)) for name in request.steps):
        return True
    if (request.get_header("Content-Type") or "").lower().lstrip().startswith("text/xml"):
        return True
    parents = request.get("PARENTS") or []
    if not parents:
        return False
    root = parents[-1]
    for name in ROOT_NAMES:
        target = getattr(aq_base(root), name, None)
        if target is not None and any(aq_base(p) is target for p in parents[:-1]):
            return True
    return False


def refuse_public_zmi(event):
    """``IPubAfterTraversal``: a 403 for the ZMI through the public front."""
    request = event.request
    if (request.get_header(PUBLIC_HEADER) or "").strip().lower() != PUBLIC:
        return
    if is_zmi_request(request):
        raise Forbidden(refusal(MESSAGE, request))


class ZMIRefusedView:
    """The page (or JSON, for a client that did not ask for HTML) of this
    module's ``Forbidden``: the reason, no traceback, no site chrome (it may be the
    Zope root)."""

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self):
        response = self.request.response
        response.setStatus(403)
        message = str(self.context) or refusal(MESSAGE, self.request)
        if "text/html" in (self.request.getHeader("Accept") or ""):
            response.setHeader("Content-Type", "text/html; charset=utf-8")
            return (
                '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
                f"<title>403</title></head><body><main><h1>403</h1><p>{escape(message)}</p>"
                "</main></body></html>"
            )
        response.setHeader("Content-Type", "application/json")
        return json.dumps({"error": {"type": "Forbidden", "message": message}}, ensure_ascii=False)
