"""The report's proposals and its signed records ("Ký và lưu hồ sơ").

Both are kept in an annotation of the site (``KEY``):

- ``proposals``: per period (``"YYYY-MM-DD_YYYY-MM-DD"``), the text of the
  board's proposals and recommendations (đề xuất, kiến nghị) that the head of
  the board writes before exporting; the report shows it as its own section;
- ``signed``: the signed reports, by id. A ``SignedReport`` keeps the ODT as it
  was exported when signed (a blob), the report's numbers as JSON (the same
  structure as ``GET @activity-report``), the proposals, who signed and
  when, and the ODT's SHA-256. It is never recomputed: the pages and REST
  read the record. Nothing changes it; only a Manager removes one
  (``remove_signed``), and once a period is signed its proposals are fixed.

Who writes the proposals and signs: the head of the board (role
``HeadOfBoard``, group ``truong-ban-bien-tap``) and Managers (``can_sign``).
"""

import hashlib
import json
from datetime import UTC
from datetime import datetime

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations

from dakto.policy import _
from dakto.policy.text import plain
from dakto.policy.workflow.names import HEAD_OF_BOARD_ROLE


KEY = "dakto.policy.reports.records"
MANAGER_ROLE = "Manager"
PROPOSALS_MAX = 20000  # characters
ODT_TYPE = "application/vnd.oasis.opendocument.text"


class RecordError(ValueError):
    """A refused change: ``status`` (403, 404, 409, 400) and a message."""

    def __init__(self, status, message, field=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field


class SignedReport(Persistent):
    """One signed report (set once, in ``sign``)."""

    def __init__(self, id, period, numbers, proposals, odt, signer_id, signer, signed):
        self.id = id
        self.start = period.start.isoformat()
        self.end = period.end.isoformat()
        self.numbers = numbers  # JSON text
        self.proposals = proposals
        self.odt = odt
        self.sha256 = hashlib.sha256(odt.data).hexdigest()
        self.signer_id = signer_id
        self.signer = signer
        self.signed = signed  # ISO 8601, UTC

    def filename(self):
        return f"bao-cao-hoat-dong-{self.start}_{self.end}-da-ky.odt"

    def summary(self):
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "signed": self.signed,
            "signer": self.signer,
            "signer_id": self.signer_id,
            "sha256": self.sha256,
            "size": len(self.odt.data),
        }


def _roles():
    if api.user.is_anonymous():
        return set()
    return set(api.user.get_roles(obj=api.portal.get()))


def can_sign():
    """The head of the board (or a Manager) writes the proposals and signs."""
    return bool(_roles() & {HEAD_OF_BOARD_ROLE, MANAGER_ROLE})


def is_manager():
    return MANAGER_ROLE in _roles()


def _store(create=False):
    annotations = IAnnotations(api.portal.get())
    store = annotations.get(KEY)
    if store is None and create:
        store = annotations[KEY] = PersistentMapping()
        store["proposals"] = OOBTree()
        store["signed"] = OOBTree()
    return store


def period_key(period):
    return f"{period.start.isoformat()}_{period.end.isoformat()}"


def get_proposals(period):
    """``{"text", "author", "modified"}`` of ``period``, or None."""
    store = _store()
    found = store["proposals"].get(period_key(period)) if store else None
    return dict(found) if found else None


def signed_for(period):
    """The signed report of ``period``, or None."""
    store = _store()
    if not store:
        return None
    wanted = (period.start.isoformat(), period.end.isoformat())
    return next((r for r in store["signed"].values() if (r.start, r.end) == wanted), None)


def _refuse_unless_signer():
    if not can_sign():
        raise RecordError(
            403,
            _("Only the head of the editorial board writes the proposals and signs the report."),
        )


def _user():
    user = api.user.get_current()
    return user.getId(), (user.getProperty("fullname") or "") or user.getId()


def set_proposals(period, text):
    """Keep ``text`` as the proposals of ``period`` (the head of the board)."""
    _refuse_unless_signer()
    if not isinstance(text, str):
        raise RecordError(400, _("text: the proposals must be a text."), field="text")
    text = plain(text.replace("\r\n", "\n"))
    if len(text) > PROPOSALS_MAX:
        raise RecordError(
            400,
            _("text: at most ${max} characters.", mapping={"max": PROPOSALS_MAX}),
            field="text",
        )
    if signed_for(period) is not None:
        raise RecordError(
            409, _("The report of this period is signed: its proposals can no longer change.")
        )
    user_id, _fullname = _user()
    _store(create=True)["proposals"][period_key(period)] = PersistentMapping(
        text=text, author=user_id, modified=datetime.now(UTC).isoformat(timespec="seconds")
    )
    return get_proposals(period)


def sign(period, numbers, odt_bytes):
    """Keep the report of ``period``: ``numbers`` (the translated report, a
    dict) and ``odt_bytes`` as exported now. One signed report per period."""
    _refuse_unless_signer()
    if signed_for(period) is not None:
        raise RecordError(409, _("The report of this period is already signed and kept."))
    store = _store(create=True)
    user_id, fullname = _user()
    now = datetime.now(UTC)
    id = f"{period_key(period)}-{now:%Y%m%d%H%M%S}"
    proposals = (get_proposals(period) or {}).get("text", "")
    odt = NamedBlobFile(odt_bytes, ODT_TYPE, f"bao-cao-hoat-dong-{period_key(period)}-da-ky.odt")
    record = SignedReport(
        id,
        period,
        json.dumps(numbers, ensure_ascii=False, sort_keys=True),
        proposals,
        odt,
        user_id,
        fullname,
        now.isoformat(timespec="seconds"),
    )
    store["signed"][id] = record
    return record


def signed_reports():
    """Every signed report, the latest first."""
    store = _store()
    return sorted(store["signed"].values(), key=lambda r: r.signed, reverse=True) if store else []


def get_signed(id):
    store = _store()
    record = store["signed"].get(id) if store and isinstance(id, str) else None
    if record is None:
        raise RecordError(404, _("No signed report with this id."))
    return record


def remove_signed(id):
    """Only a Manager removes a signed report."""
    record = get_signed(id)
    if not is_manager():
        raise RecordError(403, _("A signed report is a record: it cannot be changed or removed."))
    del _store()["signed"][record.id]
