"""The legal-document page and the lookup (the ``van-ban`` section's default view)."""

from plone import api
from plone.base.utils import human_readable_size
from Products.CMFPlone.PloneBatch import Batch
from Products.Five.browser import BrowserView
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import filetypes
from dakto.policy.dates import local_date
from dakto.policy.legal_documents import lookup
from dakto.policy.legal_documents.serializers import summary_fields
from dakto.policy.legal_documents.status import status_of
from dakto.policy.legal_documents.types import BY_TOKEN
from dakto.policy.legal_documents.types import DOCUMENT_TYPES
from dakto.policy.legal_documents.vocabularies import EXPIRED
from dakto.policy.legal_documents.vocabularies import FIELDS
from dakto.policy.legal_documents.vocabularies import IN_FORCE
from dakto.policy.legal_documents.vocabularies import NOT_YET
from dakto.policy.legal_documents.vocabularies import PARTLY_EXPIRED
from dakto.policy.legal_documents.vocabularies import STATUSES
from dakto.policy.lookup_service import LookupView
from dakto.policy.vocabularies import title_of


LOOKUP_VIEW = "legal-document-lookup"
BADGE_CLASSES = {
    IN_FORCE: "bg-success",
    PARTLY_EXPIRED: "bg-warning text-dark",
    EXPIRED: "bg-secondary",
    NOT_YET: "bg-info text-dark",
}
SORT_TITLES = {
    "issued": _("Issue date"),
    "number": _("Number and symbol"),
    "title": _("Title"),
}
ORDER_TITLES = {"descending": _("Descending"), "ascending": _("Ascending")}


class Helpers:
    def t(self, msgid):
        return translate(msgid, context=self.request)

    def type_title(self, token):
        found = BY_TOKEN.get(token)
        return self.t(found.title) if found else ""

    def field_title(self, token):
        return self.t(title_of(FIELDS, token)) if token else ""

    def badge(self, status):
        return {
            "token": status,
            "title": self.t(title_of(STATUSES, status)),
            "css": f"badge dakto-status dakto-status-{status} {BADGE_CLASSES.get(status, '')}",
        }

    def date(self, value):
        return local_date(value)


def _relation_targets(relations):
    result = []
    for relation in relations or []:
        obj = None if relation.isBroken() else relation.to_object
        if obj is not None and api.user.has_permission("View", obj=obj):
            result.append(obj)
    return result


class LegalDocumentView(Helpers, BrowserView):
    """Every field, the files to download, the status, the related documents."""

    def status(self):
        return self.badge(status_of(self.context))

    def files(self):
        result = []
        for name in ("file", "other_file"):
            blob = getattr(self.context, name, None)
            if blob is None:
                continue
            filename = blob.filename or name
            result.append(
                {
                    "filename": filename,
                    "url": f"{self.context.absolute_url()}/@@download/{name}/{filename}",
                    "format": filetypes.format_label(filename),
                    "size": human_readable_size(blob.getSize()),
                }
            )
        return result

    def _links(self, objects):
        return [
            {
                "title": obj.Title(),
                "url": obj.absolute_url(),
                "number": getattr(obj, "document_number", "") or "",
                "status": self.badge(status_of(obj))
                if getattr(obj, "document_number", None)
                else None,
            }
            for obj in objects
        ]

    def replaces(self):
        return self._links(_relation_targets(self.context.replaces))

    def replaced_by(self):
        """The documents that name this one in their ``replaces``."""
        try:
            relations = api.relation.get(target=self.context, relationship="replaces")
        except Exception:  # noqa: BLE001 - no relation catalog: nothing to show
            return []
        objects = [r.from_object for r in relations if not r.isBroken()]
        return self._links(
            [o for o in objects if o is not None and api.user.has_permission("View", obj=o)]
        )

    def related(self):
        return self._links(_relation_targets(getattr(self.context, "relatedItems", None)))

    def abstract_lines(self):
        return [line for line in (self.context.abstract or "").splitlines() if line.strip()]


class LegalDocumentLookup(Helpers, LookupView):
    """Lookup by text, number, type, issuer, field, year and status; sorted and
    paged; the whole state is in the URL (a plain GET form)."""

    lookup = lookup
    lookup_view = LOOKUP_VIEW

    def update(self):
        super().update()
        self.searched = any(name in self.filters for name in lookup.SEARCH_FILTERS)

    def batch(self):
        results = lookup.search(self.context, self.filters, self.b_start, lookup.PAGE_SIZE)
        return Batch(results, lookup.PAGE_SIZE, self.b_start)

    def rows(self, batch):
        """The table's rows: each document's summary fields (``serializers.py``)."""
        for brain in batch:
            fields = summary_fields(brain, self.request)
            status = fields["status"]["token"]
            yield {
                "url": brain.getURL(),
                "title": brain.Title,
                "number": fields["document_number"],
                "issued": self.date(brain.issue_date),
                "type": fields["document_type"]["title"],
                "issuer": fields["issuing_body"],
                "abstract": fields["abstract"],
                "status": self.badge(status),
                "expired": status == EXPIRED,
            }

    def type_options(self):
        chosen = self.filters.get("type")
        return [
            {
                "value": t.token,
                "title": f"{self.t(t.title)} ({t.abbreviation})"
                if t.abbreviation
                else self.t(t.title),
                "selected": t.token == chosen,
            }
            for t in DOCUMENT_TYPES
        ]

    def field_options(self):
        return self.options("field")

    def status_options(self):
        return self.options("status")

    def sort_options(self):
        chosen = self.filters.get("sort_on", lookup.DEFAULT_SORT)
        return [
            {"value": k, "title": self.t(v), "selected": k == chosen}
            for k, v in SORT_TITLES.items()
        ]

    def order_options(self):
        default = "ascending" if self.filters.get("sort_on") == "title" else "descending"
        chosen = self.filters.get("sort_order", default)
        return [
            {"value": k, "title": self.t(v), "selected": k == chosen}
            for k, v in ORDER_TITLES.items()
        ]

    def issuer_options(self):
        chosen = self.filters.get("issuer")
        values = lookup.issuers(self.context)
        if chosen and chosen not in values:
            values.append(chosen)
        return [{"value": v, "title": v, "selected": v == chosen} for v in values]

    def year_options(self):
        chosen = self.filters.get("year")
        return [
            {"value": str(v), "title": str(v), "selected": v == chosen}
            for v in lookup.years(self.context)
        ]

    def unknown_message(self):
        if not self.unknown:
            return ""
        names = ", ".join(f"{k}={v}" for k, v in sorted(self.unknown.items()))
        return self.t(
            _(
                "These filters were not understood and are ignored: ${names}.",
                mapping={"names": names},
            )
        )

    def count_message(self, count):
        return self.t(_("${count} documents found.", mapping={"count": count}))
