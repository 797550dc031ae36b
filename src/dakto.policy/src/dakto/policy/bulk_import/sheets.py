"""Read the first sheet of an XLSX, ODS or CSV file into rows of cells.

The format is found from the content, not the name: a Word document or an
old ``.xls`` named ``.xlsx`` is refused with one message. CSV must be UTF-8
(with or without the BOM Excel writes for "CSV UTF-8"): a file in
Windows-1258 or cp1252 cannot be told apart reliably (both decode any
byte), and Vietnamese in cp1258 keeps tone marks as separate characters;
it is refused with a message saying how to save it as UTF-8 instead of
being imported with wrong letters.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from xml.etree import ElementTree

from dakto.policy import _
from dakto.policy.spreadsheets import ODS_MIMETYPE


OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_ROWS = 200_000


class SheetError(ValueError):
    """The file cannot be read as a sheet; ``args[0]`` is the message (a msgid)."""


@dataclass
class Sheet:
    header: list  # the header row's texts
    header_row: int  # its row number (1 = first row)
    rows: list = field(default_factory=list)  # [(row number, [cell values])]
    # [(row, column header, message)] the reader found: a sitemap's page that
    # cannot be fetched has no row, only its error (engine.check reports it)
    errors: list = field(default_factory=list)


def kind_of(data):
    """'xlsx', 'ods', 'csv', or a SheetError naming what the file is."""
    if data.startswith(b"PK\x03\x04"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
        except (zipfile.BadZipFile, KeyError, OSError):
            raise SheetError(_("The file is a damaged ZIP archive, not a spreadsheet.")) from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if mimetype == ODS_MIMETYPE.encode():
            return "ods"
        if "word/document.xml" in names:
            found = _("a Word document (DOCX)")
        elif mimetype.startswith(b"application/vnd.oasis.opendocument"):
            found = _("an OpenDocument file that is not a spreadsheet")
        else:
            found = _("a ZIP archive")
        raise SheetError(
            _(
                "The file is ${found}, not a spreadsheet: give an XLSX, ODS or CSV file.",
                mapping={"found": found},
            )
        )
    if data.startswith(OLE_SIGNATURE):
        raise SheetError(
            _(
                "The file is in the old Excel 97-2003 format (XLS): save it as XLSX, ODS or "
                "CSV UTF-8 and import that."
            )
        )
    if b"\x00" in data[:4096]:
        raise SheetError(_("The file is not a spreadsheet: give an XLSX, ODS or CSV file."))
    return "csv"


def _plain(value):
    if isinstance(value, datetime):
        return value.date() if not (value.hour or value.minute or value.second) else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _empty(cells):
    return all(value is None or value == "" for value in cells)


def _sheet(rows):
    """A ``Sheet`` from ``[(row number, cells)]``: the first non-empty row is the header."""
    header = None
    sheet = None
    for number, cells in rows:
        cells = [_plain(value) for value in cells]
        if _empty(cells):
            continue
        if header is None:
            header = [("" if value is None else str(value)).strip() for value in cells]
            while header and not header[-1]:
                header.pop()
            sheet = Sheet(header=header, header_row=number)
            continue
        if len(sheet.rows) >= MAX_ROWS:
            raise SheetError(
                _("The file has more than ${count} rows.", mapping={"count": MAX_ROWS})
            )
        sheet.rows.append((number, cells))
    if sheet is None:
        raise SheetError(_("The file is empty."))
    return sheet


def _xlsx_rows(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise SheetError(_("The XLSX file cannot be read (damaged?).")) from None
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        workbook.close()


TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
MAX_REPEAT = 1000  # trailing empty cells/rows are written as one repeated element


def _ods_cell(cell):
    kind = cell.get(f"{{{OFFICE}}}value-type")
    if kind in ("float", "percentage", "currency"):
        return float(cell.get(f"{{{OFFICE}}}value"))
    if kind == "date":
        text = cell.get(f"{{{OFFICE}}}date-value")
        return date.fromisoformat(text[:10])
    if kind == "boolean":
        return cell.get(f"{{{OFFICE}}}boolean-value") == "true"
    lines = []
    for paragraph in cell.iter(f"{{{TEXT}}}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{{{TEXT}}}s":
                parts.append(" " * int(node.get(f"{{{TEXT}}}c", "1")))
            elif node.tag == f"{{{TEXT}}}line-break":
                parts.append("\n")
            if node is not paragraph and node.tail:
                parts.append(node.tail)
            if node.text and node.tag != f"{{{TEXT}}}s":
                parts.append(node.text)
        lines.append("".join(parts))
    return "\n".join(lines) if lines else None


def _ods_rows(data):
    try:
        content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml")
        root = ElementTree.fromstring(content)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        raise SheetError(_("The ODS file cannot be read (damaged?).")) from None
    table = root.find(f".//{{{TABLE}}}table")
    if table is None:
        return
    number = 0
    for row in table.iter(f"{{{TABLE}}}table-row"):
        cells = []
        for cell in row:
            if cell.tag not in (f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"):
                continue
            repeat = min(int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1")), MAX_REPEAT)
            cells.extend([_ods_cell(cell)] * repeat)
        repeat = int(row.get(f"{{{TABLE}}}number-rows-repeated", "1"))
        if _empty(cells):  # blank rows (LibreOffice writes the rest of the sheet as one)
            number += repeat
            continue
        for _copy in range(min(repeat, MAX_REPEAT)):
            number += 1
            yield number, list(cells)


def _csv_rows(data):
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SheetError(
            _(
                "The CSV file is not UTF-8 text (Windows-1258 or cp1252?): in Excel save it as "
                "'CSV UTF-8', in LibreOffice choose the character set 'Unicode (UTF-8)'."
            )
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from enumerate(reader, start=1)
    except csv.Error:
        raise SheetError(_("The CSV file cannot be read (an unclosed quote?).")) from None


READERS = {"xlsx": _xlsx_rows, "ods": _ods_rows, "csv": _csv_rows}


def read(data):
    """The ``Sheet`` of ``data`` (bytes of an XLSX, ODS or CSV file)."""
    if not data or not data.strip():
        raise SheetError(_("The file is empty."))
    return _sheet(READERS[kind_of(data)](data))
