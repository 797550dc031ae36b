"""REST service ``@procedures``: the procedure lookup as JSON.

``GET <section>/@procedures?SearchableText=…&procedure_field=…&procedure_level=…
&service_level=…&b_start=…&b_size=…`` — the same filters as the lookup page;
an unknown filter value answers 400 with the name and the accepted values.
Each item is the procedure's summary (``serializers.py``).
"""

from dakto.policy.lookup_service import LookupService
from dakto.policy.procedures import lookup


class ProceduresGet(LookupService):
    lookup = lookup
