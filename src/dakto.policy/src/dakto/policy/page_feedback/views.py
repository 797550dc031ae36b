"""The "Was this page helpful?" block, where it posts, and the editors' results.

- viewlet ``dakto.page-feedback`` (below the content of procedures and news
  articles): two buttons "Có" / "Không" and an optional comment in ONE plain
  POST form, so it works without JavaScript; the same for every visitor,
  so the page stays cacheable;
- ``@@page-feedback``: where the form posts (honeypot, size and rate limit
  like the other public forms); answers a full page with the thank-you note
  or the error at the field; GET goes back to the page;
- ``@@page-feedback-results``: for who may edit the page, the counts and the
  comments.
"""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
from zope.interface import alsoProvides

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy.dates import local_date
from dakto.policy.page_feedback import store


LIMITER = antispam.RateLimiter("page-feedback", 10, 600)
FORM_ID = "page-feedback-form"


def check_abuse(request):
    """Size, honeypot and rate: ``antispam.Refused`` when one fails."""
    antispam.check_request_size(request, store.MAX_REQUEST_BYTES)
    antispam.check_honeypot(request)
    LIMITER.hit(request)


class FormMixin:
    errors = {}
    values = {}
    form_error = None
    sent = False

    def action_url(self):
        return f"{self.context.absolute_url()}/@@page-feedback"

    def honeypot_html(self):
        return antispam.honeypot_html(self.request)

    def comment_max(self):
        return store.COMMENT_MAX

    def feedback_form_url(self):
        return f"{api.portal.get_navigation_root(self.context).absolute_url()}/@@gui-phan-anh"

    def can_see_results(self):
        return api.user.has_permission("Modify portal content", obj=self.context)


class PageFeedbackViewlet(FormMixin, ViewletBase):
    """The block below the content."""

    index = ViewPageTemplateFile("templates/viewlet.pt")


class PageFeedbackPost(FormMixin, BrowserView):
    """``@@page-feedback``: receive one answer (POST)."""

    page = ViewPageTemplateFile("templates/page.pt")
    block = ViewPageTemplateFile("templates/viewlet.pt")

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(f"{self.context.absolute_url()}#{FORM_ID}")
        alsoProvides(self.request, IDisableCSRFProtection)
        form = self.request.form
        data = {
            "helpful": form.get("helpful") if isinstance(form.get("helpful"), str) else None,
            "comment": form.get("comment"),
        }
        self.values = {"comment": data["comment"] if isinstance(data["comment"], str) else ""}
        try:
            check_abuse(self.request)
        except antispam.Refused as refused:
            self.form_error = antispam.refusal_message(self.request, refused)
            self.request.response.setStatus(refused.status)
            if refused.retry_after:
                self.request.response.setHeader("Retry-After", str(refused.retry_after))
            return self.page()
        clean, errors = store.validate(data)
        if errors:
            self.errors = {k: translate(v, context=self.request) for k, v in errors.items()}
            self.form_error = translate(
                _("Please correct the fields marked below; your answer was not sent yet."),
                context=self.request,
            )
            self.request.response.setStatus(400)
            return self.page()
        store.add(self.context, clean)
        self.sent = True
        self.values = {}
        return self.page()


class PageFeedbackResults(BrowserView):
    """``@@page-feedback-results``: the counts and comments of this page."""

    template = ViewPageTemplateFile("templates/results.pt")

    def __call__(self):
        return self.template()

    def counts(self):
        return store.counts(self.context)

    def share(self):
        """The share of "yes" answers, e.g. '75 %'; '' without answers."""
        counts = self.counts()
        if not counts["total"]:
            return ""
        return f"{round(100 * counts['yes'] / counts['total'])} %"

    def comments(self):
        yes = translate(_("Yes"), context=self.request)
        no = translate(_("No"), context=self.request)
        return [
            {"day": local_date(c.day), "helpful": yes if c.helpful else no, "text": c.text}
            for c in store.comments(self.context)
        ]
