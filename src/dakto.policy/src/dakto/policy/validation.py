"""Rules that involve several fields, shown where people read them.

A rule over several fields is an ``@invariant`` of its schema. z3c.form shows
an invariant's message at the top of the form, and plone.restapi (which runs
the schema's manager validator, not the field validators) returns it without
the field's name. So each such rule also has:

- a field validator (``FormFieldValidator``) that puts the message at the
  field in the add and edit forms, reading the other fields of the same form;
- a manager validator (``FieldNamingInvariantsValidator``) that, over REST,
  replaces the invariant's error by ``"<field>: <message>"`` and, in the
  forms, drops it (the field already shows it).
"""

from dataclasses import dataclass

from plone.formwidget.namedfile.utils import is_file_upload
from plone.namedfile.interfaces import INamed
from z3c.form import util
from z3c.form import validator
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IDataConverter
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema.interfaces import ValidationError

from dakto.policy import _
from dakto.policy.text import plain


class MessageError(ValidationError):
    """A field's validation error whose message is given when it is raised."""

    __doc__ = _("The value is not valid.")

    def __init__(self, message, name=None):
        super().__init__(message, name)
        self.message = message

    def doc(self):
        return self.message

    def __str__(self):
        return str(self.message)


def blank(value):
    """No text at all, or only spaces."""
    return not (value or "").strip()


def field_error(name, message, request):
    """An error for plone.restapi's 400 answer that names its field."""
    return Invalid(f"{name}: {translate(message, context=request)}")


class FormFieldValidator(validator.SimpleFieldValidator):
    """A field validator that may look at the other fields of its form.

    ``self.view`` is the form (or the form's fieldset group) in the UI, and
    None when plone.restapi validates: then ``in_form`` is False.
    """

    schema = None  # the schema whose stored values are the fallback

    @property
    def in_form(self):
        return self.view is not None

    def _widget(self, name):
        """The widget of field ``name``, whichever fieldset (group) holds it."""
        view = self.view
        parent = getattr(view, "parentForm", None) or view
        for form in [parent] + list(getattr(parent, "groups", None) or ()):
            for widget in (getattr(form, "widgets", None) or {}).values():
                field = getattr(widget, "field", None)
                if field is not None and field.__name__ == name:
                    return widget
        return None

    def _stored(self, name):
        if self.schema is not None and self.schema.providedBy(self.context):
            return getattr(self.context, name, None)
        return None

    def form_value(self, name):
        """The value of field ``name`` as submitted in this form, else as stored.

        Not for file fields: ``form_file``.
        """
        widget = self._widget(name)
        if widget is None:
            return self._stored(name)
        field = widget.field
        raw = widget.extract()
        if raw is NO_VALUE:
            return field.missing_value
        try:
            return IDataConverter(widget).toFieldValue(raw)
        except (ValueError, Invalid):
            return field.missing_value

    def form_file(self, name):
        """The file that field ``name`` will hold once this form is saved
        (None if none): a new upload as a ``SubmittedFile``, else the stored
        file or the one uploaded before a validation error.

        Read from the widget's value (what it took from the request or the
        content when it was updated), never by extracting it again: that
        would read a file uploaded before a validation error out of
        plone.formwidget.namedfile's temporary storage a second time.
        """
        widget = self._widget(name)
        if widget is None:
            return self._stored(name)
        value = widget.value
        if is_file_upload(value):
            if not value.filename:
                return None
            value.seek(0)
            try:
                return SubmittedFile(value.filename, value.read())
            finally:
                value.seek(0)
        return value if INamed.providedBy(value) else None


@dataclass(frozen=True)
class SubmittedFile:
    """A file of a form being saved, read without taking it from the form."""

    filename: str
    data: bytes


def for_schema(validator_class, schema):
    """Make ``validator_class`` the invariants (manager) validator of ``schema``.

    The schema itself is the discriminator, so z3c.form must "force" it into
    a specification that the schema object provides; without ``force`` the
    adapter never matches and the default validator runs instead.
    """
    validator.WidgetsValidatorDiscriminators(
        validator_class, schema=util.getSpecification(schema, force=True)
    )
    return validator_class


class FieldNamingInvariantsValidator(validator.InvariantsValidator):
    """The schema's invariants; ``errors_by_field`` maps invariant errors to fields.

    Subclasses set ``errors_by_field`` ({Invalid subclass: field name}) and may
    extend ``extra_errors(values)`` with rules that need the context.
    """

    errors_by_field = {}

    def validate(self, data):
        errors = []
        for error in super().validate(data):
            name = self.errors_by_field.get(type(error))
            if name is None:
                errors.append(error)
            elif self.view is None:
                errors.append(
                    field_error(name, error.args[0] if error.args else error.__doc__, self.request)
                )
        if self.view is None:
            values = validator.Data(self.schema, data, self.context)
            errors.extend(
                field_error(name, message, self.request)
                for name, message in self.extra_errors(data, values)
            )
        return tuple(errors)

    def extra_errors(self, data, values):
        """``(field name, message)`` pairs for REST only (forms use field validators)."""
        return ()


def citizen_text(value, label, max_length, required=False, single_line=False):
    """A text a citizen sent in a public form or REST body, cleaned
    (``text.plain``): ``(text, None)``, ``(None, None)`` when empty and not
    required, or ``(None, message)`` naming the field ``label``."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        return None, _("${field}: enter text.", mapping={"field": label})
    value = plain(value, single_line)
    if not value:
        return None, (_("${field} is required.", mapping={"field": label}) if required else None)
    if len(value) > max_length:
        return None, _(
            "${field}: at most ${max} characters (you sent ${count}).",
            mapping={"field": label, "max": max_length, "count": len(value)},
        )
    return value, None
