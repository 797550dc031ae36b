"""A copy does not keep what must be unique.

A procedure's code (mã thủ tục) and a legal document's number are checked
for uniqueness by the add and edit forms and the REST API; copy and paste
(of the item or of a folder holding it) goes through neither. The copy —
a new draft, since the workflow starts it over — gets the field emptied,
and the editor who pasted is told to fill it in.

Which field must be unique is declared by the schema itself, a tagged value
(``schema.setTaggedValue(interfaces.UNIQUE_FIELD, "field")``, next to it).
"""

from plone.dexterity.interfaces import IDexterityContent
from Products.statusmessages.interfaces import IStatusMessage
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import providedBy
from zope.lifecycleevent.interfaces import IObjectCopiedEvent

from dakto.policy import _
from dakto.policy.interfaces import UNIQUE_FIELD


def unique_fields(obj):
    """``[(schema, field name)]`` of the schemas of ``obj`` that declare one."""
    found = []
    for schema in providedBy(obj).flattened():
        name = schema.queryDirectTaggedValue(UNIQUE_FIELD)
        if name:
            found.append((schema, name))
    return found


@adapter(IDexterityContent, IObjectCopiedEvent)
def clear_unique_identifier(obj, event):
    for schema, name in unique_fields(obj):
        value = getattr(obj, name, None)
        if not value:
            continue
        setattr(obj, name, None)
        request = getRequest()
        if request is None:
            return
        label = schema[name].title
        message = _(
            "The copy '${title}' does not keep the ${field} ${value}, which belongs to the "
            "original: enter its own before publishing it.",
            mapping={"title": obj.Title(), "field": label, "value": value},
        )
        try:
            IStatusMessage(request).add(translate(message, context=request), type="warning")
        except TypeError:  # a request without status messages (a script)
            pass
        return
