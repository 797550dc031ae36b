"""Article 4.1a over plone.restapi: serialization, validation (HTTP 400), @organisation."""

import base64

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from tests.organisation.helpers import PNG
from tests.organisation.helpers import build


def _setup(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    build(portal)
    transaction.commit()
    return portal


def _person(**changes):
    body = {
        "@type": "Person",
        "title": "Y Thị Hoa",
        "position": "Công chức Văn hóa - Xã hội",
        "phone": "0260 3831 141",
        "email": "ythihoa@kontum.gov.vn",
        "listing_order": 40,
        "duties": {"data": "<p>Bảo trợ xã hội</p>", "content-type": "text/html"},
        "biography": {"data": "<p>Sinh năm 1990</p>", "content-type": "text/html"},
        "is_leader": False,
        "is_contact_officer": False,
    }
    body.update(changes)
    return body


def test_rest_serializes_every_person_field(functional, manager_request, anon_request):
    _setup(functional)
    photo = {
        "data": base64.b64encode(PNG).decode(),
        "encoding": "base64",
        "filename": "hoa.png",
        "content-type": "image/png",
    }
    response = manager_request.post(
        "/gioi-thieu/co-cau-to-chuc/tu-phap",
        json=_person(photo=photo, photo_alt="Ảnh chân dung bà Y Thị Hoa"),
    )
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    assert "/tu-phap/y-thi-hoa" in url
    for transition in ("submit", "approve", "publish"):  # the editorial workflow
        assert manager_request.post(f"{url}/@workflow/{transition}").status_code == 200
    data = anon_request.get(url).json()
    assert data["@type"] == "Person"
    assert data["title"] == "Y Thị Hoa"
    assert data["position"] == "Công chức Văn hóa - Xã hội"
    assert data["phone"] == "0260 3831 141"
    assert data["email"] == "ythihoa@kontum.gov.vn"
    assert data["listing_order"] == 40
    assert data["photo"]["filename"] == "hoa.png"
    assert data["photo_alt"] == "Ảnh chân dung bà Y Thị Hoa"
    assert "Bảo trợ xã hội" in data["duties"]["data"]
    assert "Sinh năm 1990" in data["biography"]["data"]
    assert data["is_leader"] is False and data["is_contact_officer"] is False
    assert "unit" in data


def test_rest_person_relation_to_a_unit(functional, manager_request):
    portal = _setup(functional)
    uid = portal["gioi-thieu"]["co-cau-to-chuc"]["van-phong"].UID()
    response = manager_request.post("/gioi-thieu/co-cau-to-chuc", json=_person(unit=uid))
    assert response.status_code == 201, response.text
    data = manager_request.get(response.json()["@id"]).json()
    assert data["unit"]["@id"].endswith("/co-cau-to-chuc/van-phong")
    # A relation to something that is not a unit is refused.
    other = portal["gioi-thieu"]["co-cau-to-chuc"]["chu-tich"].UID()
    bad = manager_request.post("/gioi-thieu/co-cau-to-chuc", json=_person(title="X", unit=other))
    assert bad.status_code == 400, bad.text


def test_rest_serializes_every_unit_field(functional, manager_request, anon_request):
    portal = _setup(functional)
    head = portal["gioi-thieu"]["co-cau-to-chuc"]["chu-tich"].UID()
    response = manager_request.post(
        "/gioi-thieu/co-cau-to-chuc",
        json={
            "@type": "OrgUnit",
            "title": "Địa chính - Xây dựng",
            "description": "Đất đai, xây dựng",
            "functions": {"data": "<p>Quản lý đất đai</p>", "content-type": "text/html"},
            "head": head,
            "address": "Tầng 2, trụ sở UBND",
            "phone": "0260 3831 130",
            "fax": "0260 3831 139",
            "email": "diachinh@kontum.gov.vn",
        },
    )
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    for transition in ("submit", "approve", "publish"):  # the editorial workflow
        assert manager_request.post(f"{url}/@workflow/{transition}").status_code == 200
    data = anon_request.get(url).json()
    assert data["@type"] == "OrgUnit"
    assert "Quản lý đất đai" in data["functions"]["data"]
    assert data["head"]["@id"].endswith("/chu-tich")
    assert data["address"] == "Tầng 2, trụ sở UBND"
    assert data["phone"] == "0260 3831 130"
    assert data["fax"] == "0260 3831 139"
    assert data["email"] == "diachinh@kontum.gov.vn"


def test_rest_refuses_bad_phone_email_and_photo_without_alt(functional, manager_request):
    _setup(functional)
    section = "/gioi-thieu/co-cau-to-chuc"
    bad_phone = manager_request.post(section, json=_person(phone="gọi số này"))
    assert bad_phone.status_code == 400, bad_phone.text
    assert "phone" in bad_phone.text
    bad_email = manager_request.post(section, json=_person(email="hoa@"))
    assert bad_email.status_code == 400
    assert "email" in bad_email.text
    photo = {
        "data": base64.b64encode(PNG).decode(),
        "encoding": "base64",
        "filename": "hoa.png",
        "content-type": "image/png",
    }
    no_alt = manager_request.post(section, json=_person(photo=photo))
    assert no_alt.status_code == 400
    assert "photo_alt" in no_alt.json()["message"]
    no_position = manager_request.post(section, json=_person(position=None))
    assert no_position.status_code == 400
    unit_phone = manager_request.post(
        section,
        json={
            "@type": "OrgUnit",
            "title": "X",
            "phone": "số máy",
            "functions": {"data": "<p>x</p>", "content-type": "text/html"},
        },
    )
    assert unit_phone.status_code == 400
    assert "phone" in unit_phone.text
    assert "y-thi-hoa" not in functional["portal"]["gioi-thieu"]["co-cau-to-chuc"].objectIds()


def test_organisation_service(functional, anon_request):
    _setup(functional)
    response = anon_request.get("/gioi-thieu/co-cau-to-chuc/@organisation")
    assert response.status_code == 200, response.text
    data = response.json()
    assert [p["name"] for p in data["leaders"]] == ["Nguyễn Văn Thành", "Trần Thị Mai"]
    assert data["leaders"][0]["position"] == "Chủ tịch UBND"
    assert data["leaders"][0]["phone"] == "0260 3831 101"
    assert data["leaders"][0]["photo"].endswith("/chu-tich/@@images/photo/preview")
    assert data["leaders"][0]["photo_alt"] == "Ảnh chân dung ông Nguyễn Văn Thành"
    assert [u["title"] for u in data["units"]] == ["Văn phòng - Thống kê", "Tư pháp - Hộ tịch"]
    assert data["units"][0]["email"] == "vanphong@kontum.gov.vn"
    assert data["units"][0]["head"]["name"] == "Lê Thị Hồng Nhung"
    officer = data["contact_officer"]
    assert officer["name"] == "Lê Thị Hồng Nhung"
    assert officer["unit"]["title"] == "Văn phòng - Thống kê"
    assert officer["email"] == "nhung@kontum.gov.vn"
    assert data["contact_officer_count"] == 1
    assert data["warnings"] == []


def test_organisation_service_warns_about_several_contact_officers(functional, anon_request):
    portal = _setup(functional)
    tu = portal["gioi-thieu"]["co-cau-to-chuc"]["tu-phap"]["tu"]
    tu.is_contact_officer = True
    tu.reindexObject()
    transaction.commit()
    data = anon_request.get("/gioi-thieu/co-cau-to-chuc/@organisation").json()
    assert data["contact_officer_count"] == 2
    assert len(data["warnings"]) == 1
    assert "Phạm Văn Tú" in data["warnings"][0]


def test_a_private_head_is_not_shown_to_the_public(functional, anon_request):
    from plone import api
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    portal = _setup(functional)
    section = portal["gioi-thieu"]["co-cau-to-chuc"]
    secret = api.content.create(
        container=section["tu-phap"], type="Person", id="moi", title="Người Mới", position="Tạm"
    )
    section["tu-phap"].head = RelationValue(getUtility(IIntIds).getId(secret))
    transaction.commit()
    units = anon_request.get("/gioi-thieu/co-cau-to-chuc/@organisation").json()["units"]
    assert units[1]["head"]["name"] == "Phạm Văn Tú"  # the first published person instead
    assert "Người Mới" not in str(units)
