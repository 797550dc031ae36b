"""Shared set-up of the organisation tests."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobImage


SECTION = "gioi-thieu/co-cau-to-chuc"
SCHEDULE = "tin-tuc/chi-dao-dieu-hanh/lich-cong-tac"
# A 1x1 transparent PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a40000000049454e44ae426082"
)


def configure_sections(portal):
    """Nothing to do: the install gives the sections their types and views
    (structure/sections.py); kept as the one place to change if that moves."""
    return portal.unrestrictedTraverse(SECTION)


def html(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")


def image(name="anh.png"):
    return NamedBlobImage(data=PNG, contentType="image/png", filename=name)


def publish(obj):
    api.content.transition(obj=obj, to_state="published")
    obj.reindexObject()
    return obj


def person(container, id, title, position, publish_it=True, **fields):
    obj = api.content.create(
        container=container, type="Person", id=id, title=title, position=position, **fields
    )
    return publish(obj) if publish_it else obj


def unit(container, id, title, **fields):
    fields.setdefault("functions", html(f"<p>Chức năng của {title}</p>"))
    return publish(
        api.content.create(container=container, type="OrgUnit", id=id, title=title, **fields)
    )


def build(portal):
    """Two leaders, two units with their people, one contact officer."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    configure_sections(portal)
    section = portal.unrestrictedTraverse(SECTION)
    person(
        section,
        "pho-chu-tich",
        "Trần Thị Mai",
        "Phó Chủ tịch UBND",
        listing_order=2,
        is_leader=True,
        phone="0260 3831 102",
        email="ttmai@kontum.gov.vn",
    )
    person(
        section,
        "chu-tich",
        "Nguyễn Văn Thành",
        "Chủ tịch UBND",
        listing_order=1,
        is_leader=True,
        phone="0260 3831 101",
        email="nvthanh@kontum.gov.vn",
        photo=image(),
        photo_alt="Ảnh chân dung ông Nguyễn Văn Thành",
    )
    office = unit(
        section,
        "van-phong",
        "Văn phòng - Thống kê",
        address="Tầng 1, trụ sở UBND",
        phone="0260 3831 110",
        email="vanphong@kontum.gov.vn",
    )
    person(
        office,
        "nhung",
        "Lê Thị Hồng Nhung",
        "Công chức Văn phòng",
        listing_order=10,
        phone="0260 3831 111",
        email="nhung@kontum.gov.vn",
        is_contact_officer=True,
    )
    justice = unit(
        section,
        "tu-phap",
        "Tư pháp - Hộ tịch",
        address="Tầng 1, trụ sở UBND",
        phone="0260 3831 120",
        email="tuphap@kontum.gov.vn",
    )
    person(
        justice,
        "tu",
        "Phạm Văn Tú",
        "Công chức Tư pháp - Hộ tịch",
        listing_order=20,
        phone="0260 3831 121",
    )
    return section
