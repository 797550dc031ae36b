"""What the project's REST services share: one error shape, the JSON body.

Errors follow plone.restapi's own services (e.g. ``@workflow``):
``{"error": {"type", "message"[, "field", "errors", ...]}}`` with the HTTP
status; messages are translated into the request's language.
"""

import json

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


def error(request, status, type, message, field=None, errors=None, retry_after=None, **extra):
    """Set ``status`` (and Retry-After) and return the error body."""
    response = request.response
    response.setStatus(status, lock=True)
    if retry_after:
        response.setHeader("Retry-After", str(int(retry_after)))
    body = {"type": type, "message": translate(message, context=request)}
    if field:
        body["field"] = field
    if errors:
        body["errors"] = errors
    body.update(extra)
    return {"error": body}


def bad_request(request, errors):
    """400 for ``errors`` ({field: message}); the first names the field in the message."""
    translated = [
        {"field": field, "message": translate(message, context=request)}
        for field, message in errors.items()
    ]
    first = translated[0]
    prefix = f"{first['field']}: " if first["field"] else ""
    return error(
        request,
        400,
        "BadRequest",
        prefix + first["message"],
        field=first["field"],
        errors=translated,
    )


def json_object(request):
    """The request's JSON body when it is an object, else None."""
    try:
        data = json.loads(request.get("BODY") or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def allow_write(request):
    """As plone.restapi's own write services: the API authenticates by header."""
    alsoProvides(request, IDisableCSRFProtection)


@implementer(IPublishTraverse)
class TraversingService(Service):
    """A service that takes the path after its name: ``@name/a/b`` → ``params == ["a", "b"]``."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self
