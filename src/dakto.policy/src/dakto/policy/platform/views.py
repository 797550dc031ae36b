"""``/@@dakto-sites``: the province administrators' page at the Zope root.

The province's administrators are the Managers of the Zope root (users of
the root's ``acl_users``): above every commune site, with no site's editors
among them (a site's users are unknown at the root). The page lists the
sites and adds and removes them with the same functions as ``dakto
add-site`` / ``remove-site``, in the running server: a new site is served at
once. Every POST carries plone.protect's authenticator; a removal asks for
the site's id again and writes the site's backup first.
"""

from pathlib import Path

import transaction
from plone.protect.authenticator import check as check_csrf
from plone.protect.authenticator import createToken
from plone.protect.utils import getRootKeyManager
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Forbidden
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.identity.kinds import KINDS
from dakto.policy.platform import provision
from dakto.policy.platform.provision import ProvisionError


LABELS = {
    "title": _("Sites of the province"),
    "intro": _(
        "Every commune, ward and special zone site of this deployment. A new site is "
        "served at once; a removed site is backed up first."
    ),
    "id": _("Id"),
    "name": _("People's Committee"),
    "kind": _("Kind of unit"),
    "province": _("Province"),
    "domain": _("Domain name"),
    "items": _("Items"),
    "actions": _("Actions"),
    "remove": _("Remove"),
    "add": _("Add a site"),
    "demo": _("With demo content"),
    "create": _("Create the site"),
    "none": _("There is no site."),
    "confirm_title": _("Remove the site ${site}"),
    "confirm_help": _(
        "The site and everything in it will be deleted after a backup is written to "
        "${path}. Type the site's id to confirm."
    ),
    "confirm": _("Back up and remove"),
    "cancel": _("Cancel"),
    "open": _("Open"),
    "id_help": _("Lower-case letters, digits and hyphens, e.g. xa-ngoc-tu."),
    "name_help": _("e.g. 'Ủy ban nhân dân xã Ngọc Tụ' or 'Ngọc Tụ'."),
}


def language(request):
    """Vietnamese first; English when the visitor asks for it first."""
    accept = (request.get("HTTP_ACCEPT_LANGUAGE") or "").strip().lower()
    return "en" if accept.startswith("en") else "vi"


def backup_dir():
    """Where the page and the REST service write a removed site's backup: the
    product config's ``site-backup-dir`` (the deployment tool's
    ``$DAKTO_BACKUP_DIR/sites``), else ``<clienthome>/site-backups``."""
    from App.config import getConfiguration

    from dakto.policy import product_config

    configured = (product_config.get(product_config.SITE_BACKUP_DIR) or "").strip()
    if configured:
        return Path(configured)
    return Path(getConfiguration().clienthome) / "site-backups"


class SitesView(BrowserView):
    template = ViewPageTemplateFile("templates/sites.pt")

    def t(self, key, **mapping):
        return self.tr(LABELS[key], **mapping)

    def tr(self, message, **mapping):
        if mapping:
            message = _(message, mapping=mapping)
        return translate(message, target_language=self.lang)

    def __call__(self):
        self.lang = language(self.request)
        self.request.response.setHeader("Content-Language", self.lang)
        self.request.response.setHeader("Content-Type", "text/html; charset=utf-8")
        self.errors = []
        self.message = None
        self.values = {}
        form = self.request.form
        self.removing = form.get("remove") or None
        if self.request.method == "POST":
            try:
                check_csrf(self.request, manager=self.key_manager())
            except Forbidden:
                self.request.response.setStatus(403)
                self.errors.append(self.tr(_("The form expired: load the page again.")))
                return self.template()
            if "form.add" in form:
                self.add(form)
            elif "form.remove" in form:
                self.remove(form)
        return self.template()

    def add(self, form):
        self.values = {
            k: form.get(k, "") for k in ("site_id", "name", "kind", "province", "domain")
        }
        try:
            site, seconds = provision.add_site(
                self.context,
                self.values["site_id"].strip(),
                self.values["name"],
                self.values["kind"],
                self.values["province"],
                domain=self.values["domain"] or None,
                demo=bool(form.get("demo")),
            )
        except ProvisionError as error:
            transaction.doom()  # nothing of a refused site is written
            self.request.response.setStatus(400)
            self.errors.append(translate(error.message, target_language=self.lang))
            return
        self.message = self.tr(
            _(
                "Site ${site} created in ${seconds} s: ${title}.",
                mapping={"site": site.getId(), "seconds": f"{seconds:.1f}", "title": site.title},
            )
        )
        self.values = {}

    def remove(self, form):
        from dakto.policy.platform.site_backup import SiteBackupError

        site_id = form.get("site_id", "")
        self.removing = site_id
        if form.get("confirm", "").strip() != site_id:
            self.request.response.setStatus(400)
            self.errors.append(
                self.tr(_("Not confirmed: ${site} is kept.", mapping={"site": site_id}))
            )
            return
        try:
            backup = provision.remove_site(self.context, site_id, backup_dir())
        except ProvisionError as error:
            self.request.response.setStatus(400)
            self.errors.append(translate(error.message, target_language=self.lang))
            return
        except SiteBackupError as error:
            self.request.response.setStatus(400)
            self.errors.append(str(error))
            return
        self.removing = None
        self.message = self.tr(
            _(
                "Site ${site} removed; its backup: ${path}",
                mapping={"site": site_id, "path": str(backup)},
            )
        )

    def key_manager(self):
        """The root's own key ring (plone.protect keeps one on the Zope
        application: the sites' rings are theirs)."""
        return getRootKeyManager(self.context)

    def token(self):
        return createToken(manager=self.key_manager())

    def rows(self):
        return provision.list_sites(self.context)

    def kinds(self):
        return [
            (kind, translate(title, target_language=self.lang))
            for kind, (_w, title) in KINDS.items()
        ]

    def kind_title(self, kind):
        if kind not in KINDS:
            return "-"
        return translate(KINDS[kind][1], target_language=self.lang)

    def backup_dir(self):
        return str(backup_dir())
