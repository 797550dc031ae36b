"""Bulk import of legal documents (issue 18, point 1): a sheet of an
administrator's documents is checked whole against the document's own rules
(NĐ 30/2020 numbers, dates, open formats), then written all at once; a
re-run updates by number and symbol."""

from AccessControl.PermissionRole import rolesForPermissionOn
from plone import api

from dakto.policy.bulk_import import sheets
from dakto.policy.dates import local_date
from tests.bulk_import.helpers import LEGAL_HEADER
from tests.bulk_import.helpers import csv_bytes
from tests.bulk_import.helpers import files_folder
from tests.bulk_import.helpers import legal_row
from tests.bulk_import.helpers import ods_bytes
from tests.bulk_import.helpers import refused
from tests.bulk_import.helpers import run
from tests.bulk_import.helpers import xlsx_bytes


def documents(portal):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(portal_type="LegalDocument", sort_on="getId")


def test_a_sheet_becomes_published_documents_with_their_files(manager, tmp_path):
    folder = files_folder(tmp_path, "12.pdf", "07.pdf")
    before = len(documents(manager))
    rows = [
        legal_row(),
        legal_row(
            "07/KH-UBND",
            "Kế hoạch",
            "Kế hoạch cải cách hành chính",
            "15/01/2025",
            "tu-phap",
            "07.pdf",
        ),
    ]
    result = run(manager, "legal-documents", csv_bytes(LEGAL_HEADER, rows), folder)
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert len(documents(manager)) == before + 2
    document = manager.unrestrictedTraverse(result.items[0])
    assert document.document_number == "12/QĐ-UBND"
    assert document.document_type == "quyet-dinh"
    assert document.legal_field == "hanh-chinh"
    assert document.title == "Về việc ban hành Quy chế tiếp công dân"
    assert document.file.filename == "12.pdf" and document.file.data.startswith(b"%PDF")
    assert api.content.get_state(document) == "published"
    assert local_date(document.effective()) == "03/04/2024"
    # found by the lookup's own index, as a visitor finds it
    catalog = api.portal.get_tool("portal_catalog")
    assert [b.getPath() for b in catalog(legal_number="12/QĐ-UBND")] == [result.items[0]]
    assert manager.unrestrictedTraverse(result.items[1]).document_type == "ke-hoach"


def test_a_rerun_updates_by_number_instead_of_adding_copies(manager, tmp_path):
    folder = files_folder(tmp_path, "12.pdf")
    sheet = csv_bytes(LEGAL_HEADER, [legal_row()])
    first = run(manager, "legal-documents", sheet, folder)
    count = len(documents(manager))
    again = run(manager, "legal-documents", sheet, folder)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    # the same number written another way (NĐ 30/2020: "số 12/QĐ-UBND") is the same document
    changed = csv_bytes(LEGAL_HEADER, [legal_row("12/QĐ-UBND", abstract="Về việc sửa đổi Quy chế")])
    (folder / "12.pdf").write_bytes((folder / "12.pdf").read_bytes() + b"\n% v2\n")
    updated = run(manager, "legal-documents", changed, folder)
    assert (updated.created, updated.updated, updated.unchanged) == (0, 1, 0)
    assert updated.items == first.items and len(documents(manager)) == count
    document = manager.unrestrictedTraverse(first.items[0])
    assert document.abstract == "Về việc sửa đổi Quy chế"
    assert document.file.data.endswith(b"% v2\n")


def test_xlsx_and_ods_are_read_like_csv(manager, tmp_path):
    folder = files_folder(tmp_path, "12.pdf", "13.pdf")
    from_xlsx = run(manager, "legal-documents", xlsx_bytes(LEGAL_HEADER, [legal_row()]), folder)
    from_ods = run(
        manager,
        "legal-documents",
        ods_bytes(LEGAL_HEADER, [legal_row("13/QĐ-UBND", file="13.pdf")]),
        folder,
    )
    assert from_xlsx.created == 1 and from_ods.created == 1
    assert manager.unrestrictedTraverse(from_ods.items[0]).issue_date.isoformat() == "2024-04-03"


def test_a_bad_row_is_reported_with_its_row_and_column_and_nothing_is_written(manager, tmp_path):
    folder = files_folder(tmp_path, "12.pdf")
    (folder / "fake.pdf").write_bytes(b"PK\x03\x04 a docx named .pdf")
    rows = [
        legal_row(),  # row 2: good, but not written since the file has errors
        legal_row("13/QĐ-UBND", issued="31/02/2024"),  # row 3
        legal_row("14/QĐ-UBND", kind="Sắc lệnh"),  # row 4
        legal_row("15/KH-UBND", kind="QĐ"),  # row 5: the symbol says KH
        legal_row("16/QĐ-UBND", file="none.pdf"),  # row 6
        legal_row("17/QĐ-UBND", file="fake.pdf"),  # row 7
        legal_row("12/QĐ-UBND"),  # row 8: row 2 again
        legal_row("18/QĐ-UBND", abstract=""),  # row 9
    ]
    before = len(documents(manager))
    errors = refused(manager, "legal-documents", csv_bytes(LEGAL_HEADER, rows), folder)
    assert [(row, column) for row, column, _message in errors] == [
        (3, "Ngày ban hành"),
        (4, "Loại văn bản"),
        (5, "Số, ký hiệu"),
        (6, "Tệp văn bản"),
        (7, "Tệp văn bản"),
        (8, "Số, ký hiệu"),
        (9, "Trích yếu"),
    ]
    messages = dict(((row, message) for row, _column, message in errors))
    assert "31/02/2024" in messages[3]
    assert "Sắc lệnh" in messages[4] and "Quyết định" in messages[4]
    assert "none.pdf" in messages[6]
    assert "2" in messages[8]
    assert len(documents(manager)) == before


def test_unknown_and_missing_columns_refuse_the_file(manager, tmp_path):
    header = [h for h in LEGAL_HEADER if h != "Người ký"] + ["Ghi chú"]
    row = [c for h, c in zip(LEGAL_HEADER, legal_row(), strict=True) if h != "Người ký"] + ["x"]
    errors = refused(manager, "legal-documents", csv_bytes(header, [row]), tmp_path)
    assert [(r, c) for r, c, _m in errors] == [(1, "Ghi chú"), (1, "Người ký")]


def test_headers_are_matched_without_case_or_diacritics_and_semicolons_work(manager, tmp_path):
    folder = files_folder(tmp_path, "12.pdf")
    header = [
        "so ky hieu",
        "LOAI VAN BAN",
        "trich yeu",
        "Co quan ban hanh",
        "nguoi ky",
        "ngay ban hanh",
        "linh vuc",
        "tep van ban",
    ]
    result = run(
        manager, "legal-documents", csv_bytes(header, [legal_row()], delimiter=";"), folder
    )
    assert result.created == 1


def test_files_that_are_not_sheets_are_refused_with_one_message():
    import pytest

    cases = {
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100: "XLS",
        "Số, ký hiệu\n12/QĐ-UBND\n".encode("cp1258", "replace") + b"\xe0\xff": "UTF-8",
        b"": "empty",
    }
    for data, word in cases.items():
        with pytest.raises(sheets.SheetError) as error:
            sheets.read(data)
        assert word in str(error.value.args[0])


def test_a_draft_row_stays_private(manager, tmp_path):
    folder = files_folder(tmp_path, "12.pdf")
    header = [*LEGAL_HEADER, "Trạng thái"]
    result = run(manager, "legal-documents", csv_bytes(header, [[*legal_row(), "Nháp"]]), folder)
    document = manager.unrestrictedTraverse(result.items[0])
    assert api.content.get_state(document) != "published"
    assert "Anonymous" not in rolesForPermissionOn("View", document)
