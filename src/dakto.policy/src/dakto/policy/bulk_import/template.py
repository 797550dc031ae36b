"""The sheet to fill for each kind: an XLSX whose first row is the columns
of ``columns.py`` (required ones in bold), each header with a comment that
says what to write, and a second sheet listing the closed lists. Row 2 is
where the data starts: nothing but headers is in the first sheet."""

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font

from dakto.policy.bulk_import import columns as cols
from dakto.policy.bulk_import.kinds import importer


CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILENAMES = {
    "legal-documents": "mau-nhap-van-ban.xlsx",
    "procedures": "mau-nhap-thu-tuc.xlsx",
    "news": "mau-nhap-tin-bai.xlsx",
}
SHEET_TITLES = {"legal-documents": "Văn bản", "procedures": "Thủ tục", "news": "Tin bài"}
LISTS_TITLE = "Danh mục"
REQUIRED = "Bắt buộc."


def workbook_bytes(kind):
    """The XLSX template of ``kind`` (bytes)."""
    columns = cols.KINDS[kind]
    the_importer = importer(kind)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLES[kind]
    lists = workbook.create_sheet(LISTS_TITLE)
    lists.append(["Cột", "Giá trị được chấp nhận"])
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font = Font(bold=column.required)
        note = " ".join(part for part in (REQUIRED if column.required else "", column.note) if part)
        if note:
            cell.comment = Comment(note, "dakto")
        sheet.column_dimensions[cell.column_letter].width = max(14, len(column.header) + 4)
        if column.kind in (cols.CHOICE, cols.CHOICES):
            lists.append([column.header, the_importer.choice_list(column.name)])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
