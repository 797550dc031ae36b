"""Every custom string goes through i18n and has a Vietnamese translation.

The msgids of the ``dakto.policy`` domain are what i18ndude extracts from the
policy's code, templates, ZCML and GenericSetup profiles (behaviour and
profile titles, FTI actions, control panel titles: ``i18ndude_msgids``), plus
a small regex pass (``used_msgids``) for what i18ndude does not read: the
commands' ``t("...")`` and a few ``_("...")`` its tokenizer skips.
"""

import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest


POLICY = Path(__import__("dakto.policy").policy.__file__).parent
THEME = Path(__import__("dakto.theme").theme.__file__).parent
LOCALES = POLICY / "locales"
DOMAIN = "dakto.policy"
# Distributions whose code translates in the dakto.policy domain besides the
# policy itself (the ``dakto`` command's distribution, once it exists).
OTHER_SOURCES = [
    path
    for path in sorted((POLICY.parents[3]).glob("dakto.*/src/dakto/*"))
    if path.is_dir() and path.name not in ("policy", "theme") and any(path.rglob("*.py"))
]
# XML templates that zope.tal's HTML parser cannot read (and that have no msgids).
I18NDUDE_EXCLUDE = "rss.pt"

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


def parse_pot_multiline(text):
    """The msgids of a .pot as i18ndude writes it (a msgid may continue over
    several quoted lines), in the one-line form of ``parse_po`` (backslash
    escapes kept, quotes unescaped). i18ndude writes a newline of a Python
    msgid as it is, inside the quotes: it becomes ``\\n`` again."""
    found = set()
    for block in re.findall(r'^msgid ((?:"(?:[^"\\]|\\.)*"\n)+)', text, re.M):
        msgid = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
        if msgid:
            found.add(msgid.replace('\\"', '"').replace("\n", "\\n"))
    return found


def i18ndude_msgids(paths=None):
    """What ``i18ndude rebuild-pot --create dakto.policy`` finds in the policy,
    the theme (its ZCML translates in this domain) and the command's
    distribution (Python, page templates, ZCML, GenericSetup XML)."""
    script = Path(sys.executable).with_name("i18ndude")
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "extracted.pot"
        result = subprocess.run(
            [str(script), "rebuild-pot", "--pot", str(pot), "--create", DOMAIN]
            + ["--exclude", I18NDUDE_EXCLUDE]
            + [str(p) for p in (paths or [POLICY, THEME, *OTHER_SOURCES])],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode or not pot.exists():
            raise RuntimeError(f"i18ndude failed: {result.stderr.strip()[-2000:]}")
        return parse_pot_multiline(pot.read_text(encoding="utf-8"))


def used_msgids():
    """The regex pass: ``_("...")``/``t("...")`` in Python, ``i18n:translate``
    in page templates."""
    found = set()
    python = [POLICY, THEME, *OTHER_SOURCES]
    for path in [f for folder in python for f in folder.rglob("*.py")]:
        source = path.read_text(encoding="utf-8")
        # implicit string concatenation inside _( ... ) is joined first
        source = re.sub(r'"\s*\n\s*"', "", source)
        found.update(m.replace('\\"', '"') for m in PY_MSGID.findall(source))
    for path in POLICY.rglob("*.pt"):
        found.update(pt_msgids(path.read_text(encoding="utf-8")))
    return found


def extracted_msgids():
    """Every msgid of the domain: i18ndude's extraction and the regex pass."""
    return i18ndude_msgids() | used_msgids()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalog_covers_every_msgid(language):
    catalog = parse_po(LOCALES / language / "LC_MESSAGES" / "dakto.policy.po")
    missing = sorted(extracted_msgids() - set(catalog))
    assert missing == [], f"msgids missing from {language}: {missing}"


def test_every_vietnamese_translation_present_and_nfc():
    catalog = parse_po(LOCALES / "vi" / "LC_MESSAGES" / "dakto.policy.po")
    assert all(catalog.values()), [m for m, s in catalog.items() if not s]
    assert all(unicodedata.is_normalized("NFC", s) for s in catalog.values())


def test_placeholders_kept_in_translations():
    catalog = parse_po(LOCALES / "vi" / "LC_MESSAGES" / "dakto.policy.po")
    for msgid, msgstr in catalog.items():
        assert set(re.findall(r"\$\{\w+\}", msgid)) == set(re.findall(r"\$\{\w+\}", msgstr)), msgid
