"""Check a whole sheet, then write it: all or nothing per file.

``run(portal, importer, sheet, ...)``:

1. the header is matched to the importer's columns (``columns.py``); an
   unknown or missing required column refuses the file;
2. every row is converted and checked (the schema's fields, the type's
   rules over several fields, duplicates in the file and on the site);
   every error is collected as ``(row, column header, message)``;
3. only when no row has an error are the items created or updated, in the
   current transaction (the caller commits; an error aborts it, so nothing
   is half-written). Every ``BATCH`` items the indexing queue is processed
   and a savepoint taken, which bounds the memory of a 10,000-row file.

Why all or nothing rather than resumable: a sheet is corrected and imported
again as a whole, and a re-run updates what exists (by the key of each
type), so a failed import never leaves a part of a file to find and finish.

Fast path: the items are created without the add events (no notification
mails, no editorial log, no audit entry for 10,000 rows), given their
workflow state directly (``workflow/imported.py``), registered in the
intid catalog (relations) and the province index, and catalogued once each.
"""

import threading
import time
import urllib.request
from contextlib import ExitStack
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from pathlib import Path

import transaction
from plone import api
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue

from dakto.policy import _
from dakto.policy.bulk_import import columns as cols
from dakto.policy.dates import parse_date
from dakto.policy.text import fold
from dakto.policy.text import plain
from dakto.policy.workflow.imported import set_published
from dakto.policy.workflow.names import PUBLISHED


BATCH = 500
FETCH_TIMEOUT = 30
MAX_FILE = 100 * 1024 * 1024
ACTOR = "dakto-import"
TRUE = ("co", "x", "1", "yes", "true", "dung", "c")
FALSE = ("", "khong", "0", "no", "false", "sai", "k")
DRAFT = "draft"
STATES = {
    "": PUBLISHED,
    "published": PUBLISHED,
    "da xuat ban": PUBLISHED,
    "xuat ban": PUBLISHED,
    "cong khai": PUBLISHED,
    "draft": DRAFT,
    "nhap": DRAFT,
    "ban nhap": DRAFT,
    "chua xuat ban": DRAFT,
}


class Refused(Exception):
    """Nothing was written: ``errors`` is ``[(row, column header, message)]``;
    row 0 is the file itself."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    seconds: float = 0.0
    items: list = field(default_factory=list)  # paths, in row order

    @property
    def total(self):
        return self.created + self.updated + self.unchanged


class FileRef:
    """A file named by a row: in the ``--files`` folder or fetched; what
    ``filetypes`` reads (``filename``, ``open()``) before anything is stored."""

    def __init__(self, filename, path=None, data=None):
        self.filename = filename
        self.path = path
        self.data = data

    def open(self):
        import io

        return open(self.path, "rb") if self.path is not None else io.BytesIO(self.data)

    def read(self):
        return self.path.read_bytes() if self.path is not None else self.data


def fetch(url, timeout=FETCH_TIMEOUT):
    """The bytes at ``url`` (http or https); ValueError with a reason."""
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(url)
    request = urllib.request.Request(url, headers={"User-Agent": "dakto-import"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data = response.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise ValueError(url)
    return data


def reason(error):
    """One line saying why a fetch failed (any exception)."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class Converter:
    """Turns the cells of one row into values, collecting errors."""

    def __init__(self, importer, files_dir=None):
        self.importer = importer
        self.files_dir = Path(files_dir).resolve() if files_dir else None
        self.errors = []

    def error(self, row, column, message):
        self.errors.append((row, column.header if column else "", message))

    def value(self, row, column, raw):
        """The value of ``raw`` for ``column``, or None (an error is recorded)."""
        kind = column.kind
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if kind == cols.DATE:
            if isinstance(raw, datetime):
                return raw.date()
            if isinstance(raw, date):
                return raw
            try:
                return parse_date(str(raw))
            except ValueError:
                self.error(
                    row,
                    column,
                    _("'${value}' is not a date: write dd/mm/yyyy.", mapping={"value": raw}),
                )
                return None
        text = str(raw)
        if kind == cols.BOOL:
            if isinstance(raw, bool):
                return raw
            folded = fold(text).strip()
            if folded in TRUE:
                return True
            if folded in FALSE:
                return False
            self.error(row, column, _("'${value}': write 'có' or 'không'.", mapping={"value": raw}))
            return None
        if kind == cols.STATE:
            state = STATES.get(" ".join(fold(text).split()))
            if state is None:
                self.error(
                    row,
                    column,
                    _(
                        "'${value}' is not a state: write 'Đã xuất bản' or 'Nháp'.",
                        mapping={"value": raw},
                    ),
                )
            return state
        if kind in (cols.CHOICE, cols.CHOICES):
            return self.choice(row, column, text)
        if kind == cols.FILE:
            return self.file(row, column, text.strip())
        if kind == cols.HTML:
            text = plain(text)
            if "<" in text and ">" in text:
                return RichTextValue(text, "text/html", "text/x-html-safe")
            paragraphs = "".join(
                f"<p>{_escape(line)}</p>" for line in text.splitlines() if line.strip()
            )
            return RichTextValue(paragraphs, "text/html", "text/x-html-safe")
        if kind in (cols.LINE, cols.URL):
            return plain(text, single_line=True)
        if kind in (cols.WAYS, cols.COMPONENTS):
            return self.importer.structured(self, row, column, plain(text))
        return plain(text)

    def choice(self, row, column, text):
        lookup = self.importer.choices(column.name)
        values = []
        parts = (
            [p for p in text.replace(",", ";").split(";")]
            if column.kind == cols.CHOICES
            else [text]
        )
        for part in parts:
            if not part.strip():
                continue
            token = lookup.get(" ".join(fold(part).split()))
            if token is None:
                self.error(
                    row,
                    column,
                    _(
                        "'${value}' is not one of: ${choices}.",
                        mapping={
                            "value": part.strip(),
                            "choices": self.importer.choice_list(column.name),
                        },
                    ),
                )
                return None
            values.append(token)
        return values if column.kind == cols.CHOICES else values[0]

    def file(self, row, column, text):
        if text.lower().startswith(("http://", "https://")):
            try:
                data = fetch(text)
            except Exception as error:  # any network failure is a row error
                self.error(
                    row,
                    column,
                    _(
                        "The file ${url} cannot be fetched (${reason}).",
                        mapping={"url": text, "reason": reason(error)},
                    ),
                )
                return None
            name = text.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or "file"
            return FileRef(name, data=data)
        if self.files_dir is None:
            self.error(
                row,
                column,
                _(
                    "'${name}' is a file name, but no folder of files was given (--files DIR).",
                    mapping={"name": text},
                ),
            )
            return None
        path = (self.files_dir / text).resolve()
        if self.files_dir not in path.parents or not path.is_file():
            self.error(
                row,
                column,
                _(
                    "No file '${name}' in the folder ${folder}.",
                    mapping={"name": text, "folder": str(self.files_dir)},
                ),
            )
            return None
        return FileRef(path.name, path=path)


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def match_header(importer, sheet):
    """[column or None per cell of the header], or ``Refused``."""
    known = cols.by_header(importer.columns)
    matched = []
    errors = []
    seen = set()
    for text in sheet.header:
        column = known.get(cols.header_key(text)) if text else None
        if text and column is None:
            errors.append(
                (
                    sheet.header_row,
                    text,
                    _(
                        "Unknown column '${header}'. The columns are: ${columns}.",
                        mapping={
                            "header": text,
                            "columns": ", ".join(c.header for c in importer.columns),
                        },
                    ),
                )
            )
        elif column is not None and column.name in seen:
            errors.append(
                (
                    sheet.header_row,
                    text,
                    _("The column '${header}' appears twice.", mapping={"header": text}),
                )
            )
        if column is not None:
            seen.add(column.name)
        matched.append(column)
    for column in importer.columns:
        if column.required and column.name not in seen:
            errors.append(
                (
                    sheet.header_row,
                    column.header,
                    _(
                        "The required column '${header}' is missing.",
                        mapping={"header": column.header},
                    ),
                )
            )
    if errors:
        raise Refused(errors)
    return matched


def check(portal, importer, sheet, files_dir=None):
    """``[(row, values)]`` of a whole valid sheet, or ``Refused``."""
    matched = match_header(importer, sheet)
    converter = Converter(importer, files_dir)
    converter.errors.extend(sheet.errors)
    existing = importer.existing(portal)
    checked = []
    keys = {}
    for row, cells in sheet.rows:
        before = len(converter.errors)
        values = {}
        for column, raw in zip(matched, cells, strict=False):
            if column is None:
                continue
            values[column.name] = converter.value(row, column, raw)
        for column in importer.columns:
            if column.required and values.get(column.name) in (None, "", []):
                if not any(e[0] == row and e[1] == column.header for e in converter.errors):
                    converter.error(row, column, _("This column is required."))
        if len(converter.errors) == before:
            for name, message in importer.check(values, existing):
                converter.error(row, _column(importer, name), message)
        if len(converter.errors) == before:
            key = importer.key(values)
            if key in keys:
                converter.error(
                    row,
                    _column(importer, importer.key_column),
                    _(
                        "The same item as row ${row}: each item once per file.",
                        mapping={"row": keys[key]},
                    ),
                )
            else:
                keys[key] = row
                checked.append((row, values))
    if not sheet.rows and not sheet.errors:
        converter.errors.append((sheet.header_row, "", _("The file has no data rows.")))
    if converter.errors:
        raise Refused(sorted(converter.errors, key=lambda error: error[0]))  # in row order
    return checked, existing


def _column(importer, name):
    for column in importer.columns:
        if column.name == name:
            return column
    return None


def write(portal, importer, checked, existing, progress=None):
    """Create or update every checked row; a ``Result``."""
    start = time.monotonic()
    result = Result()
    container = importer.container(portal)
    written = []
    for done, (_row, values) in enumerate(checked, start=1):
        found = existing.get(importer.key(values))
        obj = found._unrestrictedGetObject() if found is not None else None
        if obj is None:
            obj = importer.create(container, values)
            finish(obj, values.get("state") or PUBLISHED, new=True)
            result.created += 1
        elif importer.update(obj, values):
            finish(obj, values.get("state") or PUBLISHED, new=False)
            result.updated += 1
        else:
            result.unchanged += 1
        path = "/".join(obj.getPhysicalPath())
        result.items.append(path)
        written.append((values, path))
        if done % BATCH == 0:
            processQueue()
            transaction.savepoint(optimistic=True)
            portal._p_jar.cacheGC()
        if progress is not None:
            progress(done, len(checked))
    processQueue()
    importer.after(portal, result, written)
    result.seconds = time.monotonic() - start
    return result


_PATCH_LOCK = threading.Lock()
_PATCHES = {}  # (owner, name) -> [the original, how many imports use the patch]


@contextmanager
def _patched(owner, name, make):
    """``owner.name`` replaced by ``make(original)`` while at least one
    import writes. Several imports of one process (two communes' sites of
    a cluster, two administrators' pages) share one patch, and the original
    comes back when the last of them ends, whatever the order they end in."""
    key = (owner, name)
    with _PATCH_LOCK:
        entry = _PATCHES.get(key)
        if entry is None:
            original = owner.__dict__[name]
            entry = _PATCHES[key] = [original, 0]
            setattr(owner, name, make(original))
        entry[1] += 1
    try:
        yield
    finally:
        with _PATCH_LOCK:
            entry[1] -= 1
            if entry[1] == 0:
                setattr(owner, name, entry[0])
                del _PATCHES[key]


@contextmanager
def known_fields():
    """While the import writes: a missing attribute of a Dexterity item that
    no field of its type's schema or behaviors has is an AttributeError at
    once. Dexterity's ``__getattr__`` looks such a name up in the schema and
    in every behavior, each time; the catalog asks an item for about 90
    names that are no field of it (metadata, other types' indexes), and
    acquisition asks them again of its folder and of the site: that search
    was a third of the cataloguing of 10,000 documents. The answer is the
    same as Dexterity's (the same schemas, read once per type: they cannot
    change during the import); field names go to Dexterity for their
    defaults, and the site then still looks in its skins."""
    from plone.dexterity import content
    from plone.dexterity.schema import SCHEMA_CACHE
    from zope.interface.interface import Method

    known = {}

    def names_of(portal_type):
        names = known.get(portal_type)
        if names is None:
            schemas = [SCHEMA_CACHE.get(portal_type)]
            schemas += [b.interface for b in SCHEMA_CACHE.behavior_registrations(portal_type)]
            names = known[portal_type] = frozenset(
                n
                for schema in schemas
                if schema is not None
                for n in schema.names(all=True)
                if not isinstance(schema[n], Method)
            )
        return names

    def make(original):
        def __getattr__(self, name):
            portal_type = self.__dict__.get("portal_type") or getattr(
                type(self), "portal_type", None
            )
            if portal_type and name not in names_of(portal_type):
                raise AttributeError(name)
            return original(self, name)

        return __getattr__

    # Item has its own copy of the method (ExtensionClass copies the slot
    # into the class): replacing DexterityContent's alone misses every item.
    classes = [c for c in (content.DexterityContent, content.Item) if "__getattr__" in c.__dict__]
    with ExitStack() as stack:
        for cls in classes:
            stack.enter_context(_patched(cls, "__getattr__", make))
        yield


@contextmanager
def known_ftis():
    """While the import writes: each type's FTI is looked up once.
    plone.dexterity finds an item's FTI again (a utility lookup, cached only
    on a request, and a command has none) every time an item's interfaces or
    schema are asked for: some 300 times per document while it is
    catalogued. The import changes no FTI, so the answer stays the same."""
    from plone.dexterity import schema

    found = {}

    def make(original):
        def lookup_fti(portal_type, cache=True):
            if not isinstance(portal_type, str):
                return original(portal_type, cache)
            if portal_type not in found:
                found[portal_type] = original(portal_type, cache)
            return found[portal_type]

        return lookup_fti

    with _patched(schema, "lookup_fti", make):
        yield


@contextmanager
def values_once():
    """While the import writes: cataloguing an item reads each of its values
    once. The catalog asks the item's wrapper (plone.indexer) for every
    index's value and then for every metadata column's, each time through
    the indexer adapters and acquisition: 129 names per legal document, 89
    of them different. A wrapper serves one ``catalog_object`` call, in which
    the item does not change, so the second answer is the first one (a
    missing name stays missing)."""
    from plone.indexer.wrapper import IndexableObjectWrapper

    missing = object()

    def make(original):
        def __getattr__(self, name):
            if name.startswith("__") or name == "_dakto_values":
                return original(self, name)
            values = self.__dict__.setdefault("_dakto_values", {})
            value = values.get(name, values)
            if value is values:
                try:
                    value = values[name] = original(self, name)
                except AttributeError:
                    values[name] = missing
                    raise
            if value is missing:
                raise AttributeError(name)
            return value

        return __getattr__

    with _patched(IndexableObjectWrapper, "__getattr__", make):
        yield


def finish(obj, state, new):
    """The workflow state, the intid, the province index and the catalog."""
    from dakto.policy.platform import province

    if new:
        _register_intid(obj)
    else:
        obj.notifyModified()
    if state == PUBLISHED:
        set_published(obj, ACTOR, "Imported (dakto import)", idxs=None)
    else:
        if new:  # the workflow's initial state and its permissions (not published)
            api.portal.get_tool("portal_workflow").notifyCreated(obj)
        obj.reindexObject()
    province.update(obj)


def _register_intid(obj):
    from zope.component import queryUtility
    from zope.intid.interfaces import IIntIds

    intids = queryUtility(IIntIds)
    if intids is not None:
        intids.register(obj)


def run(portal, importer, sheet, files_dir=None, progress=None):
    """Check then write ``sheet``; ``Result`` or ``Refused`` (nothing written)."""
    checked, existing = check(portal, importer, sheet, files_dir)
    with known_fields(), known_ftis(), values_once():
        return write(portal, importer, checked, existing, progress)
