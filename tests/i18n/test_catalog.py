"""Every custom string goes through i18n and has a Vietnamese translation."""

import re
import unicodedata
from pathlib import Path

import pytest


POLICY = Path(__import__("dakto.policy").policy.__file__).parent
THEME = Path(__import__("dakto.theme").theme.__file__).parent
LOCALES = POLICY / "locales"

PY_MSGID = re.compile(r'(?<![A-Za-z0-9_])(?:_|t)\(\s*"((?:[^"\\]|\\.)*)"')
PT_MSGID = re.compile(r'i18n:translate="">([^<]+)<')
# An element with i18n:name inside a translated one stands for ${name} in the msgid.
PT_NAMED = re.compile(r'<(\w+)[^<>]*\bi18n:name="(\w+)"[^<>]*?(?:/>|>[^<]*</\1>)')


def pt_msgids(text):
    text = PT_NAMED.sub(lambda m: "${" + m.group(2) + "}", text)
    return {" ".join(m.split()) for m in PT_MSGID.findall(text)}


def parse_po(path):
    text = path.read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "((?:[^"\\]|\\.)*)"\nmsgstr "((?:[^"\\]|\\.)*)"', text, re.M)
    return {m.replace('\\"', '"'): s.replace('\\"', '"') for m, s in pairs if m}


def used_msgids():
    found = set()
    for path in list(POLICY.rglob("*.py")) + list(THEME.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        # implicit string concatenation inside _( ... ) is joined first
        source = re.sub(r'"\s*\n\s*"', "", source)
        found.update(m.replace('\\"', '"') for m in PY_MSGID.findall(source))
    for path in POLICY.rglob("*.pt"):
        found.update(pt_msgids(path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalog_covers_every_msgid(language):
    catalog = parse_po(LOCALES / language / "LC_MESSAGES" / "dakto.policy.po")
    missing = sorted(used_msgids() - set(catalog))
    assert missing == [], f"msgids missing from {language}: {missing}"


def test_every_vietnamese_translation_present_and_nfc():
    catalog = parse_po(LOCALES / "vi" / "LC_MESSAGES" / "dakto.policy.po")
    assert all(catalog.values()), [m for m, s in catalog.items() if not s]
    assert all(unicodedata.is_normalized("NFC", s) for s in catalog.values())


def test_placeholders_kept_in_translations():
    catalog = parse_po(LOCALES / "vi" / "LC_MESSAGES" / "dakto.policy.po")
    for msgid, msgstr in catalog.items():
        assert set(re.findall(r"\$\{\w+\}", msgid)) == set(re.findall(r"\$\{\w+\}", msgstr)), msgid
