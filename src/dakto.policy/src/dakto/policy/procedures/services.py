"""REST service ``@procedures``: the procedure lookup as JSON.

``GET <section>/@procedures?SearchableText=…&procedure_field=…&procedure_level=…
&service_level=…&b_start=…&b_size=…`` — the same filters as the lookup page;
an unknown filter value answers 400 with the name and the accepted values.
"""

from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.procedures import lookup
from dakto.policy.procedures.vocabularies import FIELDS
from dakto.policy.procedures.vocabularies import LEVELS
from dakto.policy.procedures.vocabularies import SERVICE_LEVELS
from dakto.policy.procedures.vocabularies import title_of


class ProceduresGet(Service):
    def _term(self, pairs, token):
        if not token:
            return None
        return {"token": token, "title": translate(title_of(pairs, token), context=self.request)}

    def reply(self):
        filters, unknown = lookup.read_filters(self.request.form)
        if unknown:
            name, value = sorted(unknown.items())[0]
            message = _(
                "Unknown value '${value}' for ${name}; accepted: ${allowed}.",
                mapping={
                    "value": value,
                    "name": name,
                    "allowed": ", ".join(dict(lookup.FILTERS[name])),
                },
            )
            raise BadRequest(translate(message, context=self.request))
        brains = lookup.search(self.context, filters)
        batch = HypermediaBatch(self.request, brains)
        result = {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "filters": filters,
            "items": [self.item(brain) for brain in batch],
        }
        if batch.links:
            result["batching"] = batch.links
        return result

    def item(self, brain):
        return {
            "@id": brain.getURL(),
            "@type": brain.portal_type,
            "UID": brain.UID,
            "title": brain.Title,
            "description": brain.Description,
            "review_state": brain.review_state,
            "procedure_code": brain.procedure_code,
            "procedure_field": self._term(FIELDS, brain.procedure_field),
            "procedure_level": [self._term(LEVELS, token) for token in brain.procedure_level or ()],
            "service_level": self._term(SERVICE_LEVELS, brain.service_level),
        }
