"""An EasyForm over REST (``GET <form>`` with ``Accept: application/json``).

collective.easyform's serializer asks ``plone.api.user.has_permission`` about
its permission's *id* (``collective.easyform.DownloadSavedInput``) where
plone.api wants the title: every GET answered 500 ``InvalidParameterError``
listing every permission of the site. And the plain content serialization it
extends hands anyone the form's models: ``actions_model`` (the mailer's
recipients, scripts), ``fields_model`` (TALES defaults, validators) and the
override expressions.

Here:

- whoever may edit the form gets the content as plone.restapi serializes it
  (the models included: that is what an editing client reads and writes back),
  plus the saved data when they may download it (easyform's own code, asked
  with the permission's title);
- everyone else gets the content without the form's settings except
  ``PUBLIC_SETTINGS``;
- both get ``form``: the fields a visitor fills in, as the form's page shows
  them (server-side and disabled fields left out, the consent tick box the
  portal adds when the form has none): name, type, title, description,
  required, the length limits, the choices.
"""

from collective.easyform.api import get_expression
from collective.easyform.api import get_schema
from collective.easyform.interfaces import IEasyForm
from collective.easyform.interfaces import IFieldExtender
from collective.easyform.interfaces import ILabel
from collective.easyform.serializer import SerializeToJson as EasyFormSerializeToJson
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from Products.CMFEditions.interfaces.IArchivist import ArchivistError
from Products.CMFEditions.interfaces.IRepository import RepositoryError
from zExceptions import BadRequest
from zope.component import adapter
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import implementer
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IVocabularyTokenized

from dakto.policy import _
from dakto.policy.hardening import refusal
from dakto.policy.interfaces import IDaktoPolicyLayer
from dakto.policy.personal_data import consent as consent_module
from dakto.policy.personal_data.vocabularies import FORM_SUBMISSION


EDIT_PERMISSION = "Modify portal content"
DOWNLOAD_SAVED_PERMISSION = "collective.easyform: Download Saved Input"
# The settings of IEasyForm a visitor's client needs; the rest (models,
# overrides, thanks-page and technical settings) is for editors.
PUBLIC_SETTINGS = ("submitLabel", "useCancelButton", "resetLabel")
CONSENT = "consent"


def _text(value, request):
    if value is None:
        return None
    return translate(value, context=request) if isinstance(value, Message) else str(value)


def _choices(field, request):
    vocabulary = getattr(field, "vocabulary", None)
    if not IVocabularyTokenized.providedBy(vocabulary):
        return None  # a named (dynamic) vocabulary: not listed
    return [
        {"token": term.token, "title": _text(term.title, request) or str(term.value)}
        for term in vocabulary
    ]


def describe(name, field, request):
    """One field as a client needs it to render and fill the form."""
    entry = {
        "name": name,
        "type": type(field).__name__,
        "title": _text(field.title, request),
        "description": _text(field.description, request) or "",
        "required": bool(field.required),
    }
    for limit in ("min_length", "max_length", "min", "max"):
        value = getattr(field, limit, None)
        if isinstance(value, int) and not isinstance(value, bool) and value:
            entry[limit] = value
    choices = _choices(field, request)
    if choices is None and ICollection.providedBy(field):
        choices = _choices(field.value_type, request)
        if choices is not None:
            entry["multiple"] = True
    if choices is not None:
        entry["choices"] = choices
    return entry


def visitor_fields(form, request):
    """The fields of ``form``'s page, in order (see the module's docstring)."""
    fields = []
    for name, field in getFieldsInOrder(get_schema(form)):
        extender = IFieldExtender(field)
        if getattr(extender, "serverSide", False) or ILabel.providedBy(field):
            continue
        enabled = getattr(extender, "TEnabled", None)
        if enabled and not get_expression(form, enabled):
            continue
        fields.append(describe(name, field, request))
    if CONSENT not in {f["name"] for f in fields}:
        fields.append(describe(CONSENT, consent_module.consent_field(FORM_SUBMISSION), request))
    return fields


@implementer(ISerializeToJson)
@adapter(IEasyForm, IDaktoPolicyLayer)
class EasyFormToJson(EasyFormSerializeToJson):
    def getVersion(self, version):
        """``?version=``: a version number of the form, else 400 (plone.restapi
        answered 500 for ``abc`` or a version that does not exist)."""
        if version == "current":
            return self.context
        try:
            number = int(version)
            if number < 0:
                raise ValueError(version)
            return super().getVersion(number)
        except (ValueError, ArchivistError, RepositoryError):
            message = _(
                "version: '${value}' is not a version of this item.",
                mapping={"value": str(version)[:50]},
            )
            raise BadRequest(refusal(message, self.request)) from None

    def __call__(self, version=None, include_items=True):
        # plone.restapi's content serialization (easyform's own __call__ is the
        # one with the wrong permission name).
        result = super(EasyFormSerializeToJson, self).__call__(version, include_items)
        form = self.context
        if api.user.has_permission(EDIT_PERMISSION, obj=form):
            if api.user.has_permission(DOWNLOAD_SAVED_PERMISSION, obj=form):
                self.serializeSavedData(result)
        else:
            for name in IEasyForm.names(all=True):
                if name not in PUBLIC_SETTINGS:
                    result.pop(name, None)
        result["form"] = {"fields": visitor_fields(form, self.request)}
        return result
