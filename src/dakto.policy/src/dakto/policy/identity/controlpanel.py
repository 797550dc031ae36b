from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.z3cform import layout
from zope.component import adapter
from zope.interface import Interface

from dakto.policy import _
from dakto.policy.identity.interfaces import CONFIGLET_ID
from dakto.policy.identity.interfaces import REGISTRY_PREFIX
from dakto.policy.identity.interfaces import ISiteIdentity
from dakto.policy.interfaces import IDaktoPolicyLayer


class IdentityControlPanelForm(RegistryEditForm):
    schema = ISiteIdentity
    schema_prefix = REGISTRY_PREFIX
    label = _("Site identity")
    description = _(
        "The body that runs this portal. Every page that shows the body's or "
        "the town's name reads it from here."
    )


IdentityControlPanelView = layout.wrap_form(IdentityControlPanelForm, ControlPanelFormWrapper)


@adapter(Interface, IDaktoPolicyLayer)
class IdentityControlpanel(RegistryConfigletPanel):
    """The same settings for plone.restapi's @controlpanels endpoint."""

    schema = ISiteIdentity
    schema_prefix = REGISTRY_PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "plone-general"
