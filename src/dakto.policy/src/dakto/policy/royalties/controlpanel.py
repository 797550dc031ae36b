from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm

from dakto.policy import _
from dakto.policy.royalties.settings import REGISTRY_PREFIX
from dakto.policy.royalties.settings import IRoyaltySettings


class RoyaltiesEditForm(RegistryEditForm):
    schema = IRoyaltySettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Royalties")
    description = _(
        "Genres with their coefficient frames and the value of one coefficient unit "
        "(Nghị định 18/2014/NĐ-CP), as the head of the body decided."
    )


class RoyaltiesControlPanel(ControlPanelFormWrapper):
    form = RoyaltiesEditForm
