"""Store every text field of every content item in NFC (TCVN 6909:2001)."""

from plone.app.textfield import RichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from zope import schema
from zope.schema import getFieldsInOrder

from dakto.policy.text import nfc


TEXT_FIELDS = (schema.TextLine, schema.Text, RichText)
COLLECTIONS = (schema.List, schema.Tuple, schema.Set, schema.FrozenSet)


def _is_text_field(field):
    if isinstance(field, TEXT_FIELDS):
        return True
    return isinstance(field, COLLECTIONS) and isinstance(
        field.value_type, (schema.TextLine, schema.Text)
    )


def _normalised(value):
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, RichTextValue):
        raw = nfc(value.raw)
        if raw != value.raw:
            return RichTextValue(raw, value.mimeType, value.outputMimeType, value.encoding)
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [nfc(item) for item in value]
        return type(value)(items)
    return value


def normalise_text_fields(obj, event=None):
    """Rewrite every text value of ``obj`` that is not NFC; return the names."""
    changed = []
    for schema_ in iterSchemata(obj):
        fields = [
            (name, field)
            for name, field in getFieldsInOrder(schema_)
            if _is_text_field(field) and not field.readonly
        ]
        if not fields:
            continue
        adapted = schema_(obj, None)
        if adapted is None:
            continue
        for name, _field in fields:
            value = getattr(adapted, name, None)
            if value is None:
                continue
            new = _normalised(value)
            if new != value or (isinstance(value, RichTextValue) and new is not value):
                setattr(adapted, name, new)
                changed.append(name)
    return changed
