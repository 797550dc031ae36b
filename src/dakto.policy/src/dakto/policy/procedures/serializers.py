"""A procedure's computed fields in restapi summaries (``@search``, listings,
``@procedures``): its code, and its field, levels and online-service level
with their titles."""

from dakto.policy.procedures.vocabularies import FIELDS
from dakto.policy.procedures.vocabularies import LEVELS
from dakto.policy.procedures.vocabularies import SERVICE_LEVELS
from dakto.policy.serializers import term


def summary_fields(item, request):
    """The fields of ``item`` (a brain: its catalog metadata, or the procedure)."""
    return {
        "procedure_code": item.procedure_code,
        "procedure_field": term(FIELDS, item.procedure_field, request),
        "procedure_level": [term(LEVELS, token, request) for token in item.procedure_level or ()],
        "service_level": term(SERVICE_LEVELS, item.service_level, request),
    }
