"""Source and author: marked required, yet optional for a reader's contribution.

The widget carries ``required`` (Plone's marker at the label, ``aria-required``
for screen readers) but not the HTML ``required`` attribute: the browser
would then refuse to send a reader's contribution without them, with its own
English message. The server decides (news/rules.py), and lists every error
at the top of the form (editing/errors.py).
"""

from plone.app.z3cform.widgets.text import TextWidget
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.interface import implementer


class ConditionallyRequiredTextWidget(TextWidget):
    @property
    def attributes(self):
        attributes = dict(super().attributes)
        if attributes.pop("required", None):
            attributes["aria-required"] = "true"
        return attributes


@implementer(IFieldWidget)
def ConditionallyRequiredFieldWidget(field, request):
    widget = FieldWidget(field, ConditionallyRequiredTextWidget(request))
    widget.required = True
    return widget
