"""Rules over several fields of a procedure, shown at their field.

The add and edit forms show each message at its field (field validators that
read the other fields of the same form, across its fieldsets); the REST API
answers 400 with messages that start with the field's name (see
``dakto.policy.validation``). The schema's invariants hold the same rules for
everything else (``IProcedure.validateInvariants``).
"""

from z3c.form import util
from z3c.form import validator
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IDataConverter
from zope.interface import Invalid

from dakto.policy.procedures.content import IProcedure
from dakto.policy.procedures.content import OnlineServiceNeedsLink
from dakto.policy.procedures.content import OnlineWayNeedsOnlineService
from dakto.policy.procedures.content import link_error
from dakto.policy.procedures.content import way_error
from dakto.policy.validation import FieldNamingInvariantsValidator
from dakto.policy.validation import FormFieldValidator


class ProcedureInvariantsValidator(FieldNamingInvariantsValidator):
    errors_by_field = {
        OnlineServiceNeedsLink: "service_url",
        OnlineWayNeedsOnlineService: "submission_ways",
    }


validator.WidgetsValidatorDiscriminators(
    ProcedureInvariantsValidator, schema=util.getSpecification(IProcedure, force=True)
)


class ProcedureFieldValidator(FormFieldValidator):
    """Reads the other fields in the whole form, whichever fieldset holds them."""

    schema = IProcedure

    def form_value(self, name):
        view = self.view
        parent = getattr(view, "parentForm", None) or view
        for form in [parent] + list(getattr(parent, "groups", None) or ()):
            for widget in (getattr(form, "widgets", None) or {}).values():
                field = getattr(widget, "field", None)
                if field is None or field.__name__ != name:
                    continue
                raw = widget.extract()
                if raw is NO_VALUE:
                    return field.missing_value
                try:
                    return IDataConverter(widget).toFieldValue(raw)
                except (ValueError, Invalid):
                    return field.missing_value
        return super().form_value(name)


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
