"""Import of legal documents: the key is the number and symbol with its year
(what ``legal_documents.content.duplicate_error`` calls the same document),
the checks are those of ``ILegalDocument``."""

from plone import api

from dakto.policy.bulk_import import base
from dakto.policy.bulk_import import columns as cols
from dakto.policy.dates import as_DateTime
from dakto.policy.filetypes import disguise_error
from dakto.policy.filetypes import missing_open_copy
from dakto.policy.legal_documents.content import PORTAL_TYPE
from dakto.policy.legal_documents.content import ILegalDocument
from dakto.policy.legal_documents.content import dates_error
from dakto.policy.legal_documents.content import number_error
from dakto.policy.legal_documents.content import parsed_or_none
from dakto.policy.legal_documents.types import DOCUMENT_TYPES
from dakto.policy.legal_documents.vocabularies import FIELDS


SECTION = "van-ban"
FIELD_NAMES = (
    "document_number",
    "document_type",
    "issuing_body",
    "signer",
    "issue_date",
    "valid_from",
    "valid_until",
    "legal_field",
    "abstract",
)
VALUES = (*FIELD_NAMES, "partly_expired")


class Catalogued:
    """The documents already on the site, looked up by key as rows ask."""

    def __init__(self):
        self.catalog = api.portal.get_tool("portal_catalog")
        self.cache = {}
        # A site without documents (a commune's first import) needs no query per row.
        self.none = not len(self.catalog.unrestrictedSearchResults(portal_type=PORTAL_TYPE))

    def get(self, key):
        if self.none:
            return None
        if key not in self.cache:
            number_key, year = key
            found = self.catalog.unrestrictedSearchResults(
                portal_type=PORTAL_TYPE, legal_number=number_key, legal_year=year
            )
            self.cache[key] = found[0] if found else None
        return self.cache[key]


class LegalDocuments(base.Importer):
    name = "legal-documents"
    portal_type = PORTAL_TYPE
    columns = cols.LEGAL_DOCUMENTS
    key_column = "document_number"

    def __init__(self):
        self._choices = {
            "document_type": base.lookup_of(
                [(t.token, t.title) for t in DOCUMENT_TYPES],
                extra=[(t.abbreviation, t.token) for t in DOCUMENT_TYPES if t.abbreviation],
            ),
            "legal_field": base.lookup_of(FIELDS),
        }

    def choices(self, name):
        return self._choices[name]

    def choice_list(self, name):
        if name == "document_type":
            return base.choice_list([(t.token, t.title) for t in DOCUMENT_TYPES])
        return base.choice_list(FIELDS)

    def existing(self, portal):
        return Catalogued()

    def key(self, values):
        parsed = parsed_or_none(values.get("document_number"))
        issue_date = values.get("issue_date")
        year = parsed.year if parsed and parsed.year else (issue_date.year if issue_date else None)
        return (parsed.key if parsed else values.get("document_number"), year)

    def check(self, values, existing):
        container = api.portal.get().get(SECTION)
        errors = base.validate(ILegalDocument, container, values, FIELD_NAMES)
        if errors:
            return errors
        message = number_error(
            values["document_number"], values["document_type"], values["issue_date"]
        )
        if message:
            return [("document_number", message)]
        message = dates_error(
            values["issue_date"], values.get("valid_from"), values.get("valid_until")
        )
        if message:
            name = "valid_until" if values.get("valid_until") else "valid_from"
            return [(name, message)]
        for name in ("file", "other_file"):
            message = disguise_error(values.get(name))
            if message:
                return [(name, message)]
        message = missing_open_copy([values.get("file"), values.get("other_file")])
        if message:
            return [("file", message)]
        return []

    def container(self, portal):
        return portal[SECTION]

    def _attributes(self, values):
        attributes = {name: values.get(name) for name in VALUES}
        attributes["partly_expired"] = bool(values.get("partly_expired"))
        attributes["title"] = values.get("title") or values["abstract"].splitlines()[0]
        attributes["description"] = values["abstract"]
        return attributes

    def create(self, container, values):
        parsed = parsed_or_none(values["document_number"])
        item_id = base.new_id(container, f"{parsed.symbol}-{values['issue_date'].year}")
        attributes = self._attributes(values)
        attributes["file"] = base.blob(values["file"])
        if values.get("other_file") is not None:
            attributes["other_file"] = base.blob(values["other_file"])
        obj = base.add(container, PORTAL_TYPE, item_id, **attributes)
        obj.setEffectiveDate(as_DateTime(values["issue_date"]))
        return obj

    def update(self, obj, values):
        changed = base.set_changed(obj, self._attributes(values))
        for name in ("file", "other_file"):
            ref = values.get(name)
            if ref is None and name == "other_file" and obj.other_file is not None:
                obj.other_file = None
                changed = True
            elif ref is not None and not base.same_file(getattr(obj, name, None), ref):
                setattr(obj, name, base.blob(ref))
                changed = True
        return changed
