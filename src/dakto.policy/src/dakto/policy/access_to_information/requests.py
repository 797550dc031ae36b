"""Requests for information (Luật Tiếp cận thông tin 2016, Law 104/2016/QH13),
kept with their section.

The legal basis (checked against the law's text, see
docs/access-to-information.md):

- Art. 24.2: what a request states (name, residence, ID card or passport
  number, phone/fax/e-mail; the information asked for; how it is to be
  provided; the reason and purpose); the form itself is one of the forms of
  NĐ 13/2018/NĐ-CP (Art. 5, "Các mẫu phiếu");
- Art. 29-31 (at the office, online, by post or fax): information that is
  not simple or at hand is provided, or refused in writing, within 15
  working days of a valid request; the authority may extend that "tối đa
  không quá 15 ngày", telling the requester in writing within the time
  limit (Art. 31.2 reads so);
- Art. 28: the cases of refusal (28.1: among them the information of Art. 6,
  which is not accessible, and what Art. 17 makes public already); Art. 28.2:
  a refusal is told in writing with its reasons.

Where they live: an annotation (``ANNOTATION_KEY``) of the section
``thong-tin-cong-khai/tiep-can-thong-tin``, an OOBTree of ``InformationRequest``
keyed by the request's code. Like the comments on drafts they stay out of
the catalog, search and listings: nobody traverses to a request.

The code: ``TT-XXXX-XXXX``, drawn like feedback's tracking codes (the same
alphabet and groups, ``feedback.codes``), with its own prefix.

The deadline: ``ANSWER_DAYS`` working days from receipt (the board's
calendar with the registry's holidays, ``editorial_board.deadlines``),
extended once by at most ``EXTENSION_DAYS`` working days with a reason.

The workflow: received → processing → answered, or refused with the
reason. Every step is kept in the request's ``history`` (state, who, when,
note).
"""

from datetime import UTC
from datetime import datetime

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations

from dakto.policy import _
from dakto.policy.contacts import valid_email
from dakto.policy.dates import local_day
from dakto.policy.editorial_board import deadlines as calendar
from dakto.policy.feedback import codes
from dakto.policy.validation import citizen_text


ANNOTATION_KEY = "dakto.policy.information_requests"
SECTION_PATH = ("thong-tin-cong-khai", "tiep-can-thong-tin")
PREFIX = "TT"
ANSWER_DAYS = 15
EXTENSION_DAYS = 15
MAX_REQUEST_BYTES = 64 * 1024
STATUS_VIEW = "tra-cuu-yeu-cau-thong-tin"  # the public follow-up page, on the section

RECEIVED = "received"
PROCESSING = "processing"
ANSWERED = "answered"
REFUSED = "refused"
STATES = {
    RECEIVED: _("Request received"),
    PROCESSING: _("Being processed"),
    ANSWERED: _("Answered"),
    REFUSED: _("Refused"),
}
FINAL = (ANSWERED, REFUSED)
# state -> the states it may go to
TRANSITIONS = {
    RECEIVED: (PROCESSING, ANSWERED, REFUSED),
    PROCESSING: (ANSWERED, REFUSED),
    ANSWERED: (),
    REFUSED: (),
}
NOTE_REQUIRED = (ANSWERED, REFUSED)

DELIVERY = {
    "tai-noi": _("Receive at the office"),
    "mang-dien-tu": _("Receive online (e-mail)"),
    "buu-chinh": _("Receive by post"),
    "fax": _("Receive by fax"),
}

# public name -> (max length, label, required, single line); the order of the form
FIELDS = {
    "name": (120, _("Full name"), True, True),
    "birth_date": (10, _("Date of birth (dd/mm/yyyy)"), False, True),
    "id_number": (20, _("Identity card or passport number"), True, True),
    "residence": (300, _("Place of residence"), True, True),
    "phone": (20, _("Phone"), False, True),
    "email": (254, _("E-mail"), False, True),
    "information": (5000, _("Information requested"), True, False),
    "purpose": (2000, _("Purpose of the request"), True, False),
}
PERSONAL = ("name", "birth_date", "id_number", "residence", "phone", "email")


class InformationRequest(Persistent):
    """One request."""

    def __init__(self, code, values):
        self.code = code
        self.created = datetime.now(UTC)
        for name in FIELDS:
            setattr(self, name, values.get(name) or None)
        self.delivery = values.get("delivery")
        self.state = RECEIVED
        self.extended_days = 0
        self.history = PersistentList(
            [{"state": RECEIVED, "actor": None, "time": self.created, "note": ""}]
        )


def section(portal):
    obj = portal
    for name in SECTION_PATH:
        obj = obj.get(name) if obj is not None and hasattr(obj, "get") else None
    return obj


def _store(container, create=False):
    annotations = IAnnotations(container)
    store = annotations.get(ANNOTATION_KEY)
    if store is None and create:
        store = annotations[ANNOTATION_KEY] = OOBTree()
    return store


def new_code():
    return codes.new_code(PREFIX)


EXTENDED = "extended"  # a step of the history that is not a state


def normalise_code(value):
    """``' tt abcd-efgh '`` → ``'TT-ABCD-EFGH'``; None when it cannot be a code."""
    return codes.normalise(value, PREFIX)


def validate(data):
    """``(clean, errors)`` for the form (errors: {field: i18n message})."""
    clean, errors = {}, {}
    for name, (length, label, required, single) in FIELDS.items():
        value, error = citizen_text(data.get(name), label, length, required, single)
        if error:
            errors[name] = error
        clean[name] = value
    if clean.get("birth_date"):
        try:
            datetime.strptime(clean["birth_date"], "%d/%m/%Y")
        except ValueError:
            errors["birth_date"] = _("Write the date of birth as dd/mm/yyyy.")
    if clean.get("email") and not valid_email(clean["email"]):
        errors["email"] = _("Enter a valid e-mail address.")
    if not clean.get("phone") and not clean.get("email"):
        errors["phone"] = _("Give a phone number or an e-mail address, so that we can reach you.")
    delivery = data.get("delivery")
    if delivery not in DELIVERY:
        errors["delivery"] = _("Choose how you want to receive the information.")
    elif delivery == "mang-dien-tu" and not clean.get("email"):
        errors["email"] = _("Give the e-mail address the information should be sent to.")
    clean["delivery"] = delivery
    return clean, errors


def add(container, clean):
    store = _store(container, create=True)
    for _attempt in range(20):
        code = new_code()
        if code not in store:
            break
    else:  # pragma: no cover - 31^8 codes
        raise RuntimeError("Could not draw a free request code")
    request = InformationRequest(code, clean)
    store[code] = request
    return request


def get(container, code):
    store = _store(container)
    return store.get(code) if store is not None and isinstance(code, str) else None


def all_requests(container):
    store = _store(container)
    return sorted(store.values(), key=lambda r: r.created, reverse=True) if store else []


def deadline(request, holidays=None):
    """The last day to answer: ANSWER_DAYS working days from receipt, plus
    the extension if one was granted."""
    holidays = calendar.holidays() if holidays is None else holidays
    return calendar.add_working_days(
        request.created, ANSWER_DAYS + (request.extended_days or 0), holidays
    )


def closed_at(request):
    """When the request was answered or refused (None while open)."""
    if request.state not in FINAL:
        return None
    for step in reversed(request.history):
        if step["state"] in FINAL:
            return step["time"]
    return None


def is_late(request, today):
    """Open past its deadline, or answered or refused after it."""
    closed = closed_at(request)
    if closed is not None:
        return local_day(closed) > deadline(request)
    return today > deadline(request)


class TransitionError(ValueError):
    """A step the request cannot take (message: an i18n message)."""


def transition(request, state, actor, note=""):
    if state not in TRANSITIONS.get(request.state, ()):
        raise TransitionError(_("This step is not possible for the request in its state."))
    if state in NOTE_REQUIRED and not note:
        raise TransitionError(
            _("Write the answer, or the reason for refusing: the requester is told it.")
        )
    request.state = state
    request.history.append(
        {"state": state, "actor": actor, "time": datetime.now(UTC), "note": note}
    )


def extend(request, actor, reason, days=EXTENSION_DAYS):
    """Extend the deadline once, by at most EXTENSION_DAYS working days, with a reason."""
    if request.state in FINAL:
        raise TransitionError(_("This step is not possible for the request in its state."))
    if request.extended_days:
        raise TransitionError(_("The deadline was already extended once."))
    if not reason:
        raise TransitionError(_("Write why the deadline is extended: the requester is told it."))
    if not 0 < days <= EXTENSION_DAYS:
        raise TransitionError(
            _("The extension is at most ${days} working days.", mapping={"days": EXTENSION_DAYS})
        )
    request.extended_days = days
    request.history.append(
        {"state": EXTENDED, "actor": actor, "time": datetime.now(UTC), "note": reason}
    )
    request._p_changed = True
