"""The demo documents: realistic, valid, published, with open-format files; idempotent."""

from plone import api
from plone.app.testing import logout

from dakto.policy import filetypes
from dakto.policy.legal_documents import demo
from dakto.policy.legal_documents.content import ILegalDocument
from dakto.policy.legal_documents.status import status_of


def test_demo(manager):
    created = demo.create_demo(manager)
    assert 6 <= len(created) <= 10
    assert demo.create_demo(manager) == []  # idempotent
    numbers = {doc.document_number: doc for doc in created}
    assert "33/QĐ-UBND" in numbers and "15/UBND-VP" in numbers and "42/2022/NĐ-CP" in numbers
    statuses = {status_of(doc) for doc in created}
    assert {"in-force", "expired", "partly-expired", "not-yet"} <= statuses
    for doc in created:
        assert api.content.get_state(doc) == "published"
        ILegalDocument.validateInvariants(doc)  # number fits type and year, dates, open format
        for name in ILegalDocument.names():
            field = ILegalDocument[name].bind(doc)
            value = getattr(doc, name)
            if value is not None and name != "replaces":
                field.validate(value)
        assert filetypes.is_open(doc.file)
    assert filetypes.sniff(numbers["33/QĐ-UBND"].other_file.data) == "odt"
    newer = numbers["08/KH-UBND"]
    assert [r.to_object for r in newer.replaces] == [numbers["45/KH-UBND"]]
    logout()
    html = manager["van-ban"].restrictedTraverse("@@legal-document-lookup")()
    assert html.count("dakto-status-") >= len(created)
