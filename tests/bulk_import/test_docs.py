"""docs/bulk-import.md lists every column of every kind as columns.py
defines it (header, required, other headers): the page an administrator
reads to fill a sheet is the code's layout."""

import re
from pathlib import Path

from dakto.policy.bulk_import.columns import KINDS


DOC = Path(__file__).resolve().parents[2] / "docs" / "bulk-import.md"


def test_the_documented_columns_are_the_codes():
    text = DOC.read_text(encoding="utf-8")
    for kind, columns in KINDS.items():
        section = text.split(f"### {kind}\n\n", 1)[1].split("\n\n", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("| ")][2:]
        documented = [
            [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row.strip("|"))]
            for row in rows
        ]
        expected = [
            [c.header, "yes" if c.required else "", c.kind, ", ".join(c.aliases), c.note]
            for c in columns
        ]
        assert documented == expected, kind
