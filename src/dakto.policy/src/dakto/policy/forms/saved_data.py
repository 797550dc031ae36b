"""EasyForm's spreadsheet exports hold what citizens typed; each text cell
goes through the portal's ``spreadsheets.safe_text`` (no formula injection):

- the downloads of the saved data (CSV, TSV, XLSX: the form's *saved_data*
  → ``@@data``): collective.easyform builds every row of the three with
  ``SaveData.get_row_data``;
- the CSV and XLSX files the mailer can attach (``sendCSV``, ``sendXLSX``,
  built inside ``Mailer.get_attachments``): rewritten cell by cell.

collective.easyform offers no hook: those two methods are wrapped
(``dakto.policy.patches``, applied by its ZCML) with ``safe_row`` and
``safe_attachments`` of this module. Numbers, dates and the other values
easyform stores are left as they are; the saved rows themselves, the
``@@data`` page, the mail's text, its XML attachment and the files the
citizen uploaded keep the text as typed.
"""

import csv
import io
import re

from dakto.policy.spreadsheets import XLSX_MIMETYPE
from dakto.policy.spreadsheets import safe_text


# The names Mailer.get_attachments gives the files it builds, from the time
# (formdata_2026-12-03T091205+0000.csv; the form of the time varies).
FORM_DATA_FILE = re.compile(r"formdata_[0-9T+.-]+\.(csv|xlsx)")


def safe_row(values):
    """easyform's row for a download, its text cells through ``safe_text``."""
    return [safe_text(value) if isinstance(value, str) else value for value in values]


def _safe_csv(data):
    rows = csv.reader(io.StringIO(data.decode("utf-8")))
    output = io.StringIO()
    csv.writer(output).writerows([[safe_text(value) for value in row] for row in rows])
    return output.getvalue().encode("utf-8")


def _safe_xlsx(data):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = safe_text(cell.value)
                    cell.data_type = "s"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def safe_attachments(attachments):
    """easyform's attachments, the CSV and XLSX it built through ``safe_text``."""
    result = []
    for filename, mimetype, encoding, data in attachments:
        kind = FORM_DATA_FILE.fullmatch(filename or "")
        if kind and kind.group(1) == "csv" and mimetype == "application/csv":
            data = _safe_csv(data)
        elif kind and kind.group(1) == "xlsx" and mimetype == XLSX_MIMETYPE:
            data = _safe_xlsx(data)
        result.append((filename, mimetype, encoding, data))
    return result
