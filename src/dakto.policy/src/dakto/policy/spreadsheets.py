"""Tables exported in open formats (ODS, Thông tư 19/2011) and as XLSX.

A ``Table`` is a title block (the body's name, the document's title, its
period: what a signed report carries at its head), a header row and rows of
plain values (str, int, float, Decimal, date). Every export of the portal
(royalty statements, activity reports, comment lists, the saved data of
EasyForms) goes through here.

Formula injection (OWASP "CSV injection"): text a person typed that begins
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be read as a
formula by a spreadsheet. ``cell_value`` is the one place every writer takes
its cells from: numbers and dates the code writes stay numbers and dates, and
every text cell goes through ``safe_text``, which puts an apostrophe before
such a first character. ODS/ODT cells of text are typed ``string``, XLSX cells
of text have the type ``s`` (never ``f``), and CSV (``to_csv``) quotes every
text cell. The paragraphs of an ODT (its head, lines under a table) are not
cells and are written as they are.
"""

import csv
import io
import re
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from decimal import Decimal

from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style
from odf.style import TextProperties
from odf.table import Table as OdfTable
from odf.table import TableCell
from odf.table import TableRow
from odf.text import P

from dakto.policy.dates import DATE_FORMAT


ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
CSV_MIMETYPE = "text/csv; charset=utf-8"
FORMATS = {"ods": ODS_MIMETYPE, "xlsx": XLSX_MIMETYPE}
DOCUMENT_FORMATS = {"odt": ODT_MIMETYPE, "ods": ODS_MIMETYPE, "xlsx": XLSX_MIMETYPE}


@dataclass
class Table:
    name: str  # the sheet's name
    heading: list  # lines above the table
    header: list
    rows: list = field(default_factory=list)
    footer: list = field(default_factory=list)  # lines below (totals, signature)
    # Signature blocks under the table, side by side: one list of lines each,
    # e.g. [["Người lập báo cáo", "(Ký, ghi rõ họ tên)"], ["Chủ tịch UBND", ...]].
    signatures: list = field(default_factory=list)
    # A chart drawn above the table in the ODT: (SVG markup, width, height)
    # in px (reports/svg.py); the spreadsheets leave it out.
    chart: tuple = ()


def sheet_name(name):
    """A sheet name spreadsheets accept: at most 31 characters, none of \\ / ? * [ ] :."""
    return re.sub(r"[\\/?*\[\]:]", "-", str(name))[:31]


# The first characters that make a spreadsheet read a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text):
    """``text`` as a spreadsheet shows it but never evaluates: an apostrophe
    before a first character that starts a formula (OWASP)."""
    text = str(text)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _plain(value):
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.strftime(DATE_FORMAT)
    return "" if value is None else value


def cell_value(value):
    """The value a cell gets: a number (int, float; Decimal as float) stays a
    number, a date becomes dd/mm/yyyy, None is empty, anything else is text
    through ``safe_text`` (a phone "-123" typed by a person is text too)."""
    value = _plain(value)
    return value if isinstance(value, (int, float)) else safe_text(value)


def _ods_cell(value, style=None):
    value = cell_value(value)
    attributes = {"stylename": style} if style is not None else {}
    if isinstance(value, (int, float)):
        cell = TableCell(valuetype="float", value=value, **attributes)
    else:
        cell = TableCell(valuetype="string", **attributes)
    cell.addElement(P(text=str(value)))
    return cell


def to_ods(*tables):
    document = OpenDocumentSpreadsheet()
    bold = Style(name="bold", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    for table in tables:
        sheet = OdfTable(name=sheet_name(table.name))
        for line in table.heading:
            row = TableRow()
            row.addElement(_ods_cell(line, bold))
            sheet.addElement(row)
        sheet.addElement(TableRow())
        header = TableRow()
        for value in table.header:
            header.addElement(_ods_cell(value, bold))
        sheet.addElement(header)
        for values in table.rows:
            row = TableRow()
            for value in values:
                row.addElement(_ods_cell(value))
            sheet.addElement(row)
        for line in table.footer:
            row = TableRow()
            for value in line if isinstance(line, (list, tuple)) else [line]:
                row.addElement(_ods_cell(value, bold))
            sheet.addElement(row)
        for values in _signature_rows(table.signatures):
            row = TableRow()
            for value in values:
                row.addElement(_ods_cell(value, bold))
            sheet.addElement(row)
        document.spreadsheet.addElement(sheet)
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def _xlsx_append(sheet, values, font=None):
    """One row of cells: numbers as numbers, text typed as a string (never a
    formula, whatever it begins with)."""
    sheet.append([cell_value(value) for value in values])
    for cell in sheet[sheet.max_row] if values else ():
        if isinstance(cell.value, str):
            cell.data_type = "s"
        if font is not None:
            cell.font = font


def to_xlsx(*tables):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(title=sheet_name(table.name))
        for line in table.heading:
            _xlsx_append(sheet, [line], bold)
        sheet.append([])
        _xlsx_append(sheet, list(table.header), bold)
        for values in table.rows:
            _xlsx_append(sheet, values)
        for line in table.footer:
            _xlsx_append(sheet, line if isinstance(line, (list, tuple)) else [line], bold)
        for values in _signature_rows(table.signatures):
            _xlsx_append(sheet, values, bold)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def to_xlsx_template(title, headers, lists_title, lists):
    """A sheet to fill in (the bulk import's templates): a first sheet
    ``title`` with one row of headers, each ``(text, bold, comment)`` (the
    comment says what to write; None: none), frozen below it, and a second
    sheet ``lists_title`` of rows (the accepted values), typed as text."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name(title)
    for index, (text, bold, comment) in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index, value=safe_text(text))
        cell.data_type = "s"
        cell.font = Font(bold=bold)
        if comment:
            cell.comment = Comment(comment, "dakto")
        sheet.column_dimensions[cell.column_letter].width = max(14, len(text) + 4)
    sheet.freeze_panes = "A2"
    second = workbook.create_sheet(sheet_name(lists_title))
    for values in lists:
        _xlsx_append(second, values)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _signature_rows(signatures):
    """Signature blocks as spreadsheet rows: a blank row, then line by line,
    each block in its own column (the second block two columns further right)."""
    if not signatures:
        return []
    height = max(len(block) for block in signatures)
    rows = [[]]
    for index in range(height):
        row = []
        for number, block in enumerate(signatures):
            if number:
                row.append("")
            row.append(block[index] if index < len(block) else "")
        rows.append(row)
    return rows


def _odt_picture(document, name, markup, width, height):
    """A paragraph holding the SVG ``markup`` drawn ``width`` × ``height`` px
    (at 96 px to the inch: its text as tall as on the page at 100 % zoom)."""
    from odf.draw import Frame
    from odf.draw import Image

    href = document.addPicture(f"Pictures/{name}.svg", "image/svg+xml", markup.encode("utf-8"))
    frame = Frame(
        name=name, anchortype="as-char", width=f"{width / 96:.3f}in", height=f"{height / 96:.3f}in"
    )
    frame.addElement(Image(href=href))
    paragraph = P()
    paragraph.addElement(frame)
    return paragraph


def to_odt(*tables):
    """A text document: the first table's heading lines as the document's head
    (the body, the title, the period), then each table under its name as a
    heading, its footer lines as paragraphs, and the signature blocks side by
    side at the end (those of the last table that has any)."""
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties
    from odf.table import TableColumn
    from odf.table import TableHeaderRows
    from odf.text import H

    document = OpenDocumentText()
    styles = document.automaticstyles
    centred = Style(name="centred", family="paragraph")
    centred.addElement(ParagraphProperties(textalign="center"))
    centred.addElement(TextProperties(fontweight="bold"))
    styles.addElement(centred)
    bold = Style(name="bold", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    styles.addElement(bold)
    body = document.text
    head = tables[0].heading if tables else []
    for line in head:
        body.addElement(P(stylename=centred, text=str(_plain(line))))
    signatures = []
    for number, table in enumerate(tables):
        body.addElement(H(outlinelevel=2, text=table.name))
        if number and table.heading != head:
            for line in table.heading:
                body.addElement(P(text=str(_plain(line))))
        if table.chart:
            body.addElement(_odt_picture(document, f"chart{number + 1}", *table.chart))
        grid = OdfTable(name=f"table{number + 1}")
        grid.addElement(TableColumn(numbercolumnsrepeated=max(1, len(table.header))))
        header = TableHeaderRows()
        header_row = TableRow()
        for value in table.header:
            cell = TableCell(valuetype="string")
            cell.addElement(P(stylename=bold, text=str(cell_value(value))))
            header_row.addElement(cell)
        header.addElement(header_row)
        grid.addElement(header)
        for values in table.rows:
            row = TableRow()
            for value in values:
                row.addElement(_ods_cell(value))
            grid.addElement(row)
        for line in table.footer:
            if isinstance(line, (list, tuple)):
                row = TableRow()
                for value in line:
                    cell = _ods_cell(value)
                    row.addElement(cell)
                grid.addElement(row)
        body.addElement(grid)
        for line in table.footer:
            if not isinstance(line, (list, tuple)):
                body.addElement(P(text=str(_plain(line))))
        signatures = table.signatures or signatures
    if signatures:
        body.addElement(P())
        grid = OdfTable(name="signatures")
        grid.addElement(TableColumn(numbercolumnsrepeated=len(signatures)))
        height = max(len(block) for block in signatures)
        for index in range(height):
            row = TableRow()
            for block in signatures:
                cell = TableCell(valuetype="string")
                line = block[index] if index < len(block) else ""
                cell.addElement(P(stylename=centred, text=cell_value(line)))
                row.addElement(cell)
            grid.addElement(row)
        body.addElement(grid)
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def to_csv(header, rows, delimiter=","):
    """CSV in UTF-8 with a BOM (spreadsheets then read it as UTF-8): the
    header row, then the rows; every text cell quoted and through
    ``cell_value``, numbers bare."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_NONNUMERIC)
    for values in [header, *rows]:
        writer.writerow([cell_value(value) for value in values])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


WRITERS = {"ods": to_ods, "xlsx": to_xlsx, "odt": to_odt}


def export(format, filename, *tables, response):
    """Write ``tables`` as ``format`` into ``response``; the bytes for the body."""
    data = WRITERS[format](*tables)
    response.setHeader("Content-Type", DOCUMENT_FORMATS[format])
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}.{format}"')
    response.setHeader("Content-Length", str(len(data)))
    return data
