"""Security headers on every response, and secure cookie flags.

A subscriber of ZPublisher's IPubBeforeCommit, IPubBeforeAbort (error pages)
and IPubBeforeStreaming (blobs): the headers are set unless a view set its
own. HSTS and the cookies' Secure flag only when the request came over
HTTPS: the request's own scheme, ``X-Forwarded-Proto: https`` from the proxy,
or the ``behind_https`` setting.
"""

from dakto.policy.security import settings


# Everything from the site itself. Barceloneta and the mockup patterns set
# style attributes and a few inline scripts (Plone's own configuration
# snippets), so inline styles and scripts are allowed; no other host is.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self' blob:",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "SAMEORIGIN",
}
HSTS = "max-age=31536000; includeSubDomains"


def is_https(request):
    if (request.get("HTTP_X_FORWARDED_PROTO", "") or "").split(",")[0].strip().lower() == "https":
        return True
    if (request.get("SERVER_URL", "") or "").startswith("https://"):
        return True
    if (request.get("HTTPS", "") or "").lower() in ("on", "1"):
        return True
    try:
        return bool(settings.get("behind_https"))
    except Exception:  # noqa: BLE001 - outside a site (the Zope root): no setting
        return False


def secure_response(request, response):
    for name, value in HEADERS.items():
        if not response.getHeader(name):
            response.setHeader(name, value)
    https = is_https(request)
    if https:
        response.setHeader("Strict-Transport-Security", HSTS)
    for name, cookie in getattr(response, "cookies", {}).items():
        # the attribute names as ZPublisher.cookie.convertCookieParameter spells them
        cookie.setdefault("SameSite", "Lax")
        if name == "__ac":
            cookie["HttpOnly"] = True
        if https:
            cookie["Secure"] = True


def before_commit(event):
    secure_response(event.request, event.request.response)


def before_streaming(event):
    request = getattr(event.response, "_request", None) or getattr(event, "request", None)
    if request is None:
        from zope.globalrequest import getRequest

        request = getRequest()
    if request is not None:
        secure_response(request, event.response)
