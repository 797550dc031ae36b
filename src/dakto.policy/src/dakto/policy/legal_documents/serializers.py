"""A legal document's computed fields in restapi summaries (``@search``,
listings, ``@legal-documents``): its type with title and abbreviation, the
dates, its field and its validity status computed for today."""

from zope.i18n import translate

from dakto.policy.legal_documents.status import derive_status
from dakto.policy.legal_documents.status import starts
from dakto.policy.legal_documents.types import BY_TOKEN
from dakto.policy.legal_documents.vocabularies import FIELDS
from dakto.policy.legal_documents.vocabularies import STATUSES
from dakto.policy.serializers import is_brain
from dakto.policy.serializers import term


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else None


def summary_fields(item, request):
    """The fields of ``item`` (a brain: its catalog metadata, or the document)."""
    if is_brain(item):
        valid_from = item.legal_effective
    else:
        valid_from = starts(item.issue_date, item.valid_from)
    status = derive_status(item.issue_date, valid_from, item.valid_until, item.partly_expired)
    doc_type = BY_TOKEN.get(item.document_type)
    return {
        "document_number": item.document_number,
        "document_type": {
            "token": item.document_type,
            "title": translate(doc_type.title, context=request) if doc_type else "",
            "abbreviation": doc_type.abbreviation if doc_type else "",
        },
        "issuing_body": item.issuing_body,
        "signer": item.signer,
        "issue_date": _iso(item.issue_date),
        "valid_from": _iso(valid_from),
        "valid_until": _iso(item.valid_until),
        "legal_field": term(FIELDS, item.legal_field, request),
        "status": term(STATUSES, status, request),
        "abstract": item.abstract,
    }
