"""The sheet to fill for each kind: an XLSX whose first row is the columns
of ``columns.py`` (required ones in bold), each header with a comment that
says what to write, and a second sheet listing the closed lists. Row 2 is
where the data starts: nothing but headers is in the first sheet."""

from dakto.policy.bulk_import import columns as cols
from dakto.policy.bulk_import.kinds import importer
from dakto.policy.spreadsheets import to_xlsx_template


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
    the_importer = importer(kind)
    headers = []
    lists = [["Cột", "Giá trị được chấp nhận"]]
    for column in cols.KINDS[kind]:
        note = " ".join(part for part in (REQUIRED if column.required else "", column.note) if part)
        headers.append((column.header, column.required, note or None))
        if column.kind in (cols.CHOICE, cols.CHOICES):
            lists.append([column.header, the_importer.choice_list(column.name)])
    return to_xlsx_template(SHEET_TITLES[kind], headers, LISTS_TITLE, lists)
