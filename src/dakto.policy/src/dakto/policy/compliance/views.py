"""``@@compliance`` (page) and ``GET @compliance`` (REST): the self-check."""

from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from zope.i18n import translate

from dakto.policy.compliance.model import run_checks


def translated(lines, request):
    return [
        line
        | {
            "title": translate(line["title"], context=request),
            "detail": translate(line["detail"], context=request),
        }
        for line in lines
    ]


class ComplianceView(BrowserView):
    def __call__(self):
        self.lines = translated(run_checks(), self.request)
        self.failed = sum(not line["ok"] for line in self.lines)
        return self.index()


class ComplianceGet(Service):
    def reply(self):
        lines = translated(run_checks(), self.request)
        return {
            "@id": f"{self.context.absolute_url()}/@compliance",
            "items_total": len(lines),
            "failed": sum(not line["ok"] for line in lines),
            "items": lines,
        }
