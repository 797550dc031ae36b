"""Shared data and set-up of the procedure tests."""

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.app.textfield.value import RichTextValue
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.dexterity.fti import DexterityFTI
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile


SECTION = "thu-tuc-hanh-chinh"
URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="

WAYS = [
    {
        "channel": "truc-tiep",
        "processing_time": "Trong ngày",
        "fee": "Miễn lệ phí",
        "description": "Tại bộ phận một cửa",
    },
    {"channel": "truc-tuyen", "processing_time": "Trong ngày", "fee": "Miễn lệ phí"},
]
COMPONENTS = [
    {"name": "Tờ khai đăng ký khai sinh", "originals": 1, "copies": 0, "form": "to-khai.pdf"},
    {"name": "Giấy chứng sinh", "originals": 1, "copies": 0, "note": "Bản chính"},
]


def rest_body(**changes):
    body = {
        "@type": "Procedure",
        "title": "Đăng ký khai sinh",
        "description": "Đăng ký khai sinh cho trẻ em.",
        "procedure_code": "1.001193",
        "procedure_level": ["xa"],
        "procedure_field": "ho-tich",
        "implementing_body": "UBND cấp xã",
        "applicants": "Cha, mẹ của trẻ em",
        "service_level": "toan-trinh",
        "service_url": URL + "1.001193",
        "steps": {
            "data": "<p>Nộp hồ sơ</p><p>Nhận kết quả</p>",
            "content-type": "text/html",
            "encoding": "utf8",
        },
        "submission_ways": WAYS,
        "processing_time": "Trong ngày",
        "fees": "Miễn lệ phí",
        "dossier_components": COMPONENTS,
        "result": "Giấy khai sinh",
        "requirements": "Không",
        "legal_basis_text": "Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP",
    }
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}


def prepare(portal):
    """The section accepts procedures and shows the lookup.

    The section settings belong to ``structure/sections.py``; while a plain
    Folder cannot hold a type with global_allow False, the tests allow it here.
    """
    folder = portal[SECTION]
    if "Procedure" not in [fti.getId() for fti in folder.allowedContentTypes()]:
        portal.portal_types["Procedure"].global_allow = True
        constraints = ISelectableConstrainTypes(folder)
        constraints.setConstrainTypesMode(ENABLED)
        constraints.setLocallyAllowedTypes(["Procedure", "Document", "Link"])
        constraints.setImmediatelyAddableTypes(["Procedure", "Document", "Link"])
    if folder.getLayout() != "procedure-lookup":
        folder.setLayout("procedure-lookup")
    return folder


def make(container, id, title, code, publish=True, forms=(), **fields):
    obj = createContentInContainer(
        container, "Procedure", checkConstraints=False, id=id, title=title
    )
    values = {
        "procedure_code": code,
        "procedure_level": ["xa"],
        "procedure_field": "ho-tich",
        "implementing_body": "UBND cấp xã",
        "applicants": "Công dân",
        "service_level": "toan-trinh",
        "service_url": URL + code,
        "submission_ways": list(WAYS),
        "processing_time": "Trong ngày",
        "fees": "Miễn lệ phí",
        "dossier_components": [dict(c) for c in COMPONENTS],
        "result": "Kết quả giải quyết",
    }
    values.update(fields)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.steps = RichTextValue(
        fields.get("steps_html", "<p>Bước 1: nộp hồ sơ.</p>"), "text/html", "text/x-html-safe"
    )
    for file_id in forms:
        form = createContentInContainer(
            obj, "File", checkConstraints=False, id=file_id, title="Tờ khai mẫu"
        )
        form.file = NamedBlobFile(b"%PDF-1.4 test", contentType="application/pdf", filename=file_id)
    if publish:
        api.content.transition(obj=obj, to_state="published")
    obj.reindexObject()
    return obj


def legal_document(portal, id="luat-ho-tich", title="Luật Hộ tịch 60/2014/QH13"):
    """A LegalDocument (the colleague's type, or a stand-in FTI while it is not there)."""
    types = portal.portal_types
    if "LegalDocument" not in types.objectIds():
        fti = DexterityFTI("LegalDocument")
        fti.klass = "plone.dexterity.content.Item"
        fti.behaviors = ("plone.basic",)
        types._setObject("LegalDocument", fti)
    doc = createContentInContainer(
        portal["van-ban"], "LegalDocument", checkConstraints=False, id=id, title=title
    )
    api.content.transition(obj=doc, to_state="published")
    doc.reindexObject()
    return doc


def as_owner(functional):
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    prepare(portal)
    transaction.commit()
    return portal
