"""Import of administrative procedures: the key is the code of the national
database (Mã thủ tục, e.g. 1.001612), the checks are those of ``IProcedure``
and its rules (an online service has its link and an online way to submit).
The national database's exported sheets are read as they are: their
headers are aliases of the columns (``columns.PROCEDURES``)."""

import json

from plone import api

from dakto.policy import _
from dakto.policy.bulk_import import base
from dakto.policy.bulk_import import columns as cols
from dakto.policy.procedures.content import IProcedure
from dakto.policy.procedures.content import link_error
from dakto.policy.procedures.content import way_error
from dakto.policy.procedures.fields import find_procedures_by_code
from dakto.policy.procedures.vocabularies import CHANNELS
from dakto.policy.procedures.vocabularies import FIELDS
from dakto.policy.procedures.vocabularies import FULL_ONLINE
from dakto.policy.procedures.vocabularies import LEVELS
from dakto.policy.procedures.vocabularies import SERVICE_LEVELS


PORTAL_TYPE = "Procedure"
SECTION = "thu-tuc-hanh-chinh"
DEFAULT_LEVEL = "xa"
FIELD_NAMES = (
    "procedure_level",
    "procedure_field",
    "implementing_body",
    "applicants",
    "service_level",
    "service_url",
    "steps",
    "submission_ways",
    "processing_time",
    "fees",
    "dossier_components",
    "result",
    "requirements",
    "legal_basis_text",
)
VALUES = (*FIELD_NAMES, "procedure_code", "title", "description")
LIST_SEPARATOR = "|"


class Catalogued:
    """The procedures already on the site, by code."""

    def get(self, code):
        found = find_procedures_by_code(code)
        return found[0] if found else None


class Procedures(base.Importer):
    name = "procedures"
    portal_type = PORTAL_TYPE
    columns = cols.PROCEDURES
    key_column = "procedure_code"

    def __init__(self):
        self._lists = {
            "procedure_level": LEVELS,
            "procedure_field": FIELDS,
            "service_level": SERVICE_LEVELS,
        }
        self._choices = {
            "procedure_level": base.lookup_of(
                LEVELS,
                extra=[("cấp xã", "xa"), ("cấp tỉnh", "tinh"), ("cấp trung ương", "trung-uong")],
            ),
            "procedure_field": base.lookup_of(FIELDS),
            "service_level": base.lookup_of(
                SERVICE_LEVELS,
                extra=[
                    ("toàn trình", "toan-trinh"),
                    ("dịch vụ công trực tuyến toàn trình", "toan-trinh"),
                    ("một phần", "mot-phan"),
                    ("dịch vụ công trực tuyến một phần", "mot-phan"),
                    ("không", "khong"),
                ],
            ),
        }
        self._channels = base.lookup_of(
            CHANNELS, extra=[("trực tiếp", "truc-tiep"), ("trực tuyến", "truc-tuyen")]
        )

    def choices(self, name):
        return self._choices[name]

    def choice_list(self, name):
        return base.choice_list(self._lists[name])

    def structured(self, converter, row, column, text):
        """Ways to submit or dossier components: JSON as the form takes it, or
        one entry per line with its parts separated by '|'."""
        if text.lstrip().startswith("["):
            try:
                return json.loads(text)
            except ValueError:
                converter.error(row, column, _("This is not valid JSON."))
                return None
        entries = []
        for line in text.splitlines():
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(LIST_SEPARATOR)]
            if column.kind == cols.WAYS:
                channel = self._channels.get(" ".join(base.fold(parts[0]).split()))
                if channel is None or len(parts) < 3:
                    converter.error(
                        row,
                        column,
                        _(
                            "'${value}': write 'Hình thức | Thời hạn | Phí, lệ phí' "
                            "(Hình thức: ${choices}).",
                            mapping={"value": line.strip(), "choices": base.choice_list(CHANNELS)},
                        ),
                    )
                    return None
                entry = {"channel": channel, "processing_time": parts[1], "fee": parts[2]}
                if len(parts) > 3 and parts[3]:
                    entry["description"] = parts[3]
            else:
                try:
                    originals = int(parts[1]) if len(parts) > 1 and parts[1] else 1
                    copies = int(parts[2]) if len(parts) > 2 and parts[2] else 0
                except ValueError:
                    originals = None
                if originals is None or not parts[0]:
                    converter.error(
                        row,
                        column,
                        _(
                            "'${value}': write 'Tên giấy tờ | Bản chính | Bản sao' (numbers).",
                            mapping={"value": line.strip()},
                        ),
                    )
                    return None
                entry = {"name": parts[0], "originals": originals, "copies": copies}
            entries.append(entry)
        return entries

    def existing(self, portal):
        return Catalogued()

    def key(self, values):
        return values.get("procedure_code")

    def defaults(self, values):
        if not values.get("procedure_level"):
            values["procedure_level"] = [DEFAULT_LEVEL]
        if not values.get("service_level"):
            values["service_level"] = FULL_ONLINE
        if values.get("dossier_components") is None:
            values["dossier_components"] = []

    def check(self, values, existing):
        self.defaults(values)
        # The code's own check, without the uniqueness on the site: a code
        # found there is the procedure this row updates.
        errors = base.validate(IProcedure, None, values, ("procedure_code",))
        container = api.portal.get().get(SECTION)
        errors += base.validate(IProcedure, container, values, FIELD_NAMES)
        if errors:
            return errors
        message = link_error(values["service_level"], values.get("service_url"))
        if message:
            return [("service_url", message)]
        message = way_error(values["service_level"], values.get("submission_ways"))
        if message:
            return [("submission_ways", message)]
        return []

    def container(self, portal):
        return portal[SECTION]

    def _attributes(self, values):
        attributes = {name: values.get(name) for name in VALUES}
        attributes["description"] = values.get("description") or ""
        return attributes

    def create(self, container, values):
        item_id = base.new_id(container, values["title"])
        return base.add(container, PORTAL_TYPE, item_id, **self._attributes(values))

    def update(self, obj, values):
        return base.set_changed(obj, self._attributes(values))
