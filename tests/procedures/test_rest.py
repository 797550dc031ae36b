"""plone.restapi: create, serialize every field, refuse bad values with 400; @procedures."""

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from .helpers import COMPONENTS
from .helpers import SECTION
from .helpers import URL
from .helpers import WAYS
from .helpers import as_owner
from .helpers import legal_document
from .helpers import make
from .helpers import rest_body


def _errors(response):
    assert response.status_code == 400, response.text
    return response.json()["message"]


def test_create_and_serialize_every_field(functional, request_factory):
    portal = as_owner(functional)
    doc = legal_document(portal)
    transaction.commit()
    session = request_factory(role="Manager")
    response = session.post(f"/{SECTION}", json=rest_body(legal_basis=[doc.UID()]))
    assert response.status_code == 201, response.text
    data = session.get(response.json()["@id"]).json()
    assert data["@type"] == "Procedure"
    assert data["title"] == "Đăng ký khai sinh"
    assert data["procedure_code"] == "1.001193"
    assert data["procedure_level"] == [{"token": "xa", "title": "Cấp xã"}]
    assert data["procedure_field"] == {"token": "ho-tich", "title": "Hộ tịch"}
    assert data["service_level"] == {"token": "toan-trinh", "title": "Toàn trình"}
    assert data["service_url"] == URL + "1.001193"
    assert data["implementing_body"] == "UBND cấp xã"
    assert data["applicants"] == "Cha, mẹ của trẻ em"
    assert "Nộp hồ sơ" in data["steps"]["data"]
    assert data["submission_ways"] == WAYS
    assert data["dossier_components"] == COMPONENTS
    assert data["processing_time"] == "Trong ngày"
    assert data["fees"] == "Miễn lệ phí"
    assert data["result"] == "Giấy khai sinh"
    assert data["requirements"] == "Không"
    assert data["legal_basis"][0]["@id"].endswith("/van-ban/luat-ho-tich")
    assert "60/2014/QH13" in data["legal_basis_text"]


def test_bad_code_and_duplicate_code_are_400(functional, request_factory):
    as_owner(functional)
    session = request_factory(role="Manager")
    text = _errors(session.post(f"/{SECTION}", json=rest_body(procedure_code="1-001193")))
    assert "procedure_code" in text and "1.001612" in text
    assert session.post(f"/{SECTION}", json=rest_body()).status_code == 201
    text = _errors(session.post(f"/{SECTION}", json=rest_body(title="Bản sao")))
    assert "procedure_code" in text and "1.001193" in text and "Đăng ký khai sinh" in text
    # PATCH of the item itself keeps its code
    assert (
        session.patch(
            f"/{SECTION}/dang-ky-khai-sinh", json={"procedure_code": "1.001193"}
        ).status_code
        == 204
    )


def test_bad_submission_ways_are_400(functional, request_factory):
    as_owner(functional)
    session = request_factory(role="Manager")
    cases = [
        ([{"channel": "fax", "processing_time": "1 ngày", "fee": "0"}], "fax"),
        ([{"channel": "truc-tiep", "processing_time": "1 ngày"}], "fee"),
        ({"channel": "truc-tiep"}, "submission_ways"),
        ("[{not json", "JSON"),
        ([], "submission_ways"),
    ]
    for value, expected in cases:
        text = _errors(session.post(f"/{SECTION}", json=rest_body(submission_ways=value)))
        assert "submission_ways" in text and expected in text, text
    text = _errors(
        session.post(
            f"/{SECTION}",
            json=rest_body(dossier_components=[{"name": "Tờ khai", "originals": "x", "copies": 0}]),
        )
    )
    assert "dossier_components" in text and "originals" in text
    assert session.get(f"/{SECTION}/dang-ky-khai-sinh").status_code == 404


def test_patch_bad_values_are_400(functional, request_factory):
    portal = as_owner(functional)
    make(portal[SECTION], "khai-sinh", "Đăng ký khai sinh", "1.001193")
    transaction.commit()
    session = request_factory(role="Manager")
    url = f"/{SECTION}/khai-sinh"
    assert "fax" in _errors(
        session.patch(
            url, json={"submission_ways": [{"channel": "fax", "processing_time": "1", "fee": "0"}]}
        )
    )
    assert ".gov.vn" in _errors(session.patch(url, json={"service_url": "https://example.com/"}))
    assert "procedure_field" in _errors(session.patch(url, json={"procedure_field": "khong-co"}))
    good = [{"channel": "buu-chinh", "processing_time": "2 ngày", "fee": "Miễn phí"}]
    assert (
        session.patch(
            url, json={"submission_ways": good, "service_level": "khong", "service_url": None}
        ).status_code
        == 204
    )
    assert session.get(url).json()["submission_ways"] == good


def test_invariants_are_400(functional, request_factory):
    as_owner(functional)
    session = request_factory(role="Manager")
    text = _errors(session.post(f"/{SECTION}", json=rest_body(service_url=None)))
    assert "service_url: " in text and "liên kết" in text
    text = _errors(
        session.post(f"/{SECTION}", json=rest_body(service_level="khong", service_url=None))
    )
    assert "submission_ways: " in text and "Không trực tuyến" in text
    offline = [WAYS[0]]
    text = _errors(session.post(f"/{SECTION}", json=rest_body(submission_ways=offline)))
    assert "submission_ways: " in text and "truc-tuyen" in text
    body = rest_body(service_level="khong", service_url=None, submission_ways=offline)
    assert session.post(f"/{SECTION}", json=body).status_code == 201


def test_legal_basis_only_legal_documents(functional, request_factory):
    portal = as_owner(functional)
    legal_document(portal)
    transaction.commit()
    session = request_factory(role="Manager")
    page_uid = session.get("/gioi-thieu").json()["UID"]
    text = _errors(session.post(f"/{SECTION}", json=rest_body(legal_basis=[page_uid])))
    assert "legal_basis" in text


def test_required_fields_are_400(functional, request_factory):
    as_owner(functional)
    session = request_factory(role="Manager")
    text = _errors(session.post(f"/{SECTION}", json=rest_body(procedure_code=None, result=None)))
    assert "procedure_code" in text and "result" in text


def _lookup_content(functional):
    portal = as_owner(functional)
    section = portal[SECTION]
    make(section, "khai-sinh", "Đăng ký khai sinh", "1.001193")
    make(section, "ket-hon", "Đăng ký kết hôn", "1.000894", service_level="mot-phan")
    make(
        section,
        "chung-thuc",
        "Chứng thực bản sao từ bản chính",
        "2.000815",
        procedure_field="chung-thuc",
        procedure_level=["xa", "tinh"],
        service_level="khong",
        service_url=None,
        submission_ways=[WAYS[0]],
    )
    make(section, "nhap", "Thủ tục chưa công bố", "1.999999", publish=False)
    transaction.commit()
    return portal


def test_procedures_service(functional, request_factory):
    _lookup_content(functional)
    anon = request_factory()
    data = anon.get(f"/{SECTION}/@procedures").json()
    assert data["items_total"] == 3  # the private one is not shown to anonymous
    assert [i["procedure_code"] for i in data["items"]] == [
        "2.000815",
        "1.000894",
        "1.001193",
    ]  # by name
    item = data["items"][0]
    assert item["procedure_field"] == {"token": "chung-thuc", "title": "Chứng thực"}
    assert item["service_level"] == {"token": "khong", "title": "Không trực tuyến"}
    assert [level["token"] for level in item["procedure_level"]] == ["xa", "tinh"]

    def titles(**params):
        items = anon.get(f"/{SECTION}/@procedures", params=params).json()["items"]
        return [i["title"] for i in items]

    assert titles(procedure_field="ho-tich") == ["Đăng ký kết hôn", "Đăng ký khai sinh"]
    assert titles(procedure_level="tinh") == ["Chứng thực bản sao từ bản chính"]
    assert titles(service_level="mot-phan") == ["Đăng ký kết hôn"]
    assert titles(SearchableText="ket hon") == ["Đăng ký kết hôn"]
    assert titles(SearchableText="kết hôn") == ["Đăng ký kết hôn"]
    assert titles(SearchableText="chung thuc ban sao") == ["Chứng thực bản sao từ bản chính"]
    assert titles(SearchableText="1.001193") == ["Đăng ký khai sinh"]
    assert titles(SearchableText="ket hon", procedure_field="chung-thuc") == []
    response = anon.get(f"/{SECTION}/@procedures", params={"procedure_field": "khong-ton-tai"})
    assert response.status_code == 400
    assert (
        "procedure_field" in response.json()["message"] and "ho-tich" in response.json()["message"]
    )


def test_procedures_service_batching(functional, request_factory):
    portal = as_owner(functional)
    for number in range(1, 8):
        make(portal[SECTION], f"p{number}", f"Thủ tục {number}", f"1.00000{number}")
    transaction.commit()
    anon = request_factory()
    data = anon.get(f"/{SECTION}/@procedures", params={"b_size": 3}).json()
    assert data["items_total"] == 7 and len(data["items"]) == 3
    assert "next" in data["batching"]
    data = anon.get(f"/{SECTION}/@procedures", params={"b_size": 3, "b_start": 6}).json()
    assert [i["title"] for i in data["items"]] == ["Thủ tục 7"]


def test_anonymous_cannot_create(functional, request_factory):
    as_owner(functional)
    login(functional["app"], SITE_OWNER_NAME)
    assert request_factory().post(f"/{SECTION}", json=rest_body()).status_code in (401, 403)


def test_type_schema_endpoint(functional, request_factory):
    as_owner(functional)
    response = request_factory(role="Manager").get("/@types/Procedure")
    assert response.status_code == 200, response.text
    properties = response.json()["properties"]
    for name in (
        "procedure_code",
        "submission_ways",
        "dossier_components",
        "legal_basis",
        "service_url",
    ):
        assert name in properties
    assert properties["procedure_code"]["title"] == "Mã thủ tục"
