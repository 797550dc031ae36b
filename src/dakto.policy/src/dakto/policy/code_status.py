"""The shared base of the follow-up pages a citizen opens with a code
(feedback's ``@@tra-cuu-phan-anh``, the information requests'
``@@tra-cuu-yeu-cau-thong-tin``): the code as typed, the status it finds, or
a message (too many lookups: the antispam's answer; no such code: 404); and
their lookup of a code (:func:`lookup`, the page and REST share it)."""

from Products.Five.browser import BrowserView
from zope.i18n import translate
from zope.i18nmessageid import Message

from dakto.policy import antispam
from dakto.policy.dates import from_iso
from dakto.policy.dates import local_date
from dakto.policy.dates import local_datetime
from dakto.policy.lookup_service import single


MAX_CODE = 40


def lookup(request, raw_code, *, limiter, normalise, find, not_a_code, not_found):
    """What ``find(code)`` returns for ``raw_code`` once ``normalise``d (None
    when it cannot be a code). Every attempt counts for ``limiter``
    (``antispam.Refused``, 429); a code that cannot be one is refused (400,
    ``not_a_code``: a message with ``${code}``, the text as typed cut to
    ``MAX_CODE``); ``not_found`` (an exception class) when nothing has it."""
    limiter.hit(request)
    code = normalise(raw_code)
    if code is None:
        shown = (str(raw_code) if raw_code is not None else "")[:MAX_CODE]
        raise antispam.Refused(
            Message(not_a_code, mapping={"code": shown}),
            status=400,
            field="code",
            kind="MalformedCode",
        )
    found = find(code)
    if found is None:
        raise not_found(code)
    return found


class CodeStatusView(BrowserView):
    """A subclass names ``template``, ``status_module`` (``lookup(request,
    code)`` raising ``NotFound``, ``status_info(obj, request)``) and
    ``not_found`` (a message with ``${code}``)."""

    template = None
    status_module = None
    not_found = None

    def __call__(self):
        self.error = None
        self.info = None
        # ?code=a&code=b is a list: its first, never an error page.
        self.code = single(self.request.form.get("code"))[:MAX_CODE]
        if self.code:
            try:
                found = self.status_module.lookup(self.request, self.code)
            except antispam.Refused as refused:
                self.error = antispam.refusal_message(self.request, refused)
                self.request.response.setStatus(refused.status)
            except self.status_module.NotFound:
                self.error = translate(
                    self.not_found(mapping={"code": self.code}), context=self.request
                )
                self.request.response.setStatus(404)
            else:
                self.info = self.status_module.status_info(found, self.request)
        return self.template()

    def when(self, iso):
        return local_datetime(from_iso(iso))

    def day(self, iso):
        return local_date(from_iso(iso))
