"""The same import from the site, for small files: the administrator's page
@@nhap-du-lieu (a sheet, or a ZIP of a sheet and its PDFs), the XLSX
templates, and POST/GET @bulk-import/KIND; administrators only."""

import io
import zipfile

import transaction
from openpyxl import load_workbook
from plone import api

from tests.browsers import anon
from tests.browsers import owner
from tests.bulk_import.helpers import LEGAL_HEADER
from tests.bulk_import.helpers import PDF
from tests.bulk_import.helpers import csv_bytes
from tests.bulk_import.helpers import legal_row
from tests.bulk_import.test_procedures import NATIONAL_HEADER
from tests.bulk_import.test_procedures import procedure_row


def zipped(sheet_name, sheet, files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(sheet_name, sheet)
        for name, data in files.items():
            archive.writestr(name, data)
        archive.writestr("../outside.pdf", PDF)  # never written outside the folder
    return out.getvalue()


def count(portal_type):
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(portal_type=portal_type))


def test_the_page_imports_a_zip_of_a_sheet_and_its_files(functional):
    site = functional["portal"].absolute_url()
    browser = owner(functional)
    browser.open(f"{site}/@@nhap-du-lieu")
    assert 'id="bulk-import-form"' in browser.contents
    sheet = csv_bytes(LEGAL_HEADER, [legal_row(), legal_row("13/QĐ-UBND", file="pdf/13.pdf")])
    data = zipped("van-ban.csv", sheet, {"12.pdf": PDF, "pdf/13.pdf": PDF})
    before = count("LegalDocument")
    browser.getControl(name="kind").value = ["legal-documents"]
    browser.getControl(name="file").add_file(io.BytesIO(data), "application/zip", "van-ban.zip")
    browser.getForm(id="bulk-import-form").submit()
    assert 'id="import-result"' in browser.contents
    assert count("LegalDocument") == before + 2

    bad = csv_bytes(LEGAL_HEADER, [legal_row("14/QĐ-UBND", issued="hôm qua")])
    browser.getControl(name="kind").value = ["legal-documents"]
    browser.getControl(name="file").add_file(
        io.BytesIO(zipped("a.csv", bad, {"12.pdf": PDF})), "application/zip", "a.zip"
    )
    browser.raiseHttpErrors = False
    browser.getForm(id="bulk-import-form").submit()
    assert browser.headers["status"].startswith("400")
    errors = browser.contents.split('id="import-errors"')[1]
    assert "<td>2</td><td>Ngày ban hành</td>" in errors and "hôm qua" in errors
    assert count("LegalDocument") == before + 2


def test_the_templates_have_the_columns(functional):
    site = functional["portal"].absolute_url()
    browser = owner(functional)
    browser.open(f"{site}/@@mau-nhap-du-lieu?kind=procedures")
    assert browser.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(
        io.BytesIO(
            browser.contents
            if isinstance(browser.contents, bytes)
            else browser.contents.encode("latin-1")
        )
    )
    first = [cell.value for cell in workbook.worksheets[0][1]]
    from dakto.policy.bulk_import.columns import PROCEDURES

    assert first == [c.header for c in PROCEDURES]
    assert workbook.worksheets[0].max_row == 1
    lists = {
        row[0]: row[1] for row in workbook.worksheets[1].iter_rows(min_row=2, values_only=True)
    }
    assert "Hộ tịch" in lists["Lĩnh vực"]


def test_anonymous_visitors_cannot_import(functional):
    site = functional["portal"].absolute_url()
    browser = anon(functional)
    browser.open(f"{site}/@@nhap-du-lieu")
    assert "bulk-import-form" not in browser.contents
    browser.open(f"{site}/@@mau-nhap-du-lieu?kind=news")
    assert not browser.headers["Content-Type"].startswith("application/vnd")


def test_rest_import_and_layout(functional, manager_request, anon_request):
    sheet = csv_bytes(NATIONAL_HEADER, [procedure_row()])
    denied = anon_request.post("/@bulk-import/procedures", data=sheet)
    assert denied.status_code in (401, 403)
    layout = manager_request.get("/@bulk-import/procedures")
    assert layout.status_code == 200
    assert layout.json()["columns"][0]["header"] == "Mã thủ tục"
    before = count("Procedure")
    ok = manager_request.post("/@bulk-import/procedures", data=sheet)
    assert ok.status_code == 200, ok.text
    assert ok.json()["created"] == 1 and ok.json()["total"] == 1
    again = manager_request.post("/@bulk-import/procedures", data=sheet)
    assert again.json()["unchanged"] == 1
    bad = manager_request.post(
        "/@bulk-import/procedures", data=csv_bytes(NATIONAL_HEADER, [procedure_row(code="9")])
    )
    assert bad.status_code == 400
    error = bad.json()["error"]
    assert error["type"] == "ImportRefused"
    assert [(e["row"], e["column"]) for e in error["errors"]] == [(2, "Mã thủ tục")]
    assert manager_request.post("/@bulk-import/nothing", data=sheet).status_code == 404
    empty = manager_request.post("/@bulk-import/news", data=b"")
    assert empty.status_code == 400 and empty.json()["error"]["message"]
    assert count("Procedure") == before + 1
