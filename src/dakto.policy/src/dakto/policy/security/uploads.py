"""Uploads sniffed for their real type (``dakto.policy.filetypes``).

- In the forms: a z3c.form validator on every file and image field puts the
  message at the field.
- Over plone.restapi (which skips field validators): a subscriber on content
  added or modified in an API request checks every file field of the item and
  raises BadRequest (400 with the message); the transaction is aborted, so
  nothing is stored. Content written by Python code (demo, imports) is not
  checked here.
"""

from plone.dexterity.utils import iterSchemata
from plone.formwidget.namedfile.validator import NamedFileWidgetValidator
from plone.namedfile.interfaces import INamedBlobFileField
from plone.namedfile.interfaces import INamedBlobImageField
from plone.namedfile.interfaces import INamedField
from plone.namedfile.interfaces import INamedFile
from plone.namedfile.interfaces import INamedFileField
from plone.namedfile.interfaces import INamedImageField
from plone.rest.interfaces import IAPIRequest
from z3c.form import validator
from zExceptions import BadRequest
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.schema import getFieldsInOrder

from dakto.policy.filetypes import mismatch
from dakto.policy.validation import MessageError


class DisguisedFile(MessageError):
    """The content of an upload is not what its name or type says."""


def file_error(value):
    if not INamedFile.providedBy(value):
        return None
    return mismatch(getattr(value, "filename", None), getattr(value, "contentType", None), value)


class FileTypeValidator(NamedFileWidgetValidator):
    def validate(self, value, force=False):
        super().validate(value, force)
        message = file_error(value)
        if message is not None:
            raise DisguisedFile(message)


# One validator per kind of file field: more specific than plone.formwidget.
# namedfile's own (registered for INamedField), less specific than a
# validator another feature registers for one field of its schema.
FIELD_VALIDATORS = []
for _field_kind in (INamedFileField, INamedImageField, INamedBlobFileField, INamedBlobImageField):
    _validator = type(f"FileTypeValidator_{_field_kind.__name__}", (FileTypeValidator,), {})
    validator.WidgetValidatorDiscriminators(_validator, field=_field_kind)
    FIELD_VALIDATORS.append(_validator)
globals().update({v.__name__: v for v in FIELD_VALIDATORS})


def check_api_upload(obj, event):
    request = getRequest()
    if request is None or not IAPIRequest.providedBy(request):
        return
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            if not INamedField.providedBy(field):
                continue
            adapted = schema(obj, None)
            value = getattr(adapted, name, None) if adapted is not None else None
            message = file_error(value)
            if message is not None:
                raise BadRequest(f"{name}: {translate(message, context=request)}")
