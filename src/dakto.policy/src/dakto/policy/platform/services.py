"""``@dakto-sites`` at the Zope root: the administrators' page as a REST service.

- ``GET /@dakto-sites``: ``{"items": [{id, name, title, kind, province, domain,
  items, @id}], "items_total": n}``;
- ``POST /@dakto-sites`` ``{"id", "name", "kind", "province", "domain"?, "demo"?}``:
  201 with the new site's row (and ``seconds``);
- ``DELETE /@dakto-sites/<id>?confirm=<id>``: backs the site up, removes it, 200
  with ``{"id", "backup"}``.

Bad input is a 400 with ``{"error": {"type": "BadRequest", "message": ...}}``
(Vietnamese first, English with ``Accept-Language: en``); a missing site a
404. Only the root's Managers (``View management screens`` at the root)
may call it. plone.rest only traverses services below a Plone site:
``RootTraverse`` looks up the root's ones.
"""

import json

import transaction
from OFS.interfaces import IApplication
from plone.protect.interfaces import IDisableCSRFProtection
from plone.rest.interfaces import IAPIRequest
from plone.restapi.services import Service
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse
from ZPublisher.BaseRequest import DefaultPublishTraverse

from dakto.policy import _
from dakto.policy.platform import provision
from dakto.policy.platform.provision import ProvisionError
from dakto.policy.platform.views import backup_dir
from dakto.policy.platform.views import language


@adapter(IApplication, IAPIRequest)
class RootTraverse(DefaultPublishTraverse):
    """``/@name`` at the root is the REST service ``name`` when there is one."""

    def publishTraverse(self, request, name):
        if name.startswith("@") and not name.startswith("@@"):
            service = queryMultiAdapter(
                (self.context, request), name=request._rest_service_id + name
            )
            if service is not None:
                return service
        return super().publishTraverse(request, name)


@implementer(IPublishTraverse)
class SitesService(Service):
    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self

    def error(self, status, message, type_="BadRequest"):
        self.request.response.setStatus(status)
        text = translate(message, target_language=language(self.request))
        return {"error": {"type": type_, "message": text}}

    def row(self, site_id):
        row = provision.describe(self.context[site_id])
        row["@id"] = f"{self.context.absolute_url()}/{site_id}"
        return row


class Get(SitesService):
    def reply(self):
        if self.params:
            try:
                provision.get_site(self.context, self.params[0])
            except ProvisionError as error:
                return self.error(404, error.message, "NotFound")
            return self.row(self.params[0])
        rows = provision.list_sites(self.context)
        for row in rows:
            row["@id"] = f"{self.context.absolute_url()}/{row['id']}"
        return {
            "@id": f"{self.context.absolute_url()}/@dakto-sites",
            "items": rows,
            "items_total": len(rows),
        }


class Post(SitesService):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)  # basic or token auth, no cookie
        try:
            data = json.loads(self.request.get("BODY") or b"{}")
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return self.error(400, _("The request body is not a JSON object."))
        fields = ("id", "name", "kind", "province")
        missing = [name for name in fields if not isinstance(data.get(name), str)]
        if missing:
            return self.error(
                400, _("Missing fields: ${fields}.", mapping={"fields": ", ".join(missing)})
            )
        domain = data.get("domain")
        if domain is not None and not isinstance(domain, str):
            return self.error(400, _("Missing fields: ${fields}.", mapping={"fields": "domain"}))
        try:
            site, seconds = provision.add_site(
                self.context,
                data["id"].strip(),
                data["name"],
                data["kind"],
                data["province"],
                domain=domain or None,
                demo=bool(data.get("demo")),
            )
        except ProvisionError as error:
            transaction.doom()
            return self.error(400, error.message)
        self.request.response.setStatus(201)
        row = self.row(site.getId())
        row["seconds"] = round(seconds, 2)
        self.request.response.setHeader("Location", row["@id"])
        return row


class Delete(SitesService):
    def reply(self):
        from dakto.policy.platform.site_backup import SiteBackupError

        alsoProvides(self.request, IDisableCSRFProtection)
        if len(self.params) != 1:
            return self.error(
                400,
                _(
                    "Give the site to remove: DELETE @dakto-sites/<id>, with its id again as confirm."
                ),
            )
        site_id = self.params[0]
        try:
            provision.get_site(self.context, site_id)
        except ProvisionError as error:
            return self.error(404, error.message, "NotFound")
        if self.request.form.get("confirm") != site_id:
            return self.error(400, _("Not confirmed: ${site} is kept.", mapping={"site": site_id}))
        try:
            backup = provision.remove_site(self.context, site_id, backup_dir())
        except ProvisionError as error:
            return self.error(400, error.message)
        except SiteBackupError as error:
            return self.error(400, str(error))
        return {"id": site_id, "backup": str(backup)}
