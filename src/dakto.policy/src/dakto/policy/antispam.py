"""Spam and abuse protection shared by every public form and endpoint.

No external captcha (the portal must work without reaching other hosts):

- a honeypot: a text field named ``HONEYPOT_FIELD`` that people never see
  (hidden by CSS, ``aria-hidden``, ``tabindex=-1``, ``autocomplete=off``)
  and robots fill in; ``honeypot_html()`` renders it, ``check_honeypot``
  refuses a request (form or JSON body) that filled it;
- per-client rate limits: ``RateLimiter(name, max_requests, per_seconds)``,
  keyed by the client's address (``request.getClientAddr()``, which honours
  Zope's ``trusted-proxy`` setting behind a reverse proxy). The counters are
  the login lockout's kind (``dakto.policy.counters``): on RelStorage a table
  of the cluster's PostgreSQL database (``dakto_rate_hit``), on FileStorage
  an SQLite file next to the Data.fs (``rate-limits.sqlite``), so that every
  Zope process of the site counts against one budget per client (two
  processes that check at the same instant may both let the last request
  of a budget through); without either (the test layers) this process's
  memory. An administrator changes a limit without a restart in the
  registry record ``dakto.policy.antispam.rate_limits``
  (``{name: "max/seconds"}``, max 0 switches that limit off);
- size limits: ``check_length``, ``check_request_size``, ``check_file_size``.

Every refusal is ONE exception type, ``Refused``: HTML views catch it and
show ``refusal_message(request, refused)`` at the field (or at the top of
the form); REST services call ``refusal_response(request, refused)``, which
sets the HTTP status (400, 413 or 429, with ``Retry-After``) and returns the
JSON body ``{"error": {"type", "message", "field"}}``.
"""

import math
import threading
import time
from html import escape

from zope.i18n import translate

from dakto.policy import _
from dakto.policy import product_config
from dakto.policy.counters import ProcessCounters


HONEYPOT_FIELD = "website_homepage"
RATE_LIMITS_RECORD = "dakto.policy.antispam.rate_limits"
RATE_TABLE = "dakto_rate_hit"
RATE_FILE = "rate-limits.sqlite"


class Refused(Exception):
    """A request refused for spam, abuse, rate or size.

    ``message``: an i18n message for the person; ``status``: the HTTP status
    a REST service answers (400 bad input, 413 too large, 429 too many);
    ``field``: the form field concerned, or None; ``retry_after``: seconds.
    """

    def __init__(self, message, status=400, field=None, retry_after=None, kind="Refused"):
        super().__init__(message)
        self.message = message
        self.status = status
        self.field = field
        self.retry_after = retry_after
        self.kind = kind


def refusal_message(request, refused):
    """The refusal's message in the request's language (plain text)."""
    return translate(refused.message, context=request)


def refusal_response(request, refused):
    """For REST services: set the status (and Retry-After) and return the body."""
    from dakto.policy import rest

    return rest.error(
        request,
        refused.status,
        refused.kind,
        refused.message,
        field=refused.field,
        retry_after=refused.retry_after,
    )


# --- honeypot ------------------------------------------------------------


def honeypot_html(request=None):
    """The hidden honeypot input, to put inside every public <form>."""
    label = translate(_("Leave this field empty"), context=request) if request else ""
    return (
        '<div class="dakto-hp" aria-hidden="true" '
        'style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden">'
        f'<label for="{HONEYPOT_FIELD}">{escape(label)}</label>'
        f'<input type="text" id="{HONEYPOT_FIELD}" name="{HONEYPOT_FIELD}" value="" '
        'tabindex="-1" autocomplete="off" /></div>'
    )


def check_honeypot(request, data=None):
    """Refuse when the honeypot field is filled (in the form or in ``data``)."""
    values = [request.form.get(HONEYPOT_FIELD) if request is not None else None]
    if isinstance(data, dict):
        values.append(data.get(HONEYPOT_FIELD))
    if any(v not in (None, "", []) for v in values):
        raise Refused(
            _("Your message looks automated and was not accepted. Please send it again."),
            status=400,
            kind="Spam",
        )


# --- rate limits ------------------------------------------------------------


def client_address(request):
    """The client's address (behind a trusted proxy, the forwarded one)."""
    getter = getattr(request, "getClientAddr", None)
    address = getter() if getter else None
    return address or request.get("REMOTE_ADDR") or "unknown"


# The requests counted by every limiter, as ``("rate", name, address)``.
HITS = ProcessCounters(product_config.section(), RATE_TABLE, RATE_FILE)


def database_opened(event):
    """``IDatabaseOpenedWithRoot``: keep the counters next to a Data.fs."""
    HITS.use_database(event.database)


class RateLimiter:
    """At most ``max_requests`` hits per client within ``per_seconds``.

    ``hit(request)`` counts one request and raises ``Refused`` (429) when the
    client is over the limit. Registry overrides: ``RATE_LIMITS_RECORD``.
    """

    _all = {}
    _all_lock = threading.Lock()

    def __init__(self, name, max_requests, per_seconds):
        self.name = name
        self.max_requests = max_requests
        self.per_seconds = per_seconds
        self._lock = threading.Lock()
        with RateLimiter._all_lock:
            RateLimiter._all[name] = self

    def limits(self):
        """(max_requests, per_seconds), the registry's override if any."""
        try:
            from plone import api

            overrides = api.portal.get_registry_record(RATE_LIMITS_RECORD, default=None)
        except Exception:  # no site (scripts, unit tests)
            overrides = None
        value = (overrides or {}).get(self.name)
        if value:
            try:
                count, seconds = (int(part) for part in str(value).split("/", 1))
                return count, max(seconds, 1)
            except ValueError:
                pass
        return self.max_requests, self.per_seconds

    def hit(self, request, key=None):
        """Count one request of this client; ``Refused`` (429) if over the limit."""
        max_requests, per_seconds = self.limits()
        if max_requests <= 0:
            return
        key = ("rate", self.name, key or client_address(request))
        now = time.time()
        with self._lock:  # this process's threads check and count as one step
            hits = HITS.recent(key, per_seconds, max_requests, now)
            if len(hits) >= max_requests:
                wait = math.ceil(hits[0] + per_seconds - now)
                raise Refused(
                    _(
                        "Too many requests from your address. Please wait ${minutes} "
                        "minute(s) and try again.",
                        mapping={"minutes": max(1, math.ceil(wait / 60))},
                    ),
                    status=429,
                    retry_after=max(wait, 1),
                    kind="TooManyRequests",
                )
            HITS.fail(key, now)

    def reset(self):
        HITS.reset_prefix(("rate", self.name))

    @classmethod
    def reset_all(cls):
        """Forget every counter (tests)."""
        with cls._all_lock:
            limiters = list(cls._all.values())
        for limiter in limiters:
            limiter.reset()


# --- sizes ------------------------------------------------------------------


def check_length(field, value, max_chars, label=None):
    """Refuse a text longer than ``max_chars`` characters."""
    if value and len(value) > max_chars:
        raise Refused(
            _(
                "${field}: at most ${max} characters (you sent ${count}).",
                mapping={"field": label or field, "max": max_chars, "count": len(value)},
            ),
            status=400,
            field=field,
            kind="TooLong",
        )


def check_request_size(request, max_bytes):
    """Refuse a request whose body is larger than ``max_bytes``."""
    try:
        length = int(request.get("CONTENT_LENGTH") or request.environ.get("CONTENT_LENGTH") or 0)
    except (TypeError, ValueError, AttributeError):
        length = 0
    if length > max_bytes:
        raise Refused(
            _(
                "What you sent is too large (${size} MB; at most ${max} MB).",
                mapping={"size": _mb(length), "max": _mb(max_bytes)},
            ),
            status=413,
            kind="TooLarge",
        )


def check_file_size(field, filename, size, max_bytes):
    """Refuse a file larger than ``max_bytes``."""
    if size > max_bytes:
        raise Refused(
            _(
                "The file '${name}' is too large (${size} MB; at most ${max} MB).",
                mapping={"name": filename, "size": _mb(size), "max": _mb(max_bytes)},
            ),
            status=400,
            field=field,
            kind="TooLarge",
        )


def _mb(size):
    return f"{size / 1048576:.1f}".rstrip("0").rstrip(".")
