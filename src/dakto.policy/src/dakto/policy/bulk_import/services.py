"""REST (administrators): ``GET {site}/@bulk-import/KIND`` the column layout
of KIND, ``POST {site}/@bulk-import/KIND`` the file in the body (a sheet, a
feed or sitemap for news, with ``?author=`` the default author of its
articles, or a ZIP of a sheet and its files): 200 with the counts, or 400
with every error (row, column, message) and nothing written."""

from zope.i18n import translate

from dakto.policy import _
from dakto.policy import rest
from dakto.policy.bulk_import import columns as cols
from dakto.policy.bulk_import import engine
from dakto.policy.bulk_import import upload
from dakto.policy.bulk_import.kinds import KINDS
from dakto.policy.bulk_import.kinds import importer


def errors_of(refused, request):
    return [
        {"row": row, "column": column, "message": translate(message, context=request)}
        for row, column, message in refused.errors
    ]


class BulkImportService(rest.TraversingService):
    def kind(self):
        kind = self.params[0] if len(self.params) == 1 else ""
        return kind if kind in KINDS else None

    def unknown(self):
        return rest.error(
            self.request,
            404,
            "NotFound",
            _("Give one of: ${kinds}.", mapping={"kinds": ", ".join(KINDS)}),
        )


class BulkImportGet(BulkImportService):
    def reply(self):
        kind = self.kind()
        if kind is None:
            return self.unknown()
        the_importer = importer(kind)
        return {
            "kind": kind,
            "template": f"{self.context.absolute_url()}/@@mau-nhap-du-lieu?kind={kind}",
            "max_rows": upload.MAX_ROWS,
            "columns": [
                {
                    "header": c.header,
                    "field": c.name,
                    "kind": c.kind,
                    "required": c.required,
                    "aliases": list(c.aliases),
                    "note": c.note,
                    **(
                        {"choices": the_importer.choice_list(c.name)}
                        if c.kind in (cols.CHOICE, cols.CHOICES)
                        else {}
                    ),
                }
                for c in cols.KINDS[kind]
            ],
        }


class BulkImportPost(BulkImportService):
    def reply(self):
        rest.allow_write(self.request)
        kind = self.kind()
        if kind is None:
            return self.unknown()
        try:
            author = (self.request.form.get("author") or "").strip()  # ?author=
            result = upload.run(self.context, kind, self.request.get("BODY") or b"", author=author)
        except upload.UploadError as error:
            return rest.error(self.request, 400, "BadRequest", error.args[0])
        except engine.Refused as refused:
            errors = errors_of(refused, self.request)
            return rest.error(
                self.request,
                400,
                "ImportRefused",
                _(
                    "Nothing was imported: ${count} error(s). First: row ${row}, ${column}: "
                    "${message}",
                    mapping={
                        "count": len(errors),
                        "row": errors[0]["row"],
                        "column": errors[0]["column"] or "-",
                        "message": errors[0]["message"],
                    },
                ),
                errors=errors,
            )
        return {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "total": result.total,
            "seconds": round(result.seconds, 1),
        }
