"""The procedure lookup: one query builder for the page and the REST service.

The filters are the catalog's own names, so the URL of a lookup reads as its
query: ``?SearchableText=khai+sinh&procedure_field=ho-tich&procedure_level=xa
&service_level=toan-trinh``. Text is matched with and without diacritics by the
portal's folding lexicon; a query with diacritics lists the exact matches
first. A query that is a procedure code finds that procedure.
"""

from plone import api
from plone.base.utils import munge_search_term
from Products.ZCTextIndex.ParseTree import ParseError

from dakto.policy.lookup_service import single
from dakto.policy.procedures.fields import CODE_PATTERN
from dakto.policy.procedures.vocabularies import FIELDS
from dakto.policy.procedures.vocabularies import LEVELS
from dakto.policy.procedures.vocabularies import SERVICE_LEVELS
from dakto.policy.vietnamese.ranking import exact_first_window


TEXT = "SearchableText"
FILTERS = {
    "procedure_field": FIELDS,
    "procedure_level": LEVELS,
    "service_level": SERVICE_LEVELS,
}


def read_filters(form):
    """The filters in ``form`` (a request form): ({name: value}, {name: bad value})."""
    filters, unknown = {}, {}
    text = single(form.get(TEXT))
    if text:
        filters[TEXT] = text
    for name, pairs in FILTERS.items():
        value = single(form.get(name))
        if not value:
            continue
        if value in dict(pairs):
            filters[name] = value
        else:
            unknown[name] = value
    return filters, unknown


def catalog_query(context, filters):
    query = {
        "portal_type": "Procedure",
        "path": "/".join(context.getPhysicalPath()),
        "sort_on": "sortable_title",
    }
    for name in FILTERS:
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


def search(context, filters):
    """Brains matching ``filters`` under ``context``, in display order."""
    query = catalog_query(context, filters)
    try:
        brains = api.portal.get_tool("portal_catalog")(**query)
    except ParseError:
        return []
    if TEXT in query:
        return exact_first_window(brains, filters[TEXT])
    return brains
