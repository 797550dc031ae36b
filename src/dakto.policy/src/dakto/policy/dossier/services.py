"""REST: ``GET {site}/@dossier/{code}`` (anyone, rate-limited) and
``POST {site}/@dossier-import`` (administrators: JSON list or CSV body)."""

from plone.restapi.services import Service

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy import rest
from dakto.policy.dossier import lookup as lookup_module
from dakto.policy.dossier import store


class DossierGet(rest.TraversingService):
    def reply(self):
        raw = "/".join(self.params) if self.params else self.request.form.get("code", "")
        try:
            dossier = lookup_module.lookup(self.request, raw)
        except antispam.Refused as refused:
            return antispam.refusal_response(self.request, refused)
        except lookup_module.NotFound:
            return rest.error(self.request, 404, "NotFound", _("No dossier has this code."))
        return store.public_info(dossier, self.request)


class DossierImportPost(Service):
    def reply(self):
        rest.allow_write(self.request)
        body = self.request.get("BODY") or b""
        content_type = (self.request.getHeader("Content-Type") or "").lower()
        format = "csv" if "csv" in content_type else "json" if "json" in content_type else None
        try:
            result = store.import_data(body, format)
        except store.ImportRefused as refused:
            errors = store.format_errors(refused.errors, self.request)
            first = errors[0]
            message = _(
                "Nothing was imported: ${count} error(s). First: line ${line}, "
                "${field}: ${message}",
                mapping={
                    "count": len(refused.errors),
                    "line": first["line"],
                    "field": first["field"] or "-",
                    "message": first["message"],
                },
            )
            return rest.error(
                self.request,
                400,
                "ImportRefused",
                message,
                errors=errors,
                errors_total=len(refused.errors),
            )
        return result.as_dict() | {"dossiers_total": store.count()}
