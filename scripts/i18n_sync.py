"""Keep the dakto.policy catalogs in step with the code.

Adds every msgid used in the code (``_("...")``, ``t("...")``,
``i18n:translate=""``) that a catalog lacks, with an empty msgstr, and sorts
the entries. Translations you pass with ``--vi MSGID=TEXT`` are filled in.
Usage: python scripts/i18n_sync.py [--vi 'Source=Nguồn tin' ...]
"""

import argparse
import sys
import unicodedata
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.i18n.test_catalog import LOCALES  # noqa: E402
from tests.i18n.test_catalog import parse_po  # noqa: E402
from tests.i18n.test_catalog import used_msgids  # noqa: E402


HEADER_END = '"Domain: dakto.policy\\n"\n'


def escape(text):
    # parse_po keeps backslash escapes (\n) as they are written: only the
    # quotes are unescaped, so only they are escaped again (doubling the
    # backslashes made every run corrupt a msgid with \n).
    return text.replace('"', '\\"')


def write(path, entries, header):
    body = "".join(
        f'msgid "{escape(m)}"\nmsgstr "{escape(entries[m])}"\n\n'
        for m in sorted(entries, key=str.lower)
    )
    path.write_text(header + "\n" + body, encoding="utf-8")


def sync(path, extra=None):
    text = path.read_text(encoding="utf-8")
    header = text[: text.index(HEADER_END) + len(HEADER_END)]
    entries = parse_po(path)
    for msgid in used_msgids():
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
    untranslated = sync(LOCALES / "vi" / "LC_MESSAGES" / "dakto.policy.po", vi)
    sync(LOCALES / "en" / "LC_MESSAGES" / "dakto.policy.po")
    pot = LOCALES / "dakto.policy.pot"
    write(
        pot,
        {m: "" for m in parse_po(LOCALES / "vi" / "LC_MESSAGES" / "dakto.policy.po")},
        pot.read_text(encoding="utf-8")[
            : pot.read_text(encoding="utf-8").index(HEADER_END) + len(HEADER_END)
        ],
    )
    for msgid in untranslated:
        print(f"untranslated (vi): {msgid}")
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
