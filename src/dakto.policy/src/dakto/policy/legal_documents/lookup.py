"""The legal-document lookup: one query builder for the page and the REST service.

Every state is in the URL, so a lookup can be bookmarked and shared:
``?SearchableText=quy+che&number=33&type=quyet-dinh&issuer=UBND+thị+trấn+Đắk+Tô
&field=hanh-chinh&year=2024&status=in-force&sort_on=issued&sort_order=descending
&b_start=20``. The status filter is computed from the dates' keys on the
day of the query (``status.status_query``), not from the stored status.
"""

from plone import api
from plone.base.utils import munge_search_term

from dakto.policy import lookup_service
from dakto.policy.legal_documents.content import PORTAL_TYPE
from dakto.policy.legal_documents.content import parsed_or_none
from dakto.policy.legal_documents.status import derive_status
from dakto.policy.legal_documents.status import status_query
from dakto.policy.legal_documents.types import DOCUMENT_TYPES
from dakto.policy.legal_documents.vocabularies import FIELDS
from dakto.policy.legal_documents.vocabularies import STATUSES
from dakto.policy.lookup_service import TEXT
from dakto.policy.lookup_service import Choice
from dakto.policy.lookup_service import Text
from dakto.policy.lookup_service import WholeNumber
from dakto.policy.lookup_service import context_path
from dakto.policy.lookup_service import text_search
from dakto.policy.text import fold
from dakto.policy.vietnamese.ranking import exact_first_window


SORTS = {"issued": "legal_issued", "number": "legal_number_sort", "title": "sortable_title"}
DEFAULT_SORT = "issued"
ORDERS = ("descending", "ascending")
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
FILTERS = {
    TEXT: Text(),
    "number": Text(),
    "issuer": Text(),
    "type": Choice((t.token, t.title) for t in DOCUMENT_TYPES),
    "field": Choice(FIELDS),
    "status": Choice(STATUSES),
    "year": WholeNumber(1900, 2200),
    "sort_on": Choice(dict.fromkeys(SORTS)),
    "sort_order": Choice(dict.fromkeys(ORDERS)),
}
#: the filters that are an index's value
INDEXES = {
    "type": "legal_type",
    "field": "legal_field",
    "issuer": "legal_issuer",
    "year": "legal_year",
}
#: the filters that make a search (the others only sort it)
SEARCH_FILTERS = (TEXT, "number", "issuer", "type", "field", "year", "status")


def read_filters(form):
    """The filters in ``form`` (a request form): ({name: value}, {name: bad value})."""
    return lookup_service.read_filters(form, FILTERS)


def number_query(text):
    """The ``legal_number`` keys a typed number looks for: a number and symbol
    that is not exactly right (``33/QD-UBND``, ``33/qđ-ubnd``: D for Đ, lower
    case) is looked up folded, as ``indexers.number_keys`` also indexes it."""
    text = text.replace(" ", "")
    parsed = parsed_or_none(text)
    if parsed is not None:
        if parsed.key == fold(parsed.key):
            return parsed.key
        return {"query": [parsed.key, fold(parsed.key)], "operator": "or"}
    digits = text.split("/", 1)[0]
    if digits.isdigit() and "/" not in text:
        return str(int(digits)) if int(digits) else digits
    return {"query": list(dict.fromkeys((text, fold(text)))), "operator": "or"}


def catalog_query(context, filters, on=None):
    query = {"portal_type": PORTAL_TYPE, "path": context_path(context)}
    if "number" in filters:
        query["legal_number"] = number_query(filters["number"])
    for name, index in INDEXES.items():
        if name in filters:
            query[index] = filters[name]
    if "status" in filters:
        query.update(status_query(filters["status"], on))
    text = filters.get(TEXT)
    if text:
        query[TEXT] = munge_search_term(text)
    sort_on = filters.get("sort_on")
    if sort_on or not text:  # text alone: by relevance
        sort_on = sort_on or DEFAULT_SORT
        query["sort_on"] = SORTS[sort_on]
        default_order = "ascending" if sort_on == "title" else "descending"
        query["sort_order"] = filters.get("sort_order", default_order)
    return query


#: A keyword with a status and no sort: when the keyword alone matches at
#: most this many documents, their status is read from their dates in the
#: catalog's metadata (``derive_status``) instead of the status's query
#: (written when that query was two date ranges, whose cost grew with the
#: years of documents a site holds; ``status.status_query`` now reads at
#: most ~60 sets of the dates' keys).
STATUS_FROM_METADATA = 5000


def search(context, filters, b_start=0, b_size=PAGE_SIZE, on=None):
    """Brains matching ``filters`` under ``context``, in display order.

    With a sort, the catalog only sorts the page asked for (``b_start`` and
    ``b_size``); the result is a lazy sequence of the full length.
    """
    text = filters.get(TEXT)
    if text and "status" in filters and "sort_on" not in filters:
        found = _keyword_then_status(context, filters, on)
        if found is not None:
            return found
    return text_search(catalog_query(context, filters, on), text, b_start, b_size)


def _keyword_then_status(context, filters, on):
    """The keyword's matches of the status asked for, ranked; None for too many."""
    without_status = {name: value for name, value in filters.items() if name != "status"}
    brains = text_search(catalog_query(context, without_status, on), filters[TEXT], rank=False)
    if len(brains) > STATUS_FROM_METADATA:
        return None
    wanted = filters["status"]
    kept = [
        brain
        for brain in brains
        if derive_status(
            brain.issue_date, brain.legal_effective, brain.valid_until, brain.partly_expired, on
        )
        == wanted
    ]
    return exact_first_window(kept, filters[TEXT], catalog=api.portal.get_tool("portal_catalog"))


def issuers(context):
    """The issuing bodies known to the catalog, for the filter's choices."""
    catalog = api.portal.get_tool("portal_catalog")
    return sorted(v for v in catalog.uniqueValuesFor("legal_issuer") if v)


def years(context):
    catalog = api.portal.get_tool("portal_catalog")
    return sorted((v for v in catalog.uniqueValuesFor("legal_year") if v), reverse=True)
