"""The row editor of a ``StructuredList`` field in the add and edit forms.

The field is a JSON text area; that stays the one thing the server reads, so
the form works without scripts and REST is unchanged. This widget wraps it
with what ``static/structured-list.js`` needs to show one group of labelled
fields per entry (a select for a closed list, a number field for a count, a
text field otherwise), buttons to add and remove entries, and a switch back
to the JSON text: the keys, labels and choices of the field, translated.
"""

import json
from html import escape

from plone import api
from z3c.form.browser.textarea import TextAreaWidget
from z3c.form.interfaces import INPUT_MODE
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.procedures.fields import IStructuredListField


SCRIPT = "++resource++dakto.procedures/structured-list.js"

# Shown by the script; "{index}" is the number of the entry.
TEXTS = {
    "entry": _("Entry ${index}", mapping={"index": "{index}"}),
    "add": _("Add an entry"),
    "remove": _("Remove entry ${index}", mapping={"index": "{index}"}),
    "none": _("No entry yet."),
    "choose": _("Choose…"),
    "as_json": _("Edit as JSON text"),
    "as_rows": _("Edit entry by entry"),
    "invalid": _(
        "The JSON text cannot be shown entry by entry: correct it here, or empty it to start again."
    ),
}


def _kind(spec):
    if "enum" in spec:
        return "select"
    if spec.get("type") == "integer":
        return "number"
    return "text"


class StructuredListWidget(TextAreaWidget):
    """The JSON text area, with the description of its entries for the script."""

    rows = 8

    def _(self, message):
        return translate(message, context=self.request)

    def editor(self):
        field = self.field
        item = field.item_schema
        properties = item.get("properties", {})
        required = set(item.get("required", ()))
        keys = [k for k in field.labels if k in properties]
        keys += [k for k in properties if k not in keys]
        columns = []
        for key in keys:
            spec = properties[key]
            column = {
                "key": key,
                "label": self._(field.labels.get(key, key)),
                "type": _kind(spec),
                "required": key in required,
            }
            if column["type"] == "select":
                titles = dict(field.choices.get(key, ()))
                column["options"] = [
                    [token, self._(titles.get(token, token))] for token in spec["enum"]
                ]
            if column["type"] == "number":
                column["min"] = spec.get("minimum")
                column["max"] = spec.get("maximum")
            columns.append(column)
        return {
            "title": self._(field.title),
            "columns": columns,
            "text": {name: self._(message) for name, message in TEXTS.items()},
        }

    def render(self):
        html = super().render()
        if self.mode != INPUT_MODE:
            return html
        editor = escape(json.dumps(self.editor(), ensure_ascii=False))
        script = f"{api.portal.get().absolute_url()}/{SCRIPT}"
        return (
            f'<div class="dakto-rows" data-dakto-rows="{editor}">{html}</div>'
            f'<script src="{escape(script)}" defer></script>'
        )


@adapter(IStructuredListField, IFormLayer)
@implementer(IFieldWidget)
def StructuredListFieldWidget(field, request):
    return FieldWidget(field, StructuredListWidget(request))
