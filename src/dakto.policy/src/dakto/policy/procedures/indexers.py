"""Catalog values of a procedure: code, field, level, service level, full text."""

from plone.app.contenttypes.indexers import _unicode_save_string_concat
from plone.base.utils import safe_text
from plone.indexer import indexer
from Products.CMFCore.utils import getToolByName
from zope.i18n import translate

from dakto.policy.procedures.content import IProcedure
from dakto.policy.procedures.vocabularies import FIELDS
from dakto.policy.vocabularies import title_of


@indexer(IProcedure)
def procedure_code_indexer(obj):
    return obj.procedure_code or ""


@indexer(IProcedure)
def procedure_field_indexer(obj):
    return obj.procedure_field or ""


@indexer(IProcedure)
def procedure_level_indexer(obj):
    return tuple(obj.procedure_level or ())


@indexer(IProcedure)
def service_level_indexer(obj):
    return obj.service_level or ""


def _plain(obj, value):
    if value is None:
        return ""
    raw = safe_text(value.raw or "")
    transforms = getToolByName(obj, "portal_transforms")
    data = transforms.convertTo("text/plain", raw, mimetype=value.mimeType or "text/html")
    return data.getData().strip() if data else raw


@indexer(IProcedure)
def procedure_searchable_text(obj):
    """Name, code, summary, field (both languages), body, applicants, result,
    requirements, steps and the names of the dossier components."""
    field_title = title_of(FIELDS, obj.procedure_field)
    parts = [
        obj.id,
        obj.title or "",
        obj.description or "",
        obj.procedure_code or "",
        translate(field_title, target_language="vi"),
        str(field_title),
        obj.implementing_body or "",
        obj.applicants or "",
        obj.result or "",
        obj.requirements or "",
        _plain(obj, obj.steps),
    ]
    parts.extend(c.get("name", "") for c in (obj.dossier_components or []) if isinstance(c, dict))
    parts.extend(safe_text(s) for s in obj.Subject())
    return _unicode_save_string_concat(*parts)
