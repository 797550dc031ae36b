"""Security headers on every response, and secure cookie flags.

A subscriber of ZPublisher's IPubBeforeCommit, IPubBeforeAbort (error pages)
and IPubBeforeStreaming (blobs): the headers are set unless a view set its
own. HSTS and the cookies' Secure flag only when the request came over
HTTPS: the request's own scheme, ``X-Forwarded-Proto: https`` from the proxy,
or the ``behind_https`` setting. Zope's ``X-Powered-By`` is dropped
(``dakto.policy.patches``).
"""

from dakto.policy.security import settings


def _policy(script_src):
    return "; ".join(
        (
            "default-src 'self'",
            script_src,
            # Barceloneta and the mockup patterns set style attributes.
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


# Everything from the site itself, no other host. The pages anonymous
# visitors get (the public site) have no inline script nor event-handler
# attribute (tests/security/test_response_headers.py), so scripts must be files.
CONTENT_SECURITY_POLICY = _policy("script-src 'self'")
# Logged-in users also get Zope's management screens and z3c.form's
# ordered-select widget (the news topics field), which write inline scripts
# and onclick handlers, and Plone's editing patterns (folder contents, the
# structure pattern) compile their underscore templates at run time, an eval:
# code of Zope, z3c.form and mockup, not of this portal
# (tests/browser/test_folder_contents.py).
AUTHENTICATED_CONTENT_SECURITY_POLICY = _policy("script-src 'self' 'unsafe-inline' 'unsafe-eval'")
# No page of the portal uses the camera, the microphone or the location.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"
HEADERS = {
    "Permissions-Policy": PERMISSIONS_POLICY,
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


def is_anonymous(request):
    user = request.get("AUTHENTICATED_USER", None)
    return user is None or user.getUserName() == "Anonymous User"


def content_security_policy(request):
    if is_anonymous(request):
        return CONTENT_SECURITY_POLICY
    return AUTHENTICATED_CONTENT_SECURITY_POLICY


def secure_response(request, response):
    headers = dict(HEADERS, **{"Content-Security-Policy": content_security_policy(request)})
    for name, value in headers.items():
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
