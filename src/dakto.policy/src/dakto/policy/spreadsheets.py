"""Tables exported in open formats (ODS, Thông tư 19/2011) and as XLSX.

A ``Table`` is a title block (the body's name, the document's title, its
period: what a signed report carries at its head), a header row and rows of
plain values (str, int, float, Decimal, date). Every export of the portal
(royalty statements, activity reports, comment lists) goes through here.
"""

import io
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


ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"ods": ODS_MIMETYPE, "xlsx": XLSX_MIMETYPE}


@dataclass
class Table:
    name: str  # the sheet's name
    heading: list  # lines above the table
    header: list
    rows: list = field(default_factory=list)
    footer: list = field(default_factory=list)  # lines below (totals, signature)


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else value


def _ods_cell(value, style=None):
    value = _plain(value)
    attributes = {"stylename": style} if style is not None else {}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
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
        sheet = OdfTable(name=table.name[:31])
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
        document.spreadsheet.addElement(sheet)
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def to_xlsx(*tables):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(title=table.name[:31])
        for line in table.heading:
            sheet.append([line])
            sheet.cell(row=sheet.max_row, column=1).font = bold
        sheet.append([])
        sheet.append(list(table.header))
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for values in table.rows:
            sheet.append([_plain(value) for value in values])
        for line in table.footer:
            sheet.append([_plain(v) for v in (line if isinstance(line, (list, tuple)) else [line])])
            for cell in sheet[sheet.max_row]:
                cell.font = bold
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


WRITERS = {"ods": to_ods, "xlsx": to_xlsx}


def export(format, filename, *tables, response):
    """Write ``tables`` as ``format`` into ``response``; the bytes for the body."""
    data = WRITERS[format](*tables)
    response.setHeader("Content-Type", FORMATS[format])
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}.{format}"')
    response.setHeader("Content-Length", str(len(data)))
    return data
