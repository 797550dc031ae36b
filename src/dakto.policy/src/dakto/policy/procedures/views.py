"""The procedure page and the procedure lookup (the section's default view)."""

from plone import api
from plone.base.utils import human_readable_size
from Products.CMFPlone.PloneBatch import Batch
from Products.Five.browser import BrowserView
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.lookup_service import LookupView
from dakto.policy.procedures import lookup
from dakto.policy.procedures.content import FORM_TYPE
from dakto.policy.procedures.vocabularies import CHANNELS
from dakto.policy.procedures.vocabularies import FIELDS
from dakto.policy.procedures.vocabularies import LEVELS
from dakto.policy.procedures.vocabularies import ONLINE_LEVELS
from dakto.policy.procedures.vocabularies import SERVICE_LEVELS
from dakto.policy.vocabularies import title_of


PAGE_SIZE = 20
LOOKUP_VIEW = "procedure-lookup"


class TitlesMixin:
    def t(self, msgid):
        return translate(msgid, context=self.request)

    def title(self, pairs, token):
        return self.t(title_of(pairs, token)) if token else ""

    def field_title(self, token):
        return self.title(FIELDS, token)

    def level_titles(self, tokens):
        return ", ".join(self.title(LEVELS, token) for token in tokens or ())

    def service_title(self, token):
        return self.title(SERVICE_LEVELS, token)


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ProcedureView(TitlesMixin, BrowserView):
    """All the sections of a procedure in the order of the national database."""

    def is_online(self):
        return self.context.service_level in ONLINE_LEVELS and bool(self.context.service_url)

    def steps(self):
        steps = self.context.steps
        return steps.output_relative_to(self.context) if steps else ""

    def ways(self):
        return [
            {
                "channel": self.title(CHANNELS, way.get("channel")),
                "processing_time": way.get("processing_time", ""),
                "fee": way.get("fee", ""),
                "description": way.get("description", ""),
            }
            for way in self.context.submission_ways or []
        ]

    def forms(self):
        """The forms (File items inside the procedure) the user may see."""
        result = []
        for obj in self.context.listFolderContents(contentFilter={"portal_type": FORM_TYPE}):
            blob = getattr(obj, "file", None)
            filename = getattr(blob, "filename", "") or obj.getId()
            result.append(
                {
                    "id": obj.getId(),
                    "title": obj.Title() or filename,
                    "url": f"{obj.absolute_url()}/@@download/file/{filename}",
                    "format": filename.rsplit(".", 1)[-1].upper() if "." in filename else "",
                    "size": human_readable_size(blob.getSize()) if blob else "",
                }
            )
        return result

    def components(self):
        forms = {form["id"]: form for form in self.forms()}
        result = []
        for component in self.context.dossier_components or []:
            result.append(
                {
                    "name": component.get("name", ""),
                    "originals": component.get("originals", 0),
                    "copies": component.get("copies", 0),
                    "note": component.get("note", ""),
                    "form": forms.get(component.get("form") or ""),
                }
            )
        return result

    def legal_documents(self):
        result = []
        for relation in self.context.legal_basis or []:
            obj = None if relation.isBroken() else relation.to_object
            if obj is None or not api.user.has_permission("View", obj=obj):
                continue
            result.append(
                {"title": obj.Title(), "url": obj.absolute_url(), "description": obj.Description()}
            )
        return result

    def legal_text(self):
        return lines(self.context.legal_basis_text)

    def text_lines(self, name):
        return lines(getattr(self.context, name, None))


class ProcedureLookup(TitlesMixin, LookupView):
    """Lookup by text, field, level and online-service level; the state is in the URL."""

    lookup = lookup
    lookup_view = LOOKUP_VIEW

    def update(self):
        super().update()
        self.searched = bool(self.filters)

    def batch(self):
        return Batch(lookup.search(self.context, self.filters), PAGE_SIZE, self.b_start)

    def text(self):
        return self.filters.get(lookup.TEXT, "")

    def count_message(self, count):
        return self.t(_("${count} procedures found.", mapping={"count": count}))
