"""Every error of a failed save, at once, at the top of the form (issue 19.7).

Plone marks the tab that holds a wrong field and writes the message next to
the field; on a form with tabs the editor does not see it. This viewlet lists
every field's error above the form, each with a link to its field.
"""

from plone.app.layout.viewlets.common import ViewletBase
from z3c.form.interfaces import IForm
from zope.i18n import translate


def form_of(view):
    """The z3c.form form of a page (Plone's add and edit views wrap it)."""
    form = getattr(view, "form_instance", view)
    return form if IForm.providedBy(form) else None


def field_errors(form):
    """(label, message, widget id) of each field error, in the form's order,
    the fields of every tab (group) included."""
    widget_managers = [getattr(form, "widgets", None)]
    widget_managers += [getattr(group, "widgets", None) for group in getattr(form, "groups", ())]
    found = []
    for widgets in widget_managers:
        for error in getattr(widgets, "errors", None) or ():
            widget = getattr(error, "widget", None)
            if widget is None:
                continue  # the form's own errors: Plone lists them already
            found.append((widget.label, error.message, widget.id))
    return found


class FormErrorsViewlet(ViewletBase):
    def update(self):
        super().update()
        form = form_of(self.view)
        self.errors = [
            {
                "label": translate(label, context=self.request),
                "message": translate(message, context=self.request),
                "href": f"#{widget_id}",
            }
            for label, message, widget_id in (field_errors(form) if form is not None else ())
        ]

    def available(self):
        return bool(self.errors)
