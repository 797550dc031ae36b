from plone.app.layout.viewlets import ViewletBase

from dakto.policy.identity.settings import get_identity


class StateHeaderViewlet(ViewletBase):
    """The state-body header: national name line and the body's name."""

    def update(self):
        super().update()
        self.identity = get_identity()
