"""Field types of a procedure, each validating with a message an editor can act on.

The validation lives in the fields, so the add/edit forms (z3c.form binds the
field to the form's context) and plone.restapi's POST/PATCH (which binds it
to the item) refuse the same values with the same message.

``StructuredList`` is a ``plone.schema.JSONField`` (a list of JSON objects
checked against a JSON Schema): plain lists and dicts are stored, so they
serialize through plone.restapi as they are, and no persistent value class
has to be registered; its errors name the entry and the key.
"""

import json
import re
from urllib.parse import urlsplit

import jsonschema
from plone.app.uuid.utils import uuidToObject
from plone.schema import JSONField
from plone.schema.jsonfield import IJSONField
from plone.uuid.interfaces import IUUID
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import IWidget
from zope import schema
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IFromUnicode
from zope.schema.interfaces import ValidationError

from dakto.policy import _
from dakto.policy.validation import MessageError


CODE_PATTERN = re.compile(r"^[1-9]\.\d{6}$")
SERVICE_DOMAIN = "gov.vn"


def find_procedures_by_code(code):
    """Catalog brains of every procedure with ``code`` (whatever the user may see)."""
    from plone import api

    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(portal_type="Procedure", procedure_code=code)


class ProcedureCode(schema.TextLine):
    """Mã thủ tục of the national database: one digit, a dot, six digits; unique on the site."""

    def fromUnicode(self, value):
        value = (value or "").strip()
        self.validate(value)
        return value

    def _validate(self, value):
        super()._validate(value)
        if not CODE_PATTERN.match(value):
            raise MessageError(
                _(
                    "'${code}' is not a procedure code of the national database: "
                    "write one digit, a dot and six digits, e.g. 1.001612.",
                    mapping={"code": value},
                ),
                self.__name__,
            )
        context = self.context
        if context is None:
            return
        own = IUUID(context, None)
        for brain in find_procedures_by_code(value):
            if brain.UID == own:
                continue
            other = uuidToObject(brain.UID, unrestricted=True)
            title = brain.Title or (other.Title() if other is not None else "")
            raise MessageError(
                _(
                    "The code ${code} is already used by the procedure '${title}' (${path}): each procedure has its own code.",
                    mapping={"code": value, "title": title, "path": brain.getPath()},
                ),
                self.__name__,
            )


class ServiceURL(schema.URI):
    """The link to the service on the national or provincial public service portal."""

    def _validate(self, value):
        try:
            super()._validate(value)
            parts = urlsplit(value)
            host = (parts.hostname or "").lower()
            ok = parts.scheme == "https" and (
                host == SERVICE_DOMAIN or host.endswith("." + SERVICE_DOMAIN)
            )
        except ValidationError:
            ok = False
        except ValueError:
            ok = False
        if not ok:
            raise MessageError(
                _(
                    "'${url}' is not a link to a public service portal: give an https:// address on a .gov.vn "
                    "site, e.g. https://dichvucong.gov.vn/… or the province's service portal.",
                    mapping={"url": value},
                ),
                self.__name__,
            )


class IStructuredListField(IJSONField):
    """A list of JSON objects checked against a JSON Schema."""


TYPE_NAMES = {
    "string": _("text"),
    "integer": _("a whole number"),
    "object": _("an object {…}"),
    "array": _("a list […]"),
}


@implementer(IStructuredListField, IFromUnicode)
class StructuredList(JSONField):
    """A list of entries, each an object whose keys the JSON Schema ``item`` gives.

    ``unique``: a key whose value may appear in one entry only.
    ``example``: shown in the messages.
    ``labels``: the label (message id) of each key, in the order the row
    editor of the form shows them; ``choices``: for a key with a closed list
    of values, its ``(token, title)`` pairs.
    """

    def __init__(self, item, unique=None, example="", min_items=0, labels=None, choices=None, **kw):
        self.item_schema = item
        self.unique = unique
        self.example = example
        self.min_items = min_items
        self.labels = labels or {}
        self.choices = choices or {}
        array = {"type": "array", "items": item}
        if min_items:
            array["minItems"] = min_items
        super().__init__(schema=json.dumps(array), **kw)

    def _validate(self, value):
        # zope.schema's own checks (required, constraint), then ours
        schema.Field._validate(self, value)
        errors = list(jsonschema.Draft7Validator(self.json_schema).iter_errors(value))
        if errors:
            errors.sort(key=lambda e: (list(e.absolute_path), e.validator))
            raise MessageError(self._message(errors[0], value), self.__name__)
        if self.unique:
            seen = set()
            for index, entry in enumerate(value, start=1):
                key = entry.get(self.unique)
                if key in seen:
                    raise MessageError(
                        _(
                            "Entry ${index}: '${key}' = '${value}' is given twice; each may appear once.",
                            mapping={"index": index, "key": self.unique, "value": key},
                        ),
                        self.__name__,
                    )
                seen.add(key)

    def _message(self, error, value):
        path = list(error.absolute_path)
        if not path:
            if error.validator == "minItems":
                return _(
                    "Give at least one entry, e.g. ${example}", mapping={"example": self.example}
                )
            return _(
                "A list of entries is expected, e.g. ${example}", mapping={"example": self.example}
            )
        index = path[0] + 1 if isinstance(path[0], int) else path[0]
        properties = self.item_schema.get("properties", {})
        allowed = ", ".join(properties)
        if len(path) == 1:
            if error.validator == "required":
                missing = [
                    k
                    for k in self.item_schema.get("required", ())
                    if k not in (value[path[0]] or {})
                ]
                return _(
                    "Entry ${index}: '${key}' is required.",
                    mapping={"index": index, "key": missing[0] if missing else ""},
                )
            if error.validator == "additionalProperties":
                extra = [k for k in value[path[0]] if k not in properties]
                return _(
                    "Entry ${index}: unknown key '${key}'; the keys are: ${allowed}.",
                    mapping={"index": index, "key": extra[0] if extra else "", "allowed": allowed},
                )
            return _(
                "Entry ${index} must be an object with the keys ${allowed}.",
                mapping={"index": index, "allowed": allowed},
            )
        key = path[1]
        spec = properties.get(key, {})
        if error.validator == "enum":
            return _(
                "Entry ${index}: '${key}' = '${value}' is not allowed; choose one of: ${allowed}.",
                mapping={
                    "index": index,
                    "key": key,
                    "value": error.instance,
                    "allowed": ", ".join(spec.get("enum", ())),
                },
            )
        if error.validator == "type":
            return _(
                "Entry ${index}: '${key}' must be ${type}.",
                mapping={
                    "index": index,
                    "key": key,
                    "type": TYPE_NAMES.get(spec.get("type"), spec.get("type")),
                },
            )
        if error.validator in ("minLength", "pattern") and spec.get("type") == "string":
            return _(
                "Entry ${index}: '${key}' is empty or malformed (${value}).",
                mapping={"index": index, "key": key, "value": error.instance},
            )
        if error.validator in ("minimum", "maximum"):
            return _(
                "Entry ${index}: '${key}' must be from ${low} to ${high}.",
                mapping={
                    "index": index,
                    "key": key,
                    "low": spec.get("minimum", 0),
                    "high": spec.get("maximum", "…"),
                },
            )
        return _(
            "Entry ${index}: '${key}': ${reason}",
            mapping={"index": index, "key": key, "reason": error.message},
        )

    def fromUnicode(self, value):
        value = (value or "").strip()
        if not value:
            value = "[]"
        try:
            parsed = json.loads(value)
        except ValueError as error:
            raise MessageError(
                _(
                    "This is not valid JSON (${reason}); write a list of entries, e.g. ${example}",
                    mapping={"reason": str(error), "example": self.example},
                ),
                self.__name__,
            ) from None
        self.validate(parsed)
        return parsed


@implementer(IDataConverter)
@adapter(IStructuredListField, IWidget)
class StructuredListConverter:
    """The form's text area shows readable Vietnamese (no \\u escapes)."""

    def __init__(self, field, widget):
        self.field = field
        self.widget = widget

    def toWidgetValue(self, value):
        if value is self.field.missing_value or value is None:
            return ""
        return json.dumps(value, indent=2, ensure_ascii=False)

    def toFieldValue(self, value):
        if not (value or "").strip():
            if self.field.required:
                return self.field.missing_value
            return []
        return self.field.fromUnicode(value)
