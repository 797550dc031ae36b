"""Keep the dakto.policy catalogs in step with the code.

Extracts the msgids of the dakto.policy domain with i18ndude (Python, page
templates, ZCML, GenericSetup profiles) plus a small regex pass for the
commands' ``t("...")`` (tests/i18n/test_catalog.py), writes them to
locales/dakto.policy.pot, adds those a catalog lacks to the vi and en .po
files with an empty msgstr (entries no longer found are kept: a msgid may be
built at run time) and sorts the entries. Translations you pass with
``--vi MSGID=TEXT`` are filled in.
Usage: python scripts/i18n_sync.py [--vi 'Source=Nguồn tin' ...]
"""

import argparse
import sys
import unicodedata
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.i18n.test_catalog import LOCALES  # noqa: E402
from tests.i18n.test_catalog import extracted_msgids  # noqa: E402
from tests.i18n.test_catalog import parse_po  # noqa: E402


HEADER_END = '"Domain: dakto.policy\\n"\n'


def escape(text):
    # parse_po keeps backslash escapes (\n) as they are written: only the
    # quotes are unescaped, so only they are escaped again (doubling the
    # backslashes made every run corrupt a msgid with \n).
    return text.replace('"', '\\"')


def write(path, entries, header):
    body = "".join(
        f'msgid "{escape(m)}"\nmsgstr "{escape(entries[m])}"\n\n'
        for m in sorted(entries, key=lambda m: (m.lower(), m))  # 'By' before 'by', every run
    )
    path.write_text(header + "\n" + body, encoding="utf-8")


def header_of(path):
    text = path.read_text(encoding="utf-8")
    return text[: text.index(HEADER_END) + len(HEADER_END)]


def sync(path, msgids, extra=None):
    header = header_of(path)
    entries = parse_po(path)
    for msgid in msgids:
        entries.setdefault(msgid, "")
    for msgid, msgstr in (extra or {}).items():
        entries[msgid] = unicodedata.normalize("NFC", msgstr)
    write(path, entries, header)
    return sorted(m for m, s in entries.items() if not s)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--vi", action="append", default=[], metavar="MSGID=TEXT", help="a Vietnamese translation"
    )
    args = parser.parse_args(argv)
    vi = {}
    for pair in args.vi:
        if "=" not in pair:
            parser.error(f"--vi needs MSGID=TEXT, got: {pair}")
        msgid, text = pair.split("=", 1)
        vi[msgid] = text
    try:
        msgids = extracted_msgids()
    except (OSError, RuntimeError) as error:
        parser.exit(2, f"i18n_sync: {error} (is i18ndude installed? make install)\n")
    untranslated = sync(LOCALES / "vi" / "LC_MESSAGES" / "dakto.policy.po", msgids, vi)
    sync(LOCALES / "en" / "LC_MESSAGES" / "dakto.policy.po", msgids)
    pot = LOCALES / "dakto.policy.pot"
    write(pot, {m: "" for m in msgids}, header_of(pot))
    for msgid in untranslated:
        print(f"untranslated (vi): {msgid}")
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
