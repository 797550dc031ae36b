"""Sheets for the bulk import tests, written the way an administrator's
spreadsheet program writes them (CSV UTF-8, XLSX, ODS)."""

import csv
import io

from PIL import Image

from dakto.policy.bulk_import import engine
from dakto.policy.bulk_import import sheets
from dakto.policy.bulk_import.kinds import importer
from dakto.policy.procedures.forms import simple_pdf


PDF = simple_pdf("Văn bản", ("Số: 12/QĐ-UBND",))
LEGAL_HEADER = (
    "Số, ký hiệu",
    "Loại văn bản",
    "Trích yếu",
    "Cơ quan ban hành",
    "Người ký",
    "Ngày ban hành",
    "Lĩnh vực",
    "Tệp văn bản",
)


def legal_row(
    number="12/QĐ-UBND",
    kind="QĐ",
    abstract="Về việc ban hành Quy chế tiếp công dân",
    issued="03/04/2024",
    field="Hành chính",
    file="12.pdf",
):
    return [number, kind, abstract, "UBND xã Đắk Tô", "Nguyễn Văn Hùng", issued, field, file]


def csv_bytes(header, rows, delimiter=","):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # Excel's "CSV UTF-8"


def xlsx_bytes(header, rows):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def ods_bytes(header, rows):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table
    from odf.table import TableCell
    from odf.table import TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Văn bản")
    for cells in [header, *rows]:
        row = TableRow()
        for value in cells:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def png():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def files_folder(tmp_path, *names, data=PDF):
    folder = tmp_path / "files"
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes(data)
    return folder


def run(portal, kind, data, files_dir=None, source="", author=""):
    """The import of ``data`` (a file's bytes) as the command does it; a feed
    or sitemap read from ``source`` (its address), ``author`` the default."""
    if kind == "news":
        from dakto.policy.bulk_import import feeds

        if feeds.is_feed(data):
            sheet = feeds.read(data, source, author=author)
            return engine.run(portal, importer(kind), sheet, files_dir=files_dir)
    return engine.run(portal, importer(kind), sheets.read(data), files_dir=files_dir)


def refused(portal, kind, data, files_dir=None, **read):
    """``[(row, column, message in Vietnamese)]`` of a refused file."""
    from zope.i18n import translate

    try:
        run(portal, kind, data, files_dir, **read)
    except engine.Refused as error:
        return [
            (row, column, translate(message, target_language="vi"))
            for row, column, message in error.errors
        ]
    raise AssertionError("the file was imported")
