"""Texts written with one unit's names, made another unit's (issue 15).

Two kinds of text are created by code and name the body:

- the texts the install creates (the personal-data notice names the body as
  data controller) are written with the identity the site has at that moment:
  the profile's defaults, the demo commune's. When the identity changes
  afterwards (``dakto add-site`` sets it right after the install, an
  administrator edits it in Site Setup), ``follow_identity`` replaces the old
  value with the new one in those texts;
- the demo content is written with the demo commune's names (xã Đắk Tô, the
  former thị trấn Đắk Tô of Kon Tum, Quảng Ngãi). On any other site
  ``localise_site`` rewrites the demo's texts with the site's own names when
  the demo profile has been imported: a ward of Đà Nẵng gets demo news of
  phường Hải Châu. On the demo commune's own site nothing changes (its
  historic legal documents keep the former town's name).
"""

import io
import re
import unicodedata
import zipfile

from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from zope.schema import getFieldsInOrder

from dakto.policy.identity.kinds import BODY_PREFIX
from dakto.policy.identity.kinds import KINDS
from dakto.policy.identity.kinds import PORTAL_PREFIX
from dakto.policy.identity.kinds import province_name
from dakto.policy.identity.kinds import unit_place


# The unit the demo texts are written about: the profile's identity defaults.
DEMO_PLACE = "Đắk Tô"
PLACE_PATTERN = "(?:Đắk Tô|Dak To)"  # the English pages write it without diacritics
DEMO_TOWN = "xã Đắk Tô"
DEMO_MAIL_DOMAIN = "quangngai.gov.vn"
DEMO_MAIL_UNIT = "xadakto"

# The fields of the identity whose text the install's texts contain.
FOLLOWED = ("body_name", "portal_title", "town", "province")

ENGLISH_KINDS = {"xa": "commune", "phuong": "ward", "dac-khu": "special zone"}


def _nfc(value):
    return unicodedata.normalize("NFC", value or "")


def is_demo_unit(identity):
    return _nfc(getattr(identity, "town", "") or "").strip().lower() == DEMO_TOWN.lower()


def _cap(text):
    return text[:1].upper() + text[1:]


def replacements(identity):
    """``[(compiled pattern, replacement)]`` that turn the demo commune's names
    into the site's, longest names first."""
    kind = getattr(identity, "kind", None) or "xa"
    word = KINDS.get(kind, KINDS["xa"])[0]
    town = _nfc(identity.town).strip() or f"{word} {DEMO_PLACE}"
    place = unit_place(town, kind)
    province = province_name(identity.province or "")
    bare_province = re.sub(r"^(tỉnh|thành phố)\s+", "", province, flags=re.IGNORECASE)
    body = _nfc(identity.body_name).strip() or f"{BODY_PREFIX} {town}"
    portal = _nfc(identity.portal_title).strip() or f"{PORTAL_PREFIX} {town}"
    domain = (getattr(identity, "domain", None) or "").strip() or "example.vn"
    english = f"{place} {ENGLISH_KINDS.get(kind, 'commune')}"
    city = province.lower().startswith("thành phố")
    english_province = f"{bare_province} {'city' if city else 'province'}"
    here = PLACE_PATTERN
    pairs = [
        # mail addresses: nvthanh.xadakto@quangngai.gov.vn → nvthanh@<domain>
        (rf"\b([\w.-]+?)\.{DEMO_MAIL_UNIT}@{re.escape(DEMO_MAIL_DOMAIN)}\b", rf"\1@{domain}"),
        (rf"\b{DEMO_MAIL_UNIT}@{re.escape(DEMO_MAIL_DOMAIN)}\b", f"ubnd@{domain}"),
        (rf"{PORTAL_PREFIX} (thị trấn|xã) {here}", portal),
        (rf"{BODY_PREFIX} (thị trấn|xã) {here}", body),
        (rf"(UBND|HĐND) (thị trấn|xã) {here}", rf"\1 {town}"),
        (rf"People's Committee of {here} (town|commune)", f"People's Committee of {english}"),
        (rf"{here} (town|commune)", english),
        (rf"huyện {here}, tỉnh Kon Tum", province),
        (rf"(thị trấn|xã) {here}", town),
        (rf"(Thị trấn|Xã) {here}", _cap(town)),
        (r"(UBND|HĐND) thị trấn", rf"\1 {word}"),
        (r"\bthị trấn\b", word),
        (r"\bThị trấn\b", _cap(word)),
        (r"tỉnh (Quảng Ngãi|Kon Tum)", province),
        (r"(Quảng Ngãi|Quang Ngai|Kon Tum) province", english_province),
        (r"(phường|thành phố) Kon Tum", province),
        (r"Quảng Ngãi|Quang Ngai|Kon Tum", bare_province),
        (here, place),
    ]
    return [(re.compile(pattern), replacement) for pattern, replacement in pairs]


def ascii_text(text):
    """``text`` without diacritics, đ as d, capitals kept (the demo's PDFs)."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if not unicodedata.combining(c))


def ascii_replacements(rules):
    """The same rules for text written without diacritics."""
    return [
        (re.compile(ascii_text(pattern.pattern)), ascii_text(replacement))
        for pattern, replacement in rules
    ]


class Localiser:
    """``localiser(text)``: the text in the site's names; ``.ascii(text)``
    for text without diacritics; files (ODT, PDF, plain text) too."""

    def __init__(self, rules):
        self.rules = rules
        self.ascii_rules = ascii_replacements(rules)

    def __call__(self, text):
        return localise(text, self.rules)

    def ascii(self, text):
        return localise(text, self.ascii_rules)


def localise(text, rules):
    if not isinstance(text, str) or not text:
        return text
    result = _nfc(text)
    for pattern, replacement in rules:
        result = pattern.sub(replacement, result)
    return result


def _rewrite(value, change):
    """``value`` with ``change`` applied to every text in it (strings, rich
    text, lists, tuples and dicts of them); the same object if unchanged."""
    if isinstance(value, str):
        new = change(value)
        return value if new == value else new
    if getattr(change, "ascii", None) and hasattr(value, "contentType") and hasattr(value, "data"):
        return _rewrite_file(value, change)
    if isinstance(value, RichTextValue):
        raw = change(value.raw)
        if raw == value.raw:
            return value
        return RichTextValue(raw, value.mimeType, value.outputMimeType, value.encoding)
    if isinstance(value, (list, tuple)):
        items = [_rewrite(item, change) for item in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        items = {key: _rewrite(item, change) for key, item in value.items()}
        if all(items[key] is value[key] for key in value):
            return value
        return type(value)(items)
    return value


PDF_TEXT = re.compile(rb"\((.*?)(?<!\\)\) Tj")


def _rewrite_file(value, change):
    """A file of the demo with its text in the site's names: plain text,
    OpenDocument (each XML part), or the demo's one-page PDF (made again)."""
    data = value.data or b""
    new = data
    if data[:4] == b"%PDF":
        texts = [
            t.decode("latin-1").replace("\\(", "(").replace("\\)", ")").replace("\\\\", "\\")
            for t in PDF_TEXT.findall(data)
        ]
        changed = [change.ascii(t) for t in texts]
        if texts and changed != texts:
            from dakto.policy.procedures.forms import simple_pdf

            new = simple_pdf(changed[0], changed[1:])
    elif data[:2] == b"PK":
        new = _rewrite_zip(data, change)
    elif (value.contentType or "").startswith("text/"):
        new = change(data.decode("utf-8", "replace")).encode("utf-8")
    if new == data:
        return value
    return type(value)(new, value.contentType, value.filename)


def _rewrite_zip(data, change):
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    changed = False
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            member = source.read(info.filename)
            if info.filename.endswith(".xml"):
                new = change(member.decode("utf-8")).encode("utf-8")
                changed = changed or new != member
                member = new
            target.writestr(info, member, compress_type=info.compress_type)
    return buffer.getvalue() if changed else data


def rewrite_object(obj, change):
    """Apply ``change`` to the texts of ``obj``'s fields (its Dexterity schema
    and behaviours, read and written through their adapters); True if any
    changed."""
    changed = False
    try:
        schemata = list(iterSchemata(obj))
    except (TypeError, AttributeError):  # not a Dexterity object
        return False
    for schema in schemata:
        adapted = schema(obj, None)
        if adapted is None:
            continue
        for _name, field in getFieldsInOrder(schema):
            if field.readonly:
                continue
            try:
                value = field.query(adapted)
            except Exception:  # noqa: BLE001 - a computed field that cannot be read here
                continue
            new = _rewrite(value, change)
            if new is not value and new != value:
                field.set(adapted, new)
                changed = True
    return changed


def localise_site(portal, identity):
    """Rewrite the demo commune's names into ``identity``'s in every item of
    ``portal`` and its front page text; the number of items changed."""
    if is_demo_unit(identity):
        return 0
    change = Localiser(replacements(identity))

    count = 0
    catalog = portal.portal_catalog
    for brain in catalog.unrestrictedSearchResults(path="/".join(portal.getPhysicalPath())):
        obj = brain._unrestrictedGetObject()
        if rewrite_object(obj, change):
            obj.reindexObject()
            count += 1
    if rewrite_object(portal, change):
        count += 1
    return count


def follow_identity(portal, name, old, new):
    """The identity's ``name`` changed from ``old`` to ``new``: the texts the
    install created that contain ``old`` get ``new``."""
    if name not in FOLLOWED or not old or not new or old == new:
        return 0
    from dakto.policy.accessibility.statement import STATEMENT_ID
    from dakto.policy.personal_data.interfaces import NOTICE_ID

    old, new = _nfc(old), _nfc(new)

    def change(text):
        return text.replace(old, new) if old in text else text

    count = 0
    for item_id in (NOTICE_ID, STATEMENT_ID):
        obj = portal.get(item_id) if hasattr(portal, "get") else None
        if obj is not None and rewrite_object(obj, change):
            obj.reindexObject()
            count += 1
    return count
