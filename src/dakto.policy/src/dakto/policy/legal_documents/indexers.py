"""Catalog values of a legal document.

``legal_status`` is the status on the day of indexing; it ages, so the
lookup filters on the dates' keys ``legal_effective_keys`` /
``legal_expiry_keys`` (see ``status.py``).
"""

from plone.app.contenttypes.indexers import _unicode_save_string_concat
from plone.base.utils import safe_text
from plone.indexer import indexer
from zope.i18n import translate

from dakto.policy.legal_documents.content import ILegalDocument
from dakto.policy.legal_documents.content import parsed_or_none
from dakto.policy.legal_documents.status import NEVER
from dakto.policy.legal_documents.status import date_keys
from dakto.policy.legal_documents.status import starts
from dakto.policy.legal_documents.status import status_of
from dakto.policy.legal_documents.types import BY_TOKEN
from dakto.policy.legal_documents.types import type_title
from dakto.policy.legal_documents.vocabularies import FIELDS
from dakto.policy.text import fold
from dakto.policy.vocabularies import title_of


def number_keys(symbol):
    """What a number lookup may type: the symbol, its key without the year, the
    number; the symbol and the key also folded (``fold``: lower case, Đ as D,
    as typed on a phone: ``33/qd-ubnd``), which is what ``lookup.number_query``
    looks for when the typed number is not exactly right."""
    parsed = parsed_or_none(symbol)
    if parsed is None:
        return tuple(dict.fromkeys((symbol, fold(symbol)))) if symbol else ()
    digits = symbol.split("/", 1)[0]
    keys = (symbol, parsed.key, str(parsed.number), digits, fold(symbol), fold(parsed.key))
    return tuple(dict.fromkeys(keys))


def _effective(obj):
    return starts(obj.issue_date, obj.valid_from)


def _expiry(obj):
    return obj.valid_until or NEVER


@indexer(ILegalDocument)
def legal_number(obj):
    return number_keys(obj.document_number or "")


@indexer(ILegalDocument)
def legal_number_sort(obj):
    parsed = parsed_or_none(obj.document_number)
    return parsed.sort_key if parsed else (obj.document_number or "")


@indexer(ILegalDocument)
def legal_type(obj):
    return obj.document_type or ""


@indexer(ILegalDocument)
def legal_issuer(obj):
    return (obj.issuing_body or "").strip()


@indexer(ILegalDocument)
def legal_field(obj):
    return obj.legal_field or ""


@indexer(ILegalDocument)
def legal_year(obj):
    return obj.issue_date.year if obj.issue_date else None


@indexer(ILegalDocument)
def legal_issued(obj):
    return obj.issue_date


@indexer(ILegalDocument)
def legal_effective(obj):
    return _effective(obj)


@indexer(ILegalDocument)
def legal_expiry(obj):
    return _expiry(obj)


@indexer(ILegalDocument)
def legal_effective_keys(obj):
    return date_keys(_effective(obj))


@indexer(ILegalDocument)
def legal_expiry_keys(obj):
    return date_keys(_expiry(obj))


@indexer(ILegalDocument)
def legal_partly_expired(obj):
    return bool(obj.partly_expired)


@indexer(ILegalDocument)
def legal_status(obj):
    return status_of(obj)


@indexer(ILegalDocument)
def legal_searchable_text(obj):
    """Title, description, number, abstract, type (both languages and its
    abbreviation), issuing body, signer and field."""
    doc_type = BY_TOKEN.get(obj.document_type)
    field_title = title_of(FIELDS, obj.legal_field)
    parts = [
        obj.id,
        obj.title or "",
        obj.description or "",
        obj.document_number or "",
        obj.abstract or "",
        translate(type_title(obj.document_type), target_language="vi"),
        str(type_title(obj.document_type)),
        doc_type.abbreviation if doc_type else "",
        obj.issuing_body or "",
        obj.signer or "",
        translate(field_title, target_language="vi"),
    ]
    parts.extend(safe_text(s) for s in obj.Subject())
    return _unicode_save_string_concat(*parts)
