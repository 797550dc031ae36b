"""The royalty settings: genres with their coefficient frames, the unit value.

NĐ 18/2014/NĐ-CP: royalty = coefficient × value of one coefficient unit
(10% of the base salary); the head of the body fixes the frame of
coefficients for each genre. The defaults are one province's frame for
commune sites (see vn-legal-notes.md); the town changes them in the control
panel.
"""

from dataclasses import dataclass
from decimal import Decimal
from decimal import InvalidOperation

from plone import api
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid

from dakto.policy import _
from dakto.policy import permissions


REGISTRY_PREFIX = "dakto.royalties"
MANAGE_PERMISSION = permissions.MANAGE_ROYALTIES


@dataclass(frozen=True)
class Genre:
    token: str
    lowest: Decimal
    highest: Decimal
    title: str


def parse_genre(line):
    """A ``Genre`` from 'id|lowest|highest|name'; ValueError with the reason."""
    parts = [part.strip() for part in (line or "").split("|")]
    if len(parts) != 4 or not all(parts):
        raise ValueError(line)
    token, lowest, highest, title = parts
    try:
        lowest, highest = Decimal(lowest), Decimal(highest)
    except InvalidOperation:
        raise ValueError(line) from None
    if not (0 < lowest <= highest) or not token.isascii() or " " in token:
        raise ValueError(line)
    return Genre(token, lowest, highest, title)


def valid_genre_lines(lines):
    tokens = set()
    for line in lines or ():
        try:
            genre = parse_genre(line)
        except ValueError:
            raise Invalid(
                _(
                    "'${line}': write one genre a line as id|lowest|highest|name, "
                    "e.g. 'tin|0.5|2|Tin', with 0 < lowest ≤ highest.",
                    mapping={"line": line},
                )
            ) from None
        if genre.token in tokens:
            raise Invalid(_("The genre id '${id}' is used twice.", mapping={"id": genre.token}))
        tokens.add(genre.token)
    return True


class IRoyaltySettings(Interface):
    genres = schema.List(
        title=_("Genres and their coefficient frames"),
        description=_(
            "One genre a line: id|lowest coefficient|highest coefficient|name, "
            "e.g. 'tin|0.5|2|Tin'. The highest may not exceed the decree's maximum "
            "(10 for news and photos, 30 for commentary, reportage, interviews, research)."
        ),
        value_type=schema.TextLine(),
        constraint=valid_genre_lines,
        required=True,
        default=[],
    )
    unit_value = schema.Int(
        title=_("Value of one coefficient unit (VND)"),
        description=_("10% of the base salary unless the head of the body decides otherwise."),
        min=0,
        required=True,
        default=234000,
    )


def get_settings():
    registry = api.portal.get_tool("portal_registry")
    return registry.forInterface(IRoyaltySettings, prefix=REGISTRY_PREFIX, check=False)


def genres():
    """The configured genres by id, in the configured order."""
    found = {}
    for line in get_settings().genres or ():
        try:
            genre = parse_genre(line)
        except ValueError:
            continue  # the control panel refuses such lines; skip one set by hand
        found.setdefault(genre.token, genre)
    return found
