"""restapi summaries that carry each custom type's computed fields.

plone.restapi shapes an item of ``@search``, a folder's ``items`` and every
listing with the ``ISerializeToJsonSummary`` adapter, from catalog brains
(or objects). Its default knows only catalog metadata; a feature adds what
its type computes (a legal document's validity status and type title, a
procedure's level titles...) by registering a named ``ISummaryFields``
utility, named after its portal type, in its own ZCML::

    <utility name="LegalDocument" component=".serializers.summary_fields"
             provides="dakto.policy.serializers.ISummaryFields" />

The lookups (``lookup_service``) answer with these summaries too, so a
client reads the same keys from ``@search`` and from ``@legal-documents``.
"""

from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.summary import DefaultJSONSummarySerializer
from Products.ZCatalog.interfaces import ICatalogBrain
from zope.component import adapter
from zope.component import queryUtility
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer

from dakto.policy.interfaces import IDaktoPolicyLayer
from dakto.policy.vocabularies import title_of


class ISummaryFields(Interface):
    """The computed fields of one portal type's items in restapi summaries
    (a named utility; the name is the portal type)."""

    def __call__(item, request):
        """{key: JSON-compatible value} for ``item`` (a catalog brain or the object)."""


@implementer(ISerializeToJsonSummary)
@adapter(Interface, IDaktoPolicyLayer)
class SummarySerializer(DefaultJSONSummarySerializer):
    """plone.restapi's summary, and the computed fields of the item's type."""

    def __call__(self):
        summary = super().__call__()
        fields = queryUtility(ISummaryFields, name=getattr(self.context, "portal_type", "") or "")
        if fields is not None:
            summary.update(json_compatible(fields(self.context, self.request)))
        return summary


def is_brain(item):
    return ICatalogBrain.providedBy(item)


def term(items, token, request):
    """``{"token", "title"}`` of ``token`` in a closed list, title translated; None if empty."""
    if not token:
        return None
    return {"token": token, "title": translate(title_of(items, token), context=request)}
