"""REST service ``@legal-documents``: the legal-document lookup as JSON.

``GET <section or portal>/@legal-documents?SearchableText=…&number=…&type=…
&issuer=…&field=…&year=…&status=…&sort_on=issued|number|title
&sort_order=descending|ascending&b_start=…&b_size=…`` — the filters of the
lookup page; an unknown value answers 400 with the filter's name and the
accepted values. Each item is the document's summary (``serializers.py``),
with its status computed for today.
"""

from dakto.policy.legal_documents import lookup
from dakto.policy.lookup_service import LookupService


class LegalDocumentsGet(LookupService):
    lookup = lookup
    max_batch_size = lookup.MAX_PAGE_SIZE
