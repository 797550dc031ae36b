"""Dossiers: where they are kept, how they are imported and looked up.

Storage: an ``OOBTree`` (code → ``Dossier``) in an annotation of the site
root (``ANNOTATION_KEY``), not content. A town's one-stop office receives
thousands of dossiers a year and re-imports them every day: as content each
would be an object with a workflow, catalog entries and a place in search,
listings and the sitemap (where an applicant's name must never appear),
while all a citizen does is look one up by its exact code. A BTree keyed by
the code answers in O(log n), loads only the buckets it reads, and an
import of thousands of rows is one transaction.

Import (``parse`` then ``apply``): a CSV file (header row, UTF-8) or JSON
(a list of objects, or ``{"dossiers": [...]}``) with the keys of
``COLUMNS``. Every row is checked first; one bad row refuses the whole
import (``ImportRefused`` with ``[(line, field, message)]``) and nothing is
stored. A re-import updates the dossiers with the same code, never
duplicates them.
"""

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC
from datetime import date
from datetime import datetime

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

from dakto.policy import _
from dakto.policy.dates import parse_date
from dakto.policy.dossier.vocabularies import STATUSES
from dakto.policy.dossier.vocabularies import VIETNAMESE_LABELS
from dakto.policy.text import fold
from dakto.policy.text import plain


ANNOTATION_KEY = "dakto.policy.dossiers"

# column -> (max length, required)
COLUMNS = {
    "code": (50, True),
    "procedure_name": (300, True),
    "procedure_code": (30, False),
    "applicant_name": (120, False),
    "received_date": (10, True),
    "appointment_date": (10, False),
    "status": (60, True),
}
MAX_ROWS = 50000
MAX_BYTES = 20 * 1024 * 1024

# One-stop codes: letters, digits, dots, dashes, slashes, underscores,
# e.g. 000.00.18.H34-261105-0001 (the national portal's form) or HS-2026-00123.
CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9._/-]{2,49}$")
MARKUP_RE = re.compile(r"<\s*[A-Za-z!/?]|javascript:", re.IGNORECASE)
STATUS_BY_LABEL = {
    fold(label): key for key, labels in VIETNAMESE_LABELS.items() for label in labels
} | {fold(key): key for key in STATUSES}


class ImportRefused(Exception):
    """The import is refused whole: ``errors`` is ``[(line, field, message)]``."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class Dossier(Persistent):
    """One dossier as the one-stop system last sent it."""

    def __init__(self, code):
        self.code = code
        self.created = datetime.now(UTC)
        self.updated = self.created

    def values(self):
        return {name: getattr(self, name, None) for name in FIELDS}

    def update(self, values):
        """Set ``values``; True when something changed."""
        if self.values() == values:
            return False
        for name, value in values.items():
            setattr(self, name, value)
        self.updated = datetime.now(UTC)
        return True


FIELDS = (
    "procedure_name",
    "procedure_code",
    "applicant_name",
    "received_date",
    "appointment_date",
    "status",
)


def storage(portal=None, create=False):
    annotations = IAnnotations(portal or api.portal.get())
    tree = annotations.get(ANNOTATION_KEY)
    if tree is None and create:
        tree = annotations[ANNOTATION_KEY] = OOBTree()
    return tree


def normalise_code(value):
    return (value or "").strip().upper() if isinstance(value, str) else ""


def valid_code(code):
    return bool(CODE_RE.match(code))


def get(code, portal=None):
    tree = storage(portal)
    return tree.get(code) if tree is not None else None


def count(portal=None):
    tree = storage(portal)
    return len(tree) if tree is not None else 0


# --- parsing -----------------------------------------------------------------


def _row_errors(line, raw):
    """``(values, errors)`` for one row (a dict of the file's columns)."""
    errors = []
    clean = {}
    if not isinstance(raw, dict):
        return None, [(line, "", _("Each dossier must be an object with the columns' keys."))]
    unknown = sorted(k for k in raw if k not in COLUMNS)
    if unknown:
        errors.append(
            (
                line,
                str(unknown[0])[:50],
                _(
                    "Unknown column; the columns are: ${columns}.",
                    mapping={"columns": ", ".join(COLUMNS)},
                ),
            )
        )
    for name, (max_length, required) in COLUMNS.items():
        value = raw.get(name)
        if value is None:
            value = ""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and name != "status":
            value = str(value)
        if not isinstance(value, str):
            errors.append((line, name, _("Enter text.")))
            continue
        value = plain(value, single_line=True)
        if not value:
            if required:
                errors.append((line, name, _("Required.")))
            clean[name] = None
            continue
        if len(value) > max_length:
            errors.append(
                (
                    line,
                    name,
                    _(
                        "At most ${max} characters (${count} given).",
                        mapping={"max": max_length, "count": len(value)},
                    ),
                )
            )
            continue
        if MARKUP_RE.search(value):
            errors.append((line, name, _("HTML tags and scripts are not accepted.")))
            continue
        if name == "code":
            value = value.upper()
            if not valid_code(value):
                errors.append(
                    (
                        line,
                        name,
                        _(
                            "A dossier code has 3 to 50 letters, digits, dots, dashes "
                            "or slashes, e.g. 000.00.18.H34-261105-0001."
                        ),
                    )
                )
                continue
        elif name in ("received_date", "appointment_date"):
            try:
                value = parse_date(value)
            except ValueError:
                errors.append((line, name, _("Not a date: write YYYY-MM-DD or dd/mm/yyyy.")))
                continue
        elif name == "status":
            key = STATUS_BY_LABEL.get(fold(value))
            if key is None:
                errors.append(
                    (
                        line,
                        name,
                        _(
                            "Unknown status '${value}'; accepted: ${allowed}.",
                            mapping={"value": value, "allowed": ", ".join(STATUSES)},
                        ),
                    )
                )
                continue
            value = key
        clean[name] = value
    received, appointment = clean.get("received_date"), clean.get("appointment_date")
    if isinstance(received, date) and isinstance(appointment, date) and appointment < received:
        errors.append(
            (line, "appointment_date", _("The appointment date is before the receipt date."))
        )
    return clean, errors


def _csv_rows(text):
    """``[(line, dict)]`` from CSV text (header row first)."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRefused([(1, "", _("The file is empty."))]) from None
    header = [h.strip().lower().lstrip("\ufeff") for h in header]
    missing = [c for c, (_m, required) in COLUMNS.items() if required and c not in header]
    if missing:
        raise ImportRefused(
            [
                (
                    1,
                    missing[0],
                    _(
                        "The header row lacks the column '${column}'; the columns are: ${columns}.",
                        mapping={"column": missing[0], "columns": ", ".join(COLUMNS)},
                    ),
                )
            ]
        )
    rows = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            rows.append((line, {"__count__": len(values)}))
            continue
        rows.append((line, dict(zip(header, values, strict=True))))
    return rows, len(header)


def parse(data, format=None):
    """Check a whole file; ``[values]`` or ``ImportRefused``.

    ``data``: bytes or str; ``format``: "csv", "json" or None (guessed: JSON
    when it starts with ``[`` or ``{``).
    """
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise ImportRefused(
                [(0, "", _("The file is too large (at most ${max} MB).", mapping={"max": 20}))]
            )
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRefused([(0, "", _("The file is not UTF-8 text."))]) from None
    text = data.lstrip("\ufeff")
    if format is None:
        format = "json" if text.lstrip()[:1] in ("[", "{") else "csv"
    if format == "json":
        try:
            loaded = json.loads(text)
        except (ValueError, RecursionError) as error:
            line = getattr(error, "lineno", 0)
            raise ImportRefused([(line, "", _("Not valid JSON."))]) from None
        if isinstance(loaded, dict) and isinstance(loaded.get("dossiers"), list):
            loaded = loaded["dossiers"]
        if not isinstance(loaded, list):
            raise ImportRefused(
                [
                    (
                        0,
                        "",
                        _(
                            "Send a JSON list of dossiers, or an object whose key dossiers holds the list."
                        ),
                    )
                ]
            )
        rows = [(index, row) for index, row in enumerate(loaded, start=1)]
        columns = None
    else:
        rows, columns = _csv_rows(text)
    if not rows:
        raise ImportRefused([(0, "", _("The file has no dossier."))])
    if len(rows) > MAX_ROWS:
        raise ImportRefused(
            [(0, "", _("At most ${max} dossiers in one import.", mapping={"max": MAX_ROWS}))]
        )
    errors, result, seen = [], [], {}
    for line, raw in rows:
        if isinstance(raw, dict) and "__count__" in raw:
            errors.append(
                (
                    line,
                    "",
                    _(
                        "${count} values for ${columns} columns.",
                        mapping={"count": raw["__count__"], "columns": columns},
                    ),
                )
            )
            continue
        values, row_errors = _row_errors(line, raw)
        errors.extend(row_errors)
        if row_errors:
            continue
        code = values["code"]
        if code in seen:
            errors.append(
                (
                    line,
                    "code",
                    _(
                        "The code ${code} is already on line ${line}.",
                        mapping={"code": code, "line": seen[code]},
                    ),
                )
            )
            continue
        seen[code] = line
        result.append(values)
    if errors:
        raise ImportRefused(errors)
    return result


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.unchanged

    def as_dict(self):
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "total": self.total,
        }


def apply(rows, portal=None):
    """Store checked rows (from ``parse``): update by code, create the new ones."""
    tree = storage(portal, create=True)
    result = ImportResult()
    for values in rows:
        code = values["code"]
        fields = {name: values.get(name) for name in FIELDS}
        dossier = tree.get(code)
        if dossier is None:
            dossier = Dossier(code)
            dossier.update(fields)
            tree[code] = dossier
            result.created += 1
        elif dossier.update(fields):
            result.updated += 1
        else:
            result.unchanged += 1
    return result


def import_data(data, format=None, portal=None):
    """Parse then apply: an ``ImportResult`` or ``ImportRefused`` (nothing stored)."""
    return apply(parse(data, format), portal)


def format_errors(errors, request=None, limit=50):
    """``[{"line", "field", "message"}]`` translated (the first ``limit``)."""
    from zope.i18n import translate

    return [
        {"line": line, "field": field, "message": translate(message, context=request)}
        for line, field, message in errors[:limit]
    ]


# --- what the public sees ----------------------------------------------------


def initials(name):
    """'Nguyễn Thị Hoa' → 'N. T. H.' (never the full name)."""
    words = [w for w in (name or "").split() if w[:1].isalpha()]
    return " ".join(f"{w[0].upper()}." for w in words)


def public_info(dossier, request=None):
    """What anyone with the code may see (JSON-ready)."""
    from zope.i18n import translate

    return {
        "code": dossier.code,
        "procedure": {"name": dossier.procedure_name, "code": dossier.procedure_code},
        "applicant_initials": initials(dossier.applicant_name),
        "received_date": dossier.received_date.isoformat() if dossier.received_date else None,
        "appointment_date": (
            dossier.appointment_date.isoformat() if dossier.appointment_date else None
        ),
        "status": dossier.status,
        "status_title": translate(STATUSES[dossier.status], context=request),
        "updated": dossier.updated.isoformat(timespec="seconds"),
    }
