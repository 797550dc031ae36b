"""The procedure lookup: one query builder for the page and the REST service.

The filters are the catalog's own names, so the URL of a lookup reads as its
query: ``?SearchableText=khai+sinh&procedure_field=ho-tich&procedure_level=xa
&service_level=toan-trinh``. Text is matched with and without diacritics by the
portal's folding lexicon; a query with diacritics lists the exact matches
first. A query that is a procedure code finds that procedure.
"""

from plone.base.utils import munge_search_term

from dakto.policy import lookup_service
from dakto.policy.lookup_service import TEXT
from dakto.policy.lookup_service import Choice
from dakto.policy.lookup_service import Text
from dakto.policy.lookup_service import context_path
from dakto.policy.lookup_service import text_search
from dakto.policy.procedures.fields import CODE_PATTERN
from dakto.policy.procedures.vocabularies import FIELDS
from dakto.policy.procedures.vocabularies import LEVELS
from dakto.policy.procedures.vocabularies import SERVICE_LEVELS


#: the filters that are an index's value, with their closed lists
CHOICES = {
    "procedure_field": FIELDS,
    "procedure_level": LEVELS,
    "service_level": SERVICE_LEVELS,
}
FILTERS = {TEXT: Text(), **{name: Choice(pairs) for name, pairs in CHOICES.items()}}


def read_filters(form):
    """The filters in ``form`` (a request form): ({name: value}, {name: bad value})."""
    return lookup_service.read_filters(form, FILTERS)


def catalog_query(context, filters):
    query = {"portal_type": "Procedure", "path": context_path(context), "sort_on": "sortable_title"}
    for name in CHOICES:
        if name in filters:
            query[name] = filters[name]
    text = filters.get(TEXT)
    if text:
        if CODE_PATTERN.match(text):
            query["procedure_code"] = text
        else:
            query[TEXT] = munge_search_term(text)
            del query["sort_on"]  # relevance
    return query


def search(context, filters, b_start=0, b_size=None):
    """Brains matching ``filters`` under ``context``, in display order."""
    return text_search(catalog_query(context, filters), filters.get(TEXT), b_start, b_size)
