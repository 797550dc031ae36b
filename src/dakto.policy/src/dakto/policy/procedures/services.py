"""REST service ``@procedures``: the procedure lookup as JSON.

``GET <section>/@procedures?SearchableText=…&procedure_field=…&procedure_level=…
&service_level=…&b_start=…&b_size=…`` — the same filters as the lookup page;
an unknown filter value answers 400 with the name and the accepted values.
"""

from plone.restapi.services import Service
from zope.i18n import translate

from dakto.policy.lookup_service import batched_answer
from dakto.policy.lookup_service import brain_summary
from dakto.policy.lookup_service import refuse_unknown_filter
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
        refuse_unknown_filter(self.request, unknown, lambda name: dict(lookup.FILTERS[name]))
        brains = lookup.search(self.context, filters)
        return batched_answer(self.request, brains, filters, self.item)

    def item(self, brain):
        return brain_summary(brain) | {
            "procedure_code": brain.procedure_code,
            "procedure_field": self._term(FIELDS, brain.procedure_field),
            "procedure_level": [self._term(LEVELS, token) for token in brain.procedure_level or ()],
            "service_level": self._term(SERVICE_LEVELS, brain.service_level),
        }
