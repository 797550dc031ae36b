"""REST service ``@legal-documents``: the legal-document lookup as JSON.

``GET <section or portal>/@legal-documents?SearchableText=…&number=…&type=…
&issuer=…&field=…&year=…&status=…&sort_on=issued|number|title
&sort_order=descending|ascending&b_start=…&b_size=…`` — the filters of the
lookup page; an unknown value answers 400 with the filter's name and the
accepted values. Each item carries its status computed for today.
"""

from plone.restapi.batching import DEFAULT_BATCH_SIZE
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate

from dakto.policy.legal_documents import lookup
from dakto.policy.legal_documents.status import derive_status
from dakto.policy.legal_documents.types import BY_TOKEN
from dakto.policy.legal_documents.vocabularies import FIELDS
from dakto.policy.legal_documents.vocabularies import STATUSES
from dakto.policy.legal_documents.vocabularies import title_of
from dakto.policy.lookup_service import batched_answer
from dakto.policy.lookup_service import brain_summary
from dakto.policy.lookup_service import refuse_unknown_filter


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else None


def read_batch(form, default_size):
    """``(b_start, b_size)`` from the request form; bad values answer 400."""
    result = []
    for name, default, low, high in (
        ("b_start", 0, 0, None),
        ("b_size", default_size, 1, lookup.MAX_PAGE_SIZE),
    ):
        raw = form.get(name, default)
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = None
        if value is None or value < low or (high is not None and value > high):
            raise BadRequest(f"{name}: '{raw}' must be a whole number from {low} to {high or '∞'}.")
        result.append(value)
    return tuple(result)


class LegalDocumentsGet(Service):
    @staticmethod
    def _accepted(name):
        allowed = lookup.ALLOWED[name]
        return list(allowed) if isinstance(allowed, dict) else [allowed]

    def _term(self, pairs, token):
        if not token:
            return None
        return {"token": token, "title": translate(title_of(pairs, token), context=self.request)}

    def reply(self):
        form = self.request.form
        filters, unknown = lookup.read_filters(form)
        refuse_unknown_filter(self.request, unknown, self._accepted)
        b_start, b_size = read_batch(form, DEFAULT_BATCH_SIZE)
        brains = lookup.search(self.context, filters, b_start, b_size)
        return batched_answer(self.request, brains, filters, self.item)

    def item(self, brain):
        doc_type = BY_TOKEN.get(brain.document_type)
        status = derive_status(
            brain.issue_date, brain.legal_effective, brain.valid_until, brain.partly_expired
        )
        return brain_summary(brain) | {
            "document_number": brain.document_number,
            "document_type": {
                "token": brain.document_type,
                "title": translate(doc_type.title, context=self.request) if doc_type else "",
                "abbreviation": doc_type.abbreviation if doc_type else "",
            },
            "issuing_body": brain.issuing_body,
            "signer": brain.signer,
            "issue_date": _iso(brain.issue_date),
            "valid_from": _iso(brain.legal_effective),
            "valid_until": _iso(brain.valid_until),
            "legal_field": self._term(FIELDS, brain.legal_field),
            "status": self._term(STATUSES, status),
            "abstract": brain.abstract,
        }
