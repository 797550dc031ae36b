"""plone.restapi: create and serialize; bad values answer 400 naming the field; @legal-documents."""

import base64
from datetime import date

import transaction

from .helpers import DOCX
from .helpers import ODT
from .helpers import PDF
from .helpers import as_owner
from .helpers import make


SECTION = "van-ban"


def upload(data, filename, content_type="application/octet-stream"):
    return {
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": content_type,
    }


def body(**changes):
    data = {
        "@type": "LegalDocument",
        "title": "Quyết định ban hành Quy chế hoạt động của Trang thông tin điện tử",
        "document_number": "33/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": "UBND thị trấn Đắk Tô",
        "signer": "Nguyễn Văn Hùng - Chủ tịch",
        "issue_date": "2024-03-20",
        "valid_from": "2024-03-20",
        "legal_field": "thong-tin-truyen-thong",
        "abstract": "Ban hành Quy chế hoạt động của Trang thông tin điện tử.",
        "file": upload(PDF, "33-QD-UBND.pdf", "application/pdf"),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# The site speaks Vietnamese: the messages come translated.


def errors(response):
    assert response.status_code == 400, response.text
    return response.json()["message"]


def test_create_and_serialize(functional, manager_request):
    as_owner(functional)
    response = manager_request.post(f"/{SECTION}", json=body())
    assert response.status_code == 201, response.text
    data = manager_request.get(response.json()["@id"]).json()
    assert data["@type"] == "LegalDocument"
    assert data["document_number"] == "33/QĐ-UBND"
    assert data["document_type"] == {"token": "quyet-dinh", "title": "Quyết định"}
    assert data["issue_date"] == "2024-03-20"
    assert data["legal_field"]["token"] == "thong-tin-truyen-thong"
    assert data["file"]["filename"] == "33-QD-UBND.pdf"


def test_bad_number_is_400_with_field(functional, manager_request):
    as_owner(functional)
    for number, reason in (
        ("33 QĐ UBND", "không có dấu cách"),
        ("33/QD-UBND", "phải ghi là QĐ"),
        ("3/QĐ-UBND", "một số 0 phía trước"),
        ("33/QĐ-ubnd", "viết in hoa"),
    ):
        text = errors(manager_request.post(f"/{SECTION}", json=body(document_number=number)))
        assert "document_number" in text and reason in text, text
    text = errors(manager_request.post(f"/{SECTION}", json=body(document_type="thong-bao")))
    assert "document_number" in text and "TB-" in text
    text = errors(manager_request.post(f"/{SECTION}", json=body(valid_until="2024-01-01")))
    assert "valid_until" in text
    text = errors(manager_request.post(f"/{SECTION}", json=body(document_type="sac-lenh")))
    assert "document_type" in text


def test_duplicate_number_is_400(functional, manager_request):
    as_owner(functional)
    assert manager_request.post(f"/{SECTION}", json=body()).status_code == 201
    text = errors(manager_request.post(f"/{SECTION}", json=body(title="Bản khác")))
    assert "document_number" in text and "đã được dùng trong năm 2024" in text
    # another year, or another issuer: fine
    assert (
        manager_request.post(
            f"/{SECTION}", json=body(title="Năm sau", issue_date="2025-01-05", valid_from=None)
        ).status_code
        == 201
    )
    assert (
        manager_request.post(
            f"/{SECTION}", json=body(title="HĐND", document_number="33/QĐ-HĐND")
        ).status_code
        == 201
    )
    # editing the document itself keeps its number
    url = f"/{SECTION}/quyet-dinh-ban-hanh-quy-che-hoat-dong-cua-trang-thong-tin-dien-tu"
    response = manager_request.patch(url, json={"document_number": "33/QĐ-UBND", "signer": "X"})
    assert response.status_code == 204, response.text


def test_open_formats_over_rest(functional, manager_request):
    as_owner(functional)
    docx = upload(DOCX, "33.docx")
    text = errors(manager_request.post(f"/{SECTION}", json=body(file=docx)))
    assert "file" in text and "33.docx" in text and "PDF" in text and "ODT" in text
    renamed = upload(DOCX, "33.pdf", "application/pdf")
    text = errors(manager_request.post(f"/{SECTION}", json=body(file=renamed)))
    assert "file" in text and "không phải PDF" in text
    response = manager_request.post(
        f"/{SECTION}", json=body(file=docx, other_file=upload(ODT, "33.odt"))
    )
    assert response.status_code == 201, response.text


def test_legal_documents_service(functional, manager_request, anon_request):
    portal = as_owner(functional)
    folder = portal[SECTION]
    make(folder, "qd-33", "33/QĐ-UBND", issue_date=date(2024, 3, 20))
    make(
        folder,
        "kh-45",
        "45/KH-UBND",
        document_type="ke-hoach",
        issue_date=date(2024, 1, 12),
        valid_until=date(2025, 1, 1),
    )
    make(folder, "tb-12", "12/TB-UBND", document_type="thong-bao", issue_date=date(2025, 2, 10))
    make(folder, "draft", "77/QĐ-UBND", publish=False)
    transaction.commit()

    data = anon_request.get(f"/{SECTION}/@legal-documents").json()
    assert data["items_total"] == 3
    assert [i["document_number"] for i in data["items"]] == [
        "12/TB-UBND",
        "33/QĐ-UBND",
        "45/KH-UBND",
    ]
    item = data["items"][2]
    assert item["status"]["token"] == "expired"
    assert item["document_type"]["abbreviation"] == "KH"
    assert item["issue_date"] == "2024-01-12"

    data = anon_request.get(
        "/@legal-documents", params={"status": "in-force", "year": "2024"}
    ).json()
    assert [i["document_number"] for i in data["items"]] == ["33/QĐ-UBND"]
    data = anon_request.get(
        f"/{SECTION}/@legal-documents",
        params={"sort_on": "number", "sort_order": "ascending", "b_size": 2},
    ).json()
    assert data["items_total"] == 3
    assert [i["document_number"] for i in data["items"]] == ["12/TB-UBND", "33/QĐ-UBND"]
    assert "next" in data["batching"]
    data = anon_request.get(
        f"/{SECTION}/@legal-documents",
        params={"sort_on": "number", "sort_order": "ascending", "b_size": 2, "b_start": 2},
    ).json()
    assert [i["document_number"] for i in data["items"]] == ["45/KH-UBND"]
    data = anon_request.get(f"/{SECTION}/@legal-documents", params={"number": "12"}).json()
    assert [i["document_number"] for i in data["items"]] == ["12/TB-UBND"]
    assert manager_request.get(f"/{SECTION}/@legal-documents").json()["items_total"] == 4

    response = anon_request.get(f"/{SECTION}/@legal-documents", params={"type": "sac-lenh"})
    assert response.status_code == 400 and "type" in response.json()["message"]
    response = anon_request.get(f"/{SECTION}/@legal-documents", params={"b_size": "1000"})
    assert response.status_code == 400 and "b_size" in response.json()["message"]
