"""A warning above the Site Setup overview when the site cannot send mail."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from dakto.policy import mail


class MailNotConfiguredViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/warning.pt")

    def available(self):
        return not mail.configured()

    def settings_url(self):
        return f"{api.portal.get().absolute_url()}/{mail.CONTROL_PANEL}"

    def render(self):
        return self.index() if self.available() else ""
