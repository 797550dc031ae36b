from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.z3cform import layout
from zope.component import adapter
from zope.interface import Interface

from dakto.policy import _
from dakto.policy.feedback.interfaces import CONFIGLET_ID
from dakto.policy.feedback.interfaces import REGISTRY_PREFIX
from dakto.policy.feedback.interfaces import IFeedbackSettings
from dakto.policy.interfaces import IDaktoPolicyLayer


class FeedbackControlPanelForm(RegistryEditForm):
    schema = IFeedbackSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Feedback and petitions")
    description = _("The public feedback form and the deadline of each step.")


FeedbackControlPanelView = layout.wrap_form(FeedbackControlPanelForm, ControlPanelFormWrapper)


@adapter(Interface, IDaktoPolicyLayer)
class FeedbackControlpanel(RegistryConfigletPanel):
    schema = IFeedbackSettings
    schema_prefix = REGISTRY_PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "plone-general"
