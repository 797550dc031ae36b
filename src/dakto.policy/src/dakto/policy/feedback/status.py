"""What anyone holding a tracking code may see of an item: its status, the
dates and, once answered, the answer — never the sender's details."""

from plone import api
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import code_status
from dakto.policy.antispam import RateLimiter
from dakto.policy.dates import iso_datetime
from dakto.policy.feedback import codes
from dakto.policy.feedback import names
from dakto.policy.feedback.deadlines import answer_deadline
from dakto.policy.feedback.deadlines import history
from dakto.policy.feedback.deadlines import progress_notices
from dakto.policy.feedback.deadlines import received
from dakto.policy.feedback.deadlines import state_entered


STATUS_LIMITER = RateLimiter("feedback-status", 30, 300)
NOT_A_CODE = _(
    "'${code}' is not a tracking code. A tracking code looks like "
    "PA-7KQX-3MZD (letters and digits, without 0, O, 1, I or L)."
)

STATE_TITLES = {
    names.RECEIVED: _("Received"),
    names.CLASSIFIED: _("Classified"),
    names.FORWARDED: _("Forwarded for an answer"),
    names.ANSWERED: _("Answered"),
    names.PUBLISHED_QA: _("Answered and published in the Q&A"),
    names.CLOSED: _("Closed"),
    names.REJECTED: _("Rejected"),
}


class NotFound(Exception):
    """No item has this code."""


def find(code):
    """The item with this (normalised) code, or None. Unrestricted."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type=names.PORTAL_TYPE, tracking_code=code)
    return brains[0]._unrestrictedGetObject() if brains else None


def lookup(request, raw_code):
    """The item for ``raw_code``; ``Refused`` (400 malformed / 429), ``NotFound``."""
    return code_status.lookup(
        request,
        raw_code,
        limiter=STATUS_LIMITER,
        normalise=codes.normalise,
        find=find,
        not_a_code=NOT_A_CODE,
        not_found=NotFound,
    )


def _iso(value):
    """ISO 8601 in Viet Nam time (a DateTime or a date); None if unset."""
    return iso_datetime(value) or None


def status_info(obj, request):
    """The JSON-ready status of one item (the same on the page and over REST)."""
    state = api.content.get_state(obj, default=None)
    steps = [
        {
            "status": entry.get("review_state"),
            "title": translate(STATE_TITLES.get(entry.get("review_state"), ""), context=request),
            "date": _iso(entry.get("time")),
        }
        for entry in history(obj)
        if entry.get("review_state") in STATE_TITLES
    ]
    answered = None
    if state in names.ANSWER_VISIBLE_STATES:
        answered = _iso(state_entered(obj, names.ANSWERED))
    qa_url = None
    if state == names.PUBLISHED_QA:
        qa_url = (
            f"{api.portal.get().absolute_url()}/{names.SECTION}/{names.QA_SECTION}#q-{obj.UID()}"
        )
    return {
        "tracking_code": obj.tracking_code,
        "subject": obj.title,
        "status": state,
        "status_title": translate(STATE_TITLES.get(state, state or ""), context=request),
        "received": _iso(received(obj)),
        "channel": getattr(obj, "channel", None),
        "updated": _iso(state_entered(obj)),
        "answer_due": _iso(answer_deadline(obj)) if state in names.OPEN_STATES else None,
        "answer": (obj.answer or None) if state in names.ANSWER_VISIBLE_STATES else None,
        "answered": answered,
        "rejection_reason": (obj.rejection_reason or None) if state == names.REJECTED else None,
        "published_in_qa": qa_url,
        "history": steps,
        # what the citizen was told while waiting (NĐ 43/2011 Art. 17)
        "progress_notices": [
            {"date": _iso(n["time"]), "text": n["text"], "expected": _iso(n["expected"])}
            for n in progress_notices(obj)
        ],
    }
