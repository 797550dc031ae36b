"""The unit answers (Quy chế Điều 9.1–9.2): feedback forwarded to a unit or
a person (``forwarded_to``: an OrgUnit or Person of the organisation) is
answered by them, without a portal account, through a signed link in the
forward mail; the board reviews that draft answer before the citizen sees
it (four eyes).

Why a link and not a unit role: the units and leaders of the organisation
are content (OrgUnit, Person with an e-mail address), not portal users;
giving each a login, a password policy and a role to keep up to date for
a few answers a year costs more than it protects. The link opens exactly one
page — that item's answer page, ``@@tra-loi-phan-anh?t=…`` (over REST
``GET``/``POST @unit-answer?t=…``, ``services.py``) — and nothing else: it is
not a login, no cookie is set, and the page shows only what the unit needs to
answer (subject, content, topic, dates, and the files the citizen attached,
downloaded with the same link: ``&file=<n>``; never the sender's details).

The token is ``<item UID>.<nonce>.<HMAC-SHA256>``: the HMAC of the UID and
nonce with the site's ``_system`` secret (plone.keyring; any key of the ring
verifies, so a rotation keeps the links already sent). The nonce is drawn at
each forward and kept on the item (``unit_link_nonce``): forwarding again,
or the unit's answer, or the board sending the answer back, replaces or
clears it, so an older link stops working. The link works while the item
waits for its answer (state forwarded) up to the step's deadline
(``deadlines.step_deadline``: 15 working days from receipt, or the day a
progress notice announced).

- tampered or unknown → 403 "Liên kết không hợp lệ";
- answered, withdrawn or past the deadline → 410 "Liên kết đã hết hạn".

The unit's answer is a draft (``unit_answer``: text, who answered, when);
the board (``Review portal content``: the receivers, the administrators)
approves it at ``@@duyet-tra-loi`` or ``POST @unit-answer-review/<code>``
(possibly edited; ``GET @unit-answers`` lists the items forwarded): it becomes the
item's answer and the ``answer`` transition mails the citizen and shows it
on the follow-up page; or sends it back with a note, which mails the unit a
new link.
"""

import hashlib
import hmac
import secrets

from DateTime import DateTime
from plone import api
from plone.keyring.interfaces import IKeyManager
from zope.component import getUtility
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import mail
from dakto.policy.dates import local_date
from dakto.policy.editorial_board.deadlines import today
from dakto.policy.feedback import names
from dakto.policy.feedback.deadlines import step_deadline


ANSWER_VIEW = "tra-loi-phan-anh"
REVIEW_VIEW = "duyet-tra-loi"
RING = "_system"
PURPOSE = b"dakto.feedback.unit-answer\x00"
MAX_BY = 200
MAX_NOTE = 2000
ATTACHMENT_PARAM = "file"
APPROVE = "approve"
SEND_BACK = "send_back"
# What the unit is told once its answer is kept (its page and POST @unit-answer).
SENT_TO_BOARD = _(
    "The board reviews it before it is sent to the citizen. This link no longer opens the feedback."
)
# What the board is told once it has decided (its page and POST @unit-answer-review).
REVIEWED = {
    APPROVE: _("The answer was approved and sent to the citizen."),
    SEND_BACK: _("The answer was sent back to the unit with a new link."),
}


class LinkRefused(Exception):
    """The link opens nothing: its HTTP status and what the unit is told
    (the page's heading and text; over REST the message and ``detail``)."""

    status = 403
    title = None
    text = None


class InvalidLink(LinkRefused):
    """Tampered, malformed or unknown: 403."""

    status = 403
    title = _("This link is not valid")
    text = _(
        "The address is incomplete or was changed. Open the link exactly as it "
        "is in the mail from the editorial board, or ask the board for a new one."
    )


class ExpiredLink(LinkRefused):
    """Good signature, but answered, withdrawn or past the deadline: 410."""

    status = 410
    title = _("This link has expired")
    text = _(
        "The feedback was already answered, was taken back by the editorial "
        "board, or its deadline has passed. Contact the board if it still "
        "needs your answer."
    )


def _keys():
    ring = getUtility(IKeyManager)[RING]
    return [key for key in ring if key]


def _sign(key, uid, nonce):
    if isinstance(key, str):
        key = key.encode("utf-8")
    message = PURPOSE + f"{uid}.{nonce}".encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def new_token(obj):
    """Draw a new nonce for ``obj`` (older links stop working) and return its token."""
    nonce = secrets.token_hex(12)
    obj.unit_link_nonce = nonce
    uid = obj.UID()
    return f"{uid}.{nonce}.{_sign(getUtility(IKeyManager).secret(RING), uid, nonce)}"


def keep_private(response):
    """The token is a key: what it opens is never cached, never sent on as a
    referrer, never indexed (its page and ``@unit-answer``)."""
    response.setHeader("Cache-Control", "private, no-store")
    response.setHeader("Referrer-Policy", "no-referrer")
    response.setHeader("X-Robots-Tag", "noindex, nofollow")


def link(token):
    return f"{api.portal.get().absolute_url()}/@@{ANSWER_VIEW}?t={token}"


def current_token(obj):
    """The token of the nonce now on the item, or None when no link is open."""
    nonce = getattr(obj, "unit_link_nonce", None)
    if not nonce:
        return None
    uid = obj.UID()
    return f"{uid}.{nonce}.{_sign(getUtility(IKeyManager).secret(RING), uid, nonce)}"


def current_link(obj):
    """The link of the nonce now on the item (for the receivers to pass on
    by phone or Zalo), or None when no link is open."""
    token = current_token(obj)
    return link(token) if token else None


def attachment_link(token, index):
    """Where the unit downloads the item's attachment ``index`` with its link."""
    return f"{link(token)}&{ATTACHMENT_PARAM}={index}"


def readable(obj):
    """What the link shows the unit (its page and ``GET @unit-answer``):
    what it needs to answer, never the sender's details. Dates are dates;
    the topic is its token; attachments are ``(index, filename, bytes)``."""
    from dakto.policy.feedback.deadlines import received

    return {
        "code": obj.tracking_code,
        "subject": obj.title,
        "content": obj.content,
        "topic": obj.topic,
        "received": received(obj),
        "due": step_deadline(obj),
        "unit": recipient_title(obj),
        "attachments": [
            (index, a.filename, a.getSize() or 0) for index, a in enumerate(obj.attachments or ())
        ],
    }


def attachment(obj, index):
    """The item's attachment ``index`` (a string from the link), or None."""
    try:
        return (obj.attachments or ())[int(index)]
    except (ValueError, IndexError, TypeError):
        return None


def _find(uid):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid, portal_type=names.PORTAL_TYPE)
    return brains[0]._unrestrictedGetObject() if brains else None


def check(token):
    """The item a token opens; ``InvalidLink`` or ``ExpiredLink`` otherwise."""
    parts = token.split(".") if isinstance(token, str) else []
    if len(parts) != 3 or not all(parts) or len(token) > 200:
        raise InvalidLink()
    uid, nonce, signature = parts
    if not any(hmac.compare_digest(_sign(key, uid, nonce), signature) for key in _keys()):
        raise InvalidLink()
    obj = _find(uid)
    if obj is None:
        raise InvalidLink()
    current = getattr(obj, "unit_link_nonce", None)
    if not current or not hmac.compare_digest(current, nonce):
        raise ExpiredLink()
    if api.content.get_state(obj, default=None) != names.FORWARDED:
        raise ExpiredLink()
    due = step_deadline(obj)
    if due is None or today() > due:
        raise ExpiredLink()
    return obj


def validate(text, by):
    """``(clean, errors)`` of the unit's answer form."""
    from dakto.policy.feedback.content import MAX_ANSWER

    errors = {}
    text = text.strip() if isinstance(text, str) else ""
    by = by.strip() if isinstance(by, str) else ""
    if not text:
        errors["answer"] = _("Write the answer to the citizen.")
    elif len(text) > MAX_ANSWER:
        errors["answer"] = _(
            "The answer is too long: at most ${max} characters.", mapping={"max": MAX_ANSWER}
        )
    if not by:
        errors["by"] = _("Give the name and position of who answers.")
    elif len(by) > MAX_BY:
        errors["by"] = _("At most ${max} characters.", mapping={"max": MAX_BY})
    return {"text": text, "by": by}, errors


def recipient_title(obj):
    from dakto.policy.feedback.events import recipient_object

    recipient = recipient_object(obj)
    return recipient.Title() if recipient is not None else ""


def answer(obj, text, by):
    """The unit's answer from its page or ``POST @unit-answer``: ``{field:
    message}`` when refused (nothing kept), else ``{}`` once kept for the board."""
    clean, errors = validate(text, by)
    if not errors:
        submit_answer(obj, clean["text"], clean["by"])
    return errors


def submit_answer(obj, text, by):
    """Keep the unit's draft, close its link and tell the board (queued mail)."""
    obj.unit_answer = {
        "text": text,
        "by": by,
        "unit": recipient_title(obj),
        "time": DateTime(),
    }
    obj.unit_link_nonce = None
    obj.reindexObject(idxs=["modified"])
    request = getattr(obj, "REQUEST", None)
    subject = translate(
        _(
            "The unit answered feedback ${code}: please review the answer",
            mapping={"code": obj.tracking_code},
        ),
        context=request,
    )
    body = f"{obj.title}\n\n{by}\n\n{obj.absolute_url()}/@@{REVIEW_VIEW}\n"
    return mail.send_each(board_addresses(), subject, body)


def board_addresses():
    """Who reviews the units' answers: the notice address of the feedback
    settings and the members of the receivers' group."""
    from dakto.policy.feedback.submit import settings

    found = []
    notify = settings("notify_address", None)
    if notify:
        found.append(notify)
    for member in api.user.get_users(groupname=names.RECEIVERS_GROUP):
        email = member.getProperty("email")
        if email and email not in found:
            found.append(email)
    return found


def draft(obj):
    return getattr(obj, "unit_answer", None) or None


def approve(obj, text):
    """The board approves the (edited) draft: it becomes the answer, and the
    ``answer`` transition mails the citizen and shows it on the follow-up page."""
    record = dict(draft(obj) or {})
    record.update(approved_by=api.user.get_current().getId(), approved=DateTime())
    obj.unit_answer = record
    obj.answer = text
    api.content.transition(
        obj,
        transition=names.ANSWER,
        comment=translate(
            _("Answer of ${unit} approved by the board.", mapping={"unit": record.get("unit")}),
            context=getattr(obj, "REQUEST", None),
        ),
    )


def review(obj, action, text=None, note=None):
    """The board's decision on the unit's draft (its page and ``POST
    @unit-answer-review``): ``APPROVE`` with the answer (``text``, possibly
    corrected) or ``SEND_BACK`` with a ``note``. ``{field: message}`` when
    refused ("form": nothing to review), else ``{}`` once done."""
    record = draft(obj)
    if record is None:
        return {"form": _("The unit has not answered yet.")}
    if api.content.get_state(obj, default=None) != names.FORWARDED:
        return {"form": _("This feedback is no longer waiting for an answer.")}
    if action == APPROVE:
        clean, errors = validate(text, record.get("by"))
        if errors.get("answer"):
            return {"answer": errors["answer"]}
        approve(obj, clean["text"])
        return {}
    if action == SEND_BACK:
        note = note.strip() if isinstance(note, str) else ""
        if not note:
            return {"note": _("Say what the unit should change.")}
        if len(note) > MAX_NOTE:
            return {"note": _("At most ${max} characters.", mapping={"max": MAX_NOTE})}
        send_back(obj, note)
        return {}
    return {
        "action": _(
            "Choose ${approve} or ${send_back}.",
            mapping={"approve": APPROVE, "send_back": SEND_BACK},
        )
    }


def send_back(obj, note):
    """The board returns the draft with a note: the unit gets a new link."""
    record = dict(draft(obj) or {})
    record.update(returned=DateTime(), note=note)
    obj.unit_answer_returned = record
    obj.unit_answer = None
    return mail_unit(obj, note=note)


def mail_unit(obj, note=""):
    """Mail the unit or person the item was forwarded to a new link; True
    when queued (False: no e-mail address, or mail not configured)."""
    from dakto.policy.feedback.events import recipient_object

    recipient = recipient_object(obj)
    email = getattr(recipient, "email", None) if recipient is not None else None
    token = new_token(obj)
    if not email:
        return False
    request = getattr(obj, "REQUEST", None)
    subject = translate(
        _(
            "Feedback ${code} was forwarded to you: please answer",
            mapping={"code": obj.tracking_code},
        ),
        context=request,
    )
    body = translate(
        _(
            'The editorial board forwarded you the feedback "${subject}" (${code}) to '
            "answer (Quy chế Điều 9).\n\n${note}Write the answer at this address, "
            "without logging in:\n${url}\n\nThe link opens only this feedback's answer "
            "page and works once, until ${day}. The board reviews the answer before it "
            "is sent to the citizen.",
            mapping={
                "subject": obj.title,
                "code": obj.tracking_code,
                "note": f"{note}\n\n" if note else "",
                "url": link(token),
                "day": local_date(step_deadline(obj)),
            },
        ),
        context=request,
    )
    return mail.send(email, subject, body)
