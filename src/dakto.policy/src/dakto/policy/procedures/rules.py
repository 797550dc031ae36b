"""Rules over several fields of a procedure, shown at their field.

The add and edit forms show each message at its field (field validators that
read the other fields of the same form, across its fieldsets); the REST API
answers 400 with messages that start with the field's name (see
``dakto.policy.validation``). The schema's invariants hold the same rules for
everything else (``IProcedure.validateInvariants``).
"""

from z3c.form import validator
from zope.interface import Invalid

from dakto.policy.procedures.content import IProcedure
from dakto.policy.procedures.content import OnlineServiceNeedsLink
from dakto.policy.procedures.content import OnlineWayNeedsOnlineService
from dakto.policy.procedures.content import link_error
from dakto.policy.procedures.content import way_error
from dakto.policy.validation import FieldNamingInvariantsValidator
from dakto.policy.validation import FormFieldValidator
from dakto.policy.validation import for_schema


class ProcedureInvariantsValidator(FieldNamingInvariantsValidator):
    errors_by_field = {
        OnlineServiceNeedsLink: "service_url",
        OnlineWayNeedsOnlineService: "submission_ways",
    }


for_schema(ProcedureInvariantsValidator, IProcedure)


class ProcedureFieldValidator(FormFieldValidator):
    """Reads the other fields in the whole form, whichever fieldset holds them."""

    schema = IProcedure


class ServiceURLValidator(ProcedureFieldValidator):
    def validate(self, value):
        super().validate(value)
        if self.in_form:
            message = link_error(self.form_value("service_level"), value)
            if message:
                raise Invalid(message)


class SubmissionWaysValidator(ProcedureFieldValidator):
    def validate(self, value):
        super().validate(value)
        if self.in_form:
            message = way_error(self.form_value("service_level"), value)
            if message:
                raise Invalid(message)


validator.WidgetValidatorDiscriminators(ServiceURLValidator, field=IProcedure["service_url"])
validator.WidgetValidatorDiscriminators(
    SubmissionWaysValidator, field=IProcedure["submission_ways"]
)
