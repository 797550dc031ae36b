"""The administrator's page for one person's data, and the settings panel."""

import json

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.protect import CheckAuthenticator
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.z3cform import layout
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface

from dakto.policy import _
from dakto.policy.interfaces import IDaktoPolicyLayer
from dakto.policy.personal_data import holders as holders_module
from dakto.policy.personal_data.interfaces import CONFIGLET_ID
from dakto.policy.personal_data.interfaces import REGISTRY_PREFIX
from dakto.policy.personal_data.interfaces import IPersonalDataSettings


class PersonalDataControlPanelForm(RegistryEditForm):
    schema = IPersonalDataSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Personal data")
    description = _(
        "The version of the personal-data notice that consents are recorded "
        "against, and how long personal data of closed items is kept."
    )


PersonalDataControlPanelView = layout.wrap_form(
    PersonalDataControlPanelForm, ControlPanelFormWrapper
)


@adapter(Interface, IDaktoPolicyLayer)
class PersonalDataControlpanel(RegistryConfigletPanel):
    schema = IPersonalDataSettings
    schema_prefix = REGISTRY_PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "plone-general"


EDITABLE = ("name", "email", "phone", "address")


class PersonalDataRequestsView(BrowserView):
    """Find one person's data by e-mail / phone; export, correct or erase it."""

    template = ViewPageTemplateFile("templates/requests.pt")
    fields = EDITABLE

    def __call__(self):
        form = self.request.form
        self.email = (form.get("email") or "").strip()
        self.phone = (form.get("phone") or "").strip()
        self.status = None
        if self.request.method == "POST" and form.get("action") in ("correct", "erase"):
            CheckAuthenticator(self.request)
            self.status = self.act(form)
        if form.get("format") == "json" and (self.email or self.phone):
            data = holders_module.export(self.email, self.phone)
            self.request.response.setHeader("Content-Type", "application/json; charset=utf-8")
            self.request.response.setHeader(
                "Content-Disposition", 'attachment; filename="du-lieu-ca-nhan.json"'
            )
            return json.dumps(data, ensure_ascii=False, indent=2, default=str)
        self.results = holders_module.find_everywhere(self.email, self.phone)
        return self.template()

    def act(self, form):
        item = holders_module.holder(form.get("holder") or "")
        uid = form.get("uid") or ""
        if item is None or not uid:
            return _("Unknown record.")
        if form["action"] == "erase":
            item.erase(uid)
            return _("The person's data was erased from the record.")
        changes = {name: (form.get(f"new_{name}") or "").strip() for name in EDITABLE}
        changes = {k: v for k, v in changes.items() if f"new_{k}" in form}
        item.correct(uid, changes)
        # look the person up by the corrected address from now on
        self.email = changes.get("email", self.email) or self.email
        self.phone = changes.get("phone", self.phone) or self.phone
        return _("The record was corrected.")

    def title_of(self, item):
        return translate(item.title, context=self.request)

    def export_url(self):
        from urllib.parse import urlencode

        query = urlencode({"email": self.email, "phone": self.phone, "format": "json"})
        return f"{self.context.absolute_url()}/@@personal-data-requests?{query}"
