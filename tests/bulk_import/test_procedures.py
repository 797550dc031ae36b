"""Bulk import of administrative procedures: the national procedure
database's exported sheet (NĐ 63/2010, Art. 8.2: code, name, level, field,
body, applicants, steps, ways, time, fees, dossier, result, requirements,
legal basis) becomes the site's procedures; a re-run updates by code."""

from plone import api

from tests.bulk_import.helpers import csv_bytes
from tests.bulk_import.helpers import refused
from tests.bulk_import.helpers import run


# The headers as the national database's export spells them.
NATIONAL_HEADER = (
    "Mã TTHC",
    "Tên TTHC",
    "Cấp thực hiện",
    "Lĩnh vực",
    "Cơ quan thực hiện",
    "Đối tượng thực hiện",
    "Mức độ DVC",
    "Liên kết dịch vụ công",
    "Trình tự thực hiện",
    "Cách thức thực hiện",
    "Thời hạn giải quyết",
    "Phí, lệ phí",
    "Thành phần hồ sơ",
    "Kết quả thực hiện",
    "Yêu cầu, điều kiện",
    "Căn cứ pháp lý",
)


def procedure_row(
    code="1.001193",
    title="Thủ tục đăng ký khai sinh",
    level="Toàn trình",
    url="https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193",
    ways="Trực tiếp | Trong ngày | Miễn lệ phí\nTrực tuyến | Trong ngày | Miễn lệ phí",
):
    return [
        code,
        title,
        "Cấp Xã",
        "Hộ tịch",
        "Ủy ban nhân dân cấp xã",
        "Công dân Việt Nam",
        level,
        url,
        "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.",
        ways,
        "Trong ngày",
        "Miễn lệ phí",
        "Tờ khai đăng ký khai sinh | 1 | 0\nGiấy chứng sinh | 1 | 0",
        "Giấy khai sinh",
        "Không",
        "Luật Hộ tịch 2014",
    ]


def procedures(portal, code):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(portal_type="Procedure", procedure_code=code)


def test_the_national_database_export_becomes_procedures(manager):
    result = run(manager, "procedures", csv_bytes(NATIONAL_HEADER, [procedure_row()]))
    assert result.created == 1
    (brain,) = procedures(manager, "1.001193")
    procedure = brain._unrestrictedGetObject()
    assert procedure.title == "Thủ tục đăng ký khai sinh"
    assert procedure.procedure_level == ["xa"] and procedure.procedure_field == "ho-tich"
    assert procedure.service_level == "toan-trinh"
    assert [w["channel"] for w in procedure.submission_ways] == ["truc-tiep", "truc-tuyen"]
    assert procedure.dossier_components[0] == {
        "name": "Tờ khai đăng ký khai sinh",
        "originals": 1,
        "copies": 0,
    }
    assert procedure.steps.output.count("<p>") == 2
    assert api.content.get_state(procedure) == "published"


def test_a_rerun_updates_by_code(manager):
    run(manager, "procedures", csv_bytes(NATIONAL_HEADER, [procedure_row()]))
    again = run(manager, "procedures", csv_bytes(NATIONAL_HEADER, [procedure_row()]))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    renamed = run(
        manager,
        "procedures",
        csv_bytes(NATIONAL_HEADER, [procedure_row(title="Đăng ký khai sinh")]),
    )
    assert renamed.updated == 1
    (brain,) = procedures(manager, "1.001193")
    assert brain.Title == "Đăng ký khai sinh"


def test_bad_rows_name_their_row_and_column(manager):
    rows = [
        procedure_row(code="1001193"),  # row 2: not a code
        procedure_row(code="1.001194", url=""),  # row 3: online without its link
        procedure_row(
            code="1.001195", ways="Trực tiếp | Trong ngày | Miễn lệ phí"
        ),  # row 4: online, no online way
        procedure_row(code="1.001196", ways="Bồ câu | 1 ngày | 0"),  # row 5: no such way
        procedure_row(code="1.001197", url="http://example.com/x"),  # row 6: not a .gov.vn service
    ]
    errors = refused(manager, "procedures", csv_bytes(NATIONAL_HEADER, rows))
    assert [(row, column) for row, column, _m in errors] == [
        (2, "Mã thủ tục"),
        (3, "Địa chỉ dịch vụ công"),
        (4, "Cách thức thực hiện"),
        (5, "Cách thức thực hiện"),
        (6, "Địa chỉ dịch vụ công"),
    ]
    assert "1001193" in errors[0][2] and "Bồ câu" in errors[3][2]
    assert not procedures(manager, "1.001194")
