"""``@@tra-cuu-ho-so``: the public dossier lookup page."""

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy.dates import from_iso
from dakto.policy.dates import local_date
from dakto.policy.dossier import lookup as lookup_module
from dakto.policy.dossier import store
from dakto.policy.lookup_service import single


#: The code the page shows as an example: a dossier of the demo
#: (``demo.py`` imports ``sample.csv``, which has it).
EXAMPLE_CODE = "000.00.18.H34-261105-0001"


class DossierLookupView(BrowserView):
    template = ViewPageTemplateFile("templates/lookup.pt")
    example_code = EXAMPLE_CODE

    def __call__(self):
        self.error = None
        self.info = None
        self.code = single(self.request.form.get("code"))[:60]
        if self.code:
            try:
                dossier = lookup_module.lookup(self.request, self.code)
            except antispam.Refused as refused:
                self.error = antispam.refusal_message(self.request, refused)
                self.request.response.setStatus(refused.status)
            except lookup_module.NotFound:
                self.error = translate(
                    _(
                        "No dossier has the code ${code}. Check the code on the receipt "
                        "the one-stop office gave you; records are updated every working day.",
                        mapping={"code": store.normalise_code(self.code)},
                    ),
                    context=self.request,
                )
                self.request.response.setStatus(404)
            else:
                self.info = store.public_info(dossier, self.request)
        return self.template()

    def page_title(self):
        """The browser title's page part (``presentation/title.py``)."""
        return _("Look up a dossier")

    def day(self, iso):
        return local_date(from_iso(iso))

    def action_url(self):
        return f"{api.portal.get().absolute_url()}/@@tra-cuu-ho-so"
