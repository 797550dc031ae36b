"""Every EasyForm's page, with the portal's protections.

The view ``view`` of EasyForm (for the portal's browser layer) is
collective.easyform's own form plus:

- the honeypot (``antispam``), a rate limit per client (registry name
  ``easyform``) and a request size limit, checked before any action (mail,
  save-data) runs: a refusal shows its message at the top of the form and
  nothing is mailed or saved;
- the personal-data consent: a form without a ``consent`` field gets the
  tick box (required) added; the notice is linked above the button; when
  the form has a ``consent_record`` field (hidden, server side), the
  purposes, the notice version and the time are stored in it.
"""

from html import escape

from collective.easyform.browser.view import EasyFormForm
from collective.easyform.browser.view import EasyFormFormWrapper
from collective.easyform.config import FORM_ERROR_MARKER
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import field
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy.personal_data import consent as consent_module
from dakto.policy.personal_data.vocabularies import FORM_SUBMISSION


LIMITER = antispam.RateLimiter("easyform", 10, 600)
MAX_REQUEST_BYTES = 12 * 1024 * 1024
CONSENT = "consent"
CONSENT_RECORD = "consent_record"


def consent_record_text():
    record = consent_module.record_consent([FORM_SUBMISSION])
    return f"{','.join(record['purposes'])}; {record['notice_version']}; {record['time']}"


class DaktoEasyFormForm(EasyFormForm):
    form_template = ViewPageTemplateFile("templates/easyform_form.pt")

    def updateFields(self):
        super().updateFields()
        if CONSENT not in self.fields:
            consent = consent_module.consent_field(FORM_SUBMISSION)
            consent.__name__ = CONSENT
            self.fields += field.Fields(consent)

    def processActions(self, fields):
        try:
            antispam.check_request_size(self.request, MAX_REQUEST_BYTES)
            antispam.check_honeypot(self.request)
            LIMITER.hit(self.request)
        except antispam.Refused as refused:
            if refused.status == 429:
                self.request.response.setStatus(429)
            return {FORM_ERROR_MARKER: antispam.refusal_message(self.request, refused)}
        if fields.get(CONSENT) is not True:
            return {
                FORM_ERROR_MARKER: translate(
                    _("Tick the box to agree to the personal-data notice."),
                    context=self.request,
                )
            }
        if CONSENT_RECORD in self.schema:
            fields[CONSENT_RECORD] = consent_record_text()
        return super().processActions(fields)

    def honeypot_html(self):
        return antispam.honeypot_html(self.request)

    def notice_html(self):
        text = translate(
            _(
                "Read the personal-data notice (version ${version})",
                mapping={"version": consent_module.notice_version()},
            ),
            context=self.request,
        )
        return (
            f'<p class="dakto-notice-link"><a href="{escape(consent_module.notice_url())}" '
            f'target="_blank" rel="noopener">{escape(text)}</a></p>'
        )


class DaktoEasyFormView(EasyFormFormWrapper):
    form = DaktoEasyFormForm
