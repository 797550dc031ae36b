"""Royalty records: one per published article, kept in the article's annotations.

A record holds the genre, the coefficient the board fixed within the genre's
frame, the payee and their unit, and — taken when it is recorded — the unit
value and the amount, so that a later change of the unit value does not
change what was due. The month of a record is the month the article was
published (Viet Nam time), which is what the monthly statement lists.
"""

from datetime import datetime
from decimal import ROUND_HALF_UP
from decimal import Decimal
from decimal import InvalidOperation

from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

from dakto.policy import _
from dakto.policy.royalties.settings import genres
from dakto.policy.royalties.settings import get_settings
from dakto.policy.workflow.history import published_month
from dakto.policy.workflow.names import PUBLISHED


ANNOTATION_KEY = "dakto.policy.royalty"
ROYALTY_TYPES = ("News Item",)
MAX_TEXT = 200


class RoyaltyError(ValueError):
    """A record refused: ``field`` names what is wrong, ``message`` says why."""

    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message


def get_record(obj):
    """The record of ``obj`` as a plain dict, or None."""
    record = IAnnotations(obj).get(ANNOTATION_KEY)
    return dict(record) if record is not None else None


def amount_of(coefficient, unit_value):
    """Whole đồng, rounded half up."""
    return int((coefficient * unit_value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _text(field, value, required):
    value = (value or "").strip() if isinstance(value, str) else value
    if value is not None and not isinstance(value, str):
        raise RoyaltyError(field, _("Enter text."))
    if required and not value:
        raise RoyaltyError(field, _("Required input is missing."))
    if value and len(value) > MAX_TEXT:
        raise RoyaltyError(field, _("At most ${max} characters.", mapping={"max": str(MAX_TEXT)}))
    return value or ""


def _coefficient(value, genre):
    if isinstance(value, bool) or value in (None, ""):
        raise RoyaltyError("coefficient", _("Required input is missing."))
    try:
        coefficient = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        coefficient = None
    if coefficient is None or not coefficient.is_finite():
        raise RoyaltyError("coefficient", _("Enter a number, e.g. 1.5."))
    if not genre.lowest <= coefficient <= genre.highest:
        raise RoyaltyError(
            "coefficient",
            _(
                "For '${genre}' the coefficient is from ${lowest} to ${highest}.",
                mapping={
                    "genre": genre.title,
                    "lowest": str(genre.lowest),
                    "highest": str(genre.highest),
                },
            ),
        )
    return coefficient.normalize()


def set_record(obj, genre, coefficient, payee, unit=""):
    """Record (or correct) the royalty of a published article; RoyaltyError if refused."""
    if obj.portal_type not in ROYALTY_TYPES:
        raise RoyaltyError("", _("Royalties are recorded for articles only."))
    if api.content.get_state(obj, default=None) != PUBLISHED:
        raise RoyaltyError("", _("Royalties are recorded once the article is published."))
    known = genres()
    if not isinstance(genre, str) or genre not in known:
        raise RoyaltyError(
            "genre",
            _("Choose one of: ${genres}.", mapping={"genres": ", ".join(known) or "-"}),
        )
    genre = known[genre]
    coefficient = _coefficient(coefficient, genre)
    payee = _text("payee", payee, required=True)
    unit = _text("unit", unit, required=False)
    unit_value = int(get_settings().unit_value or 0)
    user = api.user.get_current()
    record = PersistentMapping(
        genre=genre.token,
        genre_title=genre.title,
        coefficient=str(coefficient),
        unit_value=unit_value,
        amount=amount_of(coefficient, unit_value),
        payee=payee,
        unit=unit,
        month=published_month(obj),
        recorded_by=user.getId() if user is not None else "",
        recorded_at=datetime.now().astimezone().isoformat(timespec="seconds"),
    )
    IAnnotations(obj)[ANNOTATION_KEY] = record
    obj.reindexObject(idxs=["royalty_month"])
    return dict(record)


def royalty_month_indexer(obj):
    record = IAnnotations(obj).get(ANNOTATION_KEY)
    if record is None:
        raise AttributeError("royalty_month")
    return record["month"]
