"""Requests for information (Luật Tiếp cận thông tin 2016, Art. 24-29;
the form of NĐ 13/2018/NĐ-CP, Mẫu số 02), kept with their section.

Where they live: an annotation (``ANNOTATION_KEY``) of the section
``thong-tin-cong-khai/tiep-can-thong-tin``, an OOBTree of ``InformationRequest``
keyed by the request's code. Like the comments on drafts they stay out of
the catalog, search and listings: nobody traverses to a request.

The code: ``TT-XXXX-XXXX``, drawn like feedback's tracking codes (the same
alphabet and groups, ``feedback.codes``), with its own prefix.

The deadline: ``ANSWER_DAYS`` working days from receipt (the board's
calendar with the registry's holidays, ``editorial_board.deadlines``),
extended once by at most ``EXTENSION_DAYS`` working days with a reason
(Art. 28.3: "có thể gia hạn nhưng tối đa không quá 15 ngày").

The workflow: received → processing → answered, or refused with the
reason (Art. 28.1c / Art. 34: the requester is told why). Every step is kept
in the request's ``history`` (state, who, when, note).
"""

import secrets
from datetime import UTC
from datetime import datetime

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations

from dakto.policy import _
from dakto.policy.contacts import valid_email
from dakto.policy.editorial_board import deadlines as calendar
from dakto.policy.feedback.codes import ALPHABET
from dakto.policy.feedback.codes import GROUPS
from dakto.policy.validation import citizen_text


ANNOTATION_KEY = "dakto.policy.information_requests"
SECTION_PATH = ("thong-tin-cong-khai", "tiep-can-thong-tin")
PREFIX = "TT"
ANSWER_DAYS = 15
EXTENSION_DAYS = 15
MAX_REQUEST_BYTES = 64 * 1024

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
    groups = ["".join(secrets.choice(ALPHABET) for _ in range(size)) for size in GROUPS]
    return "-".join([PREFIX, *groups])


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


def is_late(request, today):
    return request.state not in FINAL and today > deadline(request)


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
        {"state": "extended", "actor": actor, "time": datetime.now(UTC), "note": reason}
    )
    request._p_changed = True
