"""The read-aloud controls (issue 17 point 7): the same markup for every
visitor, hidden until ``static/read-aloud.js`` finds a Vietnamese voice on
the device; the script is loaded (deferred) only on the pages that have the
controls."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from dakto.policy.feedback import names


SCRIPT = "++resource++dakto.read-aloud/read-aloud.js"
# What is read: Plone's main content (title, description, text); the
# controls themselves, forms, navigation and what follows the body
# (page feedback, sharing) are skipped by the script.
TARGET = "#content"


class ReadAloudViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/read_aloud.pt")

    def available(self):
        return True

    def render(self):
        return self.index() if self.available() else ""

    def script_url(self):
        return f"{api.portal.get().absolute_url()}/{SCRIPT}"

    def target(self):
        return TARGET


class QAReadAloudViewlet(ReadAloudViewlet):
    """Only on the public Q&A section (``phan-anh-kien-nghi/hoi-dap``)."""

    def available(self):
        portal = api.portal.get()
        path = (*portal.getPhysicalPath(), names.SECTION, names.QA_SECTION)
        return self.context.getPhysicalPath() == path
