"""The type, its section, its fields, its vocabularies and catalog."""

from datetime import date

import pytest
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy.legal_documents.content import ILegalDocument

from .helpers import make


def test_fti(portal):
    fti = portal.portal_types["LegalDocument"]
    assert fti.global_allow is False
    assert fti.add_permission == "cmf.AddPortalContent"
    assert fti.schema == "dakto.policy.legal_documents.content.ILegalDocument"
    for behavior in (
        "plone.dublincore",
        "plone.namefromtitle",
        "plone.relateditems",
        "plone.versioning",
    ):
        assert behavior in fti.behaviors
    assert fti.default_view == "legal-document-view"


def test_section_allows_only_legal_documents(manager):
    folder = manager["van-ban"]
    assert [fti.getId() for fti in folder.allowedContentTypes()] == ["LegalDocument"]
    assert folder.getLayout() == "legal-document-lookup"
    assert "LegalDocument" not in [fti.getId() for fti in manager["tin-tuc"].allowedContentTypes()]


def test_fields():
    names = ILegalDocument.names()
    for name in (
        "document_number",
        "document_type",
        "issuing_body",
        "signer",
        "issue_date",
        "valid_from",
        "valid_until",
        "partly_expired",
        "legal_field",
        "abstract",
        "file",
        "other_file",
        "replaces",
    ):
        assert name in names
    required = {n for n in names if ILegalDocument[n].required}
    assert required == {
        "document_number",
        "document_type",
        "issuing_body",
        "signer",
        "issue_date",
        "legal_field",
        "abstract",
        "file",
    }


@pytest.mark.parametrize(
    ("name", "token"),
    [
        ("dakto.policy.legal_document_types", "quyet-dinh"),
        ("dakto.policy.legal_fields", "hanh-chinh"),
        ("dakto.policy.legal_statuses", "partly-expired"),
    ],
)
def test_vocabularies(portal, name, token):
    assert token in getUtility(IVocabularyFactory, name)(portal)


def test_catalog(manager):
    catalog = manager.portal_catalog
    for index in (
        "legal_number",
        "legal_type",
        "legal_issuer",
        "legal_field",
        "legal_year",
        "legal_status",
        "legal_issued",
        "legal_effective",
        "legal_expiry",
    ):
        assert index in catalog.indexes()
    for column in ("document_number", "document_type", "issuing_body", "issue_date", "abstract"):
        assert column in catalog.schema()
    doc = make(manager["van-ban"], "qd", "33/QĐ-UBND", issue_date=date(2024, 3, 20))
    brain = catalog(UID=doc.UID())[0]
    assert brain.document_number == "33/QĐ-UBND"
    assert brain.issue_date == date(2024, 3, 20)
    assert brain.legal_status == "in-force"
    assert catalog(legal_year=2024, legal_type="quyet-dinh")[0].UID == doc.UID()


def test_document_view(manager):
    folder = manager["van-ban"]
    old = make(
        folder, "kh-45", "45/KH-UBND", document_type="ke-hoach", valid_until=date(2025, 1, 1)
    )
    from z3c.relationfield import RelationValue
    from zope.component import getUtility as get
    from zope.event import notify
    from zope.intid.interfaces import IIntIds
    from zope.lifecycleevent import ObjectModifiedEvent

    new = make(
        folder, "kh-08", "08/KH-UBND", document_type="ke-hoach", issue_date=date(2025, 1, 10)
    )
    new.replaces = [RelationValue(get(IIntIds).getId(old))]
    notify(ObjectModifiedEvent(new))
    html = new.restrictedTraverse("@@legal-document-view")()
    for text in (
        "08/KH-UBND",
        "10/01/2025",
        "UBND thị trấn Đắk Tô",
        "Nguyễn Văn Hùng",
        "kh-08.pdf",
    ):
        assert text in html, text
    assert "@@download/file/kh-08.pdf" in html and "PDF" in html
    assert "45/KH-UBND" in html  # replaces
    assert "dakto-status-in-force" in html
    html = old.restrictedTraverse("@@legal-document-view")()
    assert "dakto-status-expired" in html
    assert "08/KH-UBND" in html  # replaced by
