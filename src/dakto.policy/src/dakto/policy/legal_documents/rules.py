"""Rules over several fields of a legal document, shown at their field.

The add and edit forms show each message at its field (field validators that
read the other fields of the same form, across its fieldsets); over REST the
invariants' errors are named by their field, and the uniqueness of the
number (which needs the catalog and the item) is checked too (see
``dakto.policy.validation``).
"""

from plone.formwidget.namedfile.validator import NamedFileWidgetValidator
from z3c.form import validator
from z3c.form.interfaces import NOT_CHANGED
from zope.interface import Invalid

from dakto.policy import filetypes
from dakto.policy.legal_documents.content import DatesOutOfOrder
from dakto.policy.legal_documents.content import ILegalDocument
from dakto.policy.legal_documents.content import NoOpenFormat
from dakto.policy.legal_documents.content import NumberDoesNotFitType
from dakto.policy.legal_documents.content import dates_error
from dakto.policy.legal_documents.content import duplicate_error
from dakto.policy.legal_documents.content import number_error
from dakto.policy.validation import FieldNamingInvariantsValidator
from dakto.policy.validation import FormFieldValidator
from dakto.policy.validation import for_schema


def _editing(context):
    """The item when editing it; None when adding (the context is the folder)."""
    return context if ILegalDocument.providedBy(context) else None


class LegalDocumentInvariantsValidator(FieldNamingInvariantsValidator):
    errors_by_field = {
        NumberDoesNotFitType: "document_number",
        DatesOutOfOrder: "valid_until",
        NoOpenFormat: "file",
    }

    def extra_errors(self, data, values):
        number = getattr(values, "document_number", None)
        issue_date = getattr(values, "issue_date", None)
        message = duplicate_error(number, issue_date, _editing(self.context))
        if message:
            yield "document_number", message


for_schema(LegalDocumentInvariantsValidator, ILegalDocument)


class LegalDocumentFieldValidator(FormFieldValidator):
    """Reads the other fields in the whole form, whichever fieldset holds them."""

    schema = ILegalDocument


class DocumentNumberValidator(LegalDocumentFieldValidator):
    def validate(self, value):
        super().validate(value)
        if not self.in_form or not value:
            return
        issue_date = self.form_value("issue_date")
        message = number_error(value, self.form_value("document_type"), issue_date)
        message = message or duplicate_error(value, issue_date, _editing(self.context))
        if message:
            raise Invalid(message)


class ValidUntilValidator(LegalDocumentFieldValidator):
    def validate(self, value):
        super().validate(value)
        if self.in_form:
            message = dates_error(
                self.form_value("issue_date"), self.form_value("valid_from"), value
            )
            if message:
                raise Invalid(message)


class DocumentFileValidator(LegalDocumentFieldValidator, NamedFileWidgetValidator):
    def validate(self, value, force=False):
        super().validate(value, force)
        if self.in_form:
            if value is NOT_CHANGED:  # left unchanged in the edit form: the stored file
                value = self._stored("file")
            message = filetypes.missing_open_copy([value, self.form_file("other_file")])
            if message:
                raise Invalid(message)


validator.WidgetValidatorDiscriminators(
    DocumentNumberValidator, field=ILegalDocument["document_number"]
)
validator.WidgetValidatorDiscriminators(ValidUntilValidator, field=ILegalDocument["valid_until"])
validator.WidgetValidatorDiscriminators(DocumentFileValidator, field=ILegalDocument["file"])
