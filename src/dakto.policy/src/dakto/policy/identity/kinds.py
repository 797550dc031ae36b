"""The kinds of local unit a site may belong to, after the 2025 reform.

Since 1 July 2025 the local government has two levels: the province (tỉnh,
thành phố) and the commune level, which is a commune (xã), a ward (phường)
or a special zone (đặc khu). Towns (thị trấn) and districts are gone. This
is the one list of kinds: the identity settings' ``kind`` field, ``dakto
add-site --kind`` and the administrator's page all take its tokens.

``identity_values`` derives the texts of a new site's identity from its
body's name, kind and province, so provisioning and tests name a unit the
same way.
"""

import unicodedata

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from dakto.policy import _


COMMUNE = "xa"
WARD = "phuong"
SPECIAL_ZONE = "dac-khu"

# token: (the Vietnamese word used in names, the translated title)
KINDS = {
    COMMUNE: ("xã", _("Commune (xã)")),
    WARD: ("phường", _("Ward (phường)")),
    SPECIAL_ZONE: ("đặc khu", _("Special zone (đặc khu)")),
}
DEFAULT_KIND = COMMUNE

# The centrally-governed cities (thành phố trực thuộc trung ương) since 1 July
# 2025; every other province is a tỉnh.
CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")

BODY_PREFIX = "Ủy ban nhân dân"
PORTAL_PREFIX = "Trang thông tin điện tử"


class UnknownKind(ValueError):
    """A kind token that is not one of ``KINDS``."""

    def __init__(self, kind):
        self.kind = kind
        super().__init__(f"unknown kind {kind!r}: choose one of {', '.join(KINDS)}")


def _nfc(value):
    return unicodedata.normalize("NFC", value or "").strip()


def kind_word(kind):
    """The word before a unit's name: 'xã', 'phường' or 'đặc khu'."""
    if kind not in KINDS:
        raise UnknownKind(kind)
    return KINDS[kind][0]


def unit_name(body_name, kind):
    """The unit from its body's name: 'Ủy ban nhân dân phường Hải Châu' →
    'phường Hải Châu'; a bare 'Hải Châu' gets the kind's word in front."""
    name = _nfc(body_name)
    if name.lower().startswith(BODY_PREFIX.lower()):
        name = name[len(BODY_PREFIX) :].strip()
    word = kind_word(kind)
    if not name.lower().startswith(word + " "):
        name = f"{word} {name}"
    return name


def unit_place(town, kind):
    """The place's own name: 'phường Hải Châu' → 'Hải Châu'."""
    town = _nfc(town)
    word = kind_word(kind)
    if town.lower().startswith(word + " "):
        return town[len(word) :].strip()
    return town


def province_name(province):
    """The province as written in a sentence: 'Quảng Ngãi' → 'tỉnh Quảng Ngãi',
    'Đà Nẵng' → 'thành phố Đà Nẵng'; a name that has its word is kept."""
    province = _nfc(province)
    lowered = province.lower()
    if not province or lowered.startswith(("tỉnh ", "thành phố ")):
        return province
    if province in CITIES or province.replace("Thành phố ", "") in CITIES:
        return f"thành phố {province}"
    return f"tỉnh {province}"


def identity_values(body_name, kind, province, domain=None):
    """The identity settings of a new site (registry field name → value).

    The address, phone, e-mail and licence are left for the site's
    administrator: nothing is invented for them.
    """
    town = unit_name(body_name, kind)
    word = kind_word(kind)
    values = {
        "kind": kind,
        "body_name": f"{BODY_PREFIX} {town}",
        "town": town,
        "province": _nfc(province),
        "portal_title": f"{PORTAL_PREFIX} {town}",
        "editorial_head": f"Chủ tịch UBND {word}, Trưởng Ban Biên tập",
        # the national portals only (the footer's default): the province's
        # portal is added by the site's administrator with its address
        "related_links": [],
    }
    if domain:
        values["domain"] = _nfc(domain).lower()
    return values


@provider(IVocabularyFactory)
def site_kinds(context=None):
    """Vocabulary ``dakto.policy.site_kinds``: xa, phuong, dac-khu."""
    return SimpleVocabulary(
        [SimpleTerm(token, token, title) for token, (_word, title) in KINDS.items()]
    )
