"""Shared data and set-up of the legal-document tests."""

import io
import zipfile
from datetime import date

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile

from dakto.policy.legal_documents.demo import odt_bytes
from dakto.policy.procedures.forms import simple_pdf


SECTION = "van-ban"
PDF = simple_pdf("Quyet dinh 33/QD-UBND", ["Trich yeu"])
ODT = odt_bytes("Quyết định", ["Trích yếu"])


def docx_bytes():
    """The first bytes of an Office Open XML document (a ZIP with word/ parts)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


DOCX = docx_bytes()


def blob(data, filename, content_type="application/octet-stream"):
    return NamedBlobFile(data, content_type, filename)


def prepare(portal):
    """The section accepts legal documents and shows the lookup.

    The section settings belong to ``structure/sections.py``; until it names
    LegalDocument and ``legal-document-lookup`` for ``van-ban``, the tests set them.
    """
    folder = portal[SECTION]
    if "LegalDocument" not in [fti.getId() for fti in folder.allowedContentTypes()]:
        constraints = ISelectableConstrainTypes(folder)
        constraints.setConstrainTypesMode(ENABLED)
        constraints.setLocallyAllowedTypes(["LegalDocument"])
        constraints.setImmediatelyAddableTypes(["LegalDocument"])
    if folder.getLayout() != "legal-document-lookup":
        folder.setLayout("legal-document-lookup")
    return folder


def make(container, id, number, title=None, publish=True, **fields):
    obj = createContentInContainer(
        container,
        "LegalDocument",
        checkConstraints=False,
        id=id,
        title=title or f"Văn bản {number}",
    )
    values = {
        "document_number": number,
        "document_type": "quyet-dinh",
        "issuing_body": "UBND thị trấn Đắk Tô",
        "signer": "Nguyễn Văn Hùng - Chủ tịch",
        "issue_date": date(2024, 3, 20),
        "valid_from": None,
        "valid_until": None,
        "partly_expired": False,
        "legal_field": "hanh-chinh",
        "abstract": f"Trích yếu của văn bản {number}",
        "file": blob(PDF, f"{id}.pdf", "application/pdf"),
    }
    values.update(fields)
    for name, value in values.items():
        setattr(obj, name, value)
    if publish:
        api.content.transition(obj=obj, to_state="published")
    obj.reindexObject()
    return obj


def as_owner(functional):
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    prepare(portal)
    transaction.commit()
    return portal
