"""What anyone holding a request's code may see: its state, the dates, the
deadline (and its extension, with the reason), the answer or the reason
for refusing (Luật TCTT Art. 28.2: the requester is told the reasons) —
never the requester's name, ID number, residence, phone or e-mail.

Lookups are rate-limited per client (``antispam.RateLimiter``, counted in
``counters.py``): with 31⁸ codes, guessing one is hopeless.
"""

from plone import api
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import code_status
from dakto.policy.access_to_information import requests as store
from dakto.policy.antispam import RateLimiter
from dakto.policy.dates import iso_datetime


STATUS_LIMITER = RateLimiter("information-request-status", 30, 300)
NOT_A_CODE = _(
    "'${code}' is not the code of a request for information. It looks like "
    "TT-7KQX-3MZD (letters and digits, without 0, O, 1, I or L)."
)
STEP_TITLES = {**store.STATES, store.EXTENDED: _("Deadline extended")}


def keep_private(response):
    """The code is a key: the page or answer with it is never kept by a cache
    (Varnish, the browser's), never indexed, never sent on as a referrer."""
    response.setHeader("Cache-Control", "private, no-store")
    response.setHeader("Referrer-Policy", "no-referrer")
    response.setHeader("X-Robots-Tag", "noindex, nofollow")


class NotFound(Exception):
    """No request has this code."""


def lookup(request, raw_code):
    """The request for ``raw_code``; ``Refused`` (400 malformed / 429), ``NotFound``."""
    return code_status.lookup(
        request,
        raw_code,
        limiter=STATUS_LIMITER,
        normalise=store.normalise_code,
        find=_find,
        not_a_code=NOT_A_CODE,
        not_found=NotFound,
    )


def _find(code):
    section = store.section(api.portal.get())
    return store.get(section, code) if section is not None else None


def status_info(info_request, request):
    """The JSON-ready public status (the same on the page and over REST)."""
    state = info_request.state
    notes = {}  # the last note of each step
    for step in info_request.history:
        if step["note"]:
            notes[step["state"]] = step["note"]
    closed = store.closed_at(info_request)
    return {
        "code": info_request.code,
        "status": state,
        "status_title": translate(store.STATES[state], context=request),
        "received": iso_datetime(info_request.created),
        "deadline": store.deadline(info_request).isoformat(),
        "extended": bool(info_request.extended_days),
        "extension_reason": notes.get(store.EXTENDED),
        "closed": iso_datetime(closed) if closed else None,
        "answer": notes.get(store.ANSWERED) if state == store.ANSWERED else None,
        "refusal_reason": notes.get(store.REFUSED) if state == store.REFUSED else None,
        "history": [
            {
                "status": h["state"],
                "title": translate(STEP_TITLES.get(h["state"], h["state"]), context=request),
                "date": iso_datetime(h["time"]),
            }
            for h in info_request.history
        ],
    }
