from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.z3cform import layout
from zope.component import adapter
from zope.interface import Interface

from dakto.policy import _
from dakto.policy.editorial_board.deadlines import REGISTRY_PREFIX
from dakto.policy.editorial_board.interfaces import CONFIGLET_ID
from dakto.policy.editorial_board.interfaces import IEditorialBoardSettings
from dakto.policy.interfaces import IDaktoPolicyLayer


class EditorialBoardControlPanelForm(RegistryEditForm):
    schema = IEditorialBoardSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Editorial board")
    description = _(
        "Deadlines and quota of the editorial board (Article 8.1 of the regulation; "
        "NĐ 43/2011 Art. 17) and the public holidays that deadlines skip."
    )


EditorialBoardControlPanelView = layout.wrap_form(
    EditorialBoardControlPanelForm, ControlPanelFormWrapper
)


@adapter(Interface, IDaktoPolicyLayer)
class EditorialBoardControlpanel(RegistryConfigletPanel):
    """The same settings for plone.restapi's @controlpanels endpoint."""

    schema = IEditorialBoardSettings
    schema_prefix = REGISTRY_PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "plone-general"
