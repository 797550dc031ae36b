"""The administrator's page ``@@nhap-du-lieu`` (small files: the command for
large ones) and ``@@mau-nhap-du-lieu?kind=KIND``, the XLSX template."""

import time

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.bulk_import import engine
from dakto.policy.bulk_import import template
from dakto.policy.bulk_import import upload
from dakto.policy.bulk_import.kinds import KINDS


TITLES = {
    "legal-documents": _("Legal documents"),
    "procedures": _("Administrative procedures"),
    "news": _("News"),
}


class BulkImportView(BrowserView):
    index = ViewPageTemplateFile("templates/import.pt")

    result = None
    errors = ()
    error = None
    kind = KINDS[0]
    max_rows = upload.MAX_ROWS

    def kinds(self):
        base = self.context.absolute_url()
        return [
            {
                "value": kind,
                "title": TITLES[kind],
                "selected": kind == self.kind,
                "template": f"{base}/@@mau-nhap-du-lieu?kind={kind}",
            }
            for kind in KINDS
        ]

    def __call__(self):
        if self.request.method == "POST":
            self.handle()
        return self.index()

    def handle(self):
        from plone.protect import CheckAuthenticator

        CheckAuthenticator(self.request)
        kind = self.request.form.get("kind")
        if kind not in KINDS:
            self.error = translate(_("Choose what to import."), context=self.request)
            return
        self.kind = kind
        upload_file = self.request.form.get("file")
        data = upload_file.read() if hasattr(upload_file, "read") else b""
        started = time.monotonic()
        try:
            author = (self.request.form.get("author") or "").strip()
            result = upload.run(self.context, kind, data, author=author)
        except upload.UploadError as error:
            self.error = translate(error.args[0], context=self.request)
            self.request.response.setStatus(400)
            return
        except engine.Refused as refused:
            import transaction

            transaction.doom()  # nothing of this request is stored
            self.errors = [
                {"row": row, "column": column, "message": translate(message, context=self.request)}
                for row, column, message in refused.errors
            ]
            self.request.response.setStatus(400)
            return
        self.result = {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "seconds": f"{time.monotonic() - started:.1f}",
        }


class TemplateView(BrowserView):
    def __call__(self):
        kind = self.request.form.get("kind")
        if kind not in KINDS:
            self.request.response.setStatus(404)
            return translate(
                _("Give one of: ${kinds}.", mapping={"kinds": ", ".join(KINDS)}),
                context=self.request,
            )
        data = template.workbook_bytes(kind)
        response = self.request.response
        response.setHeader("Content-Type", template.CONTENT_TYPE)
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{template.FILENAMES[kind]}"'
        )
        response.setHeader("Content-Length", str(len(data)))
        return data
