"""Public pages: the feedback form, follow by code, the Q&A; and the staff's
view of one item."""

from AccessControl import Unauthorized
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
from zope.interface import alsoProvides

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy.code_status import CodeStatusView
from dakto.policy.dates import from_iso
from dakto.policy.dates import local_date
from dakto.policy.dates import local_datetime
from dakto.policy.feedback import names
from dakto.policy.feedback import status as status_module
from dakto.policy.feedback import submit
from dakto.policy.feedback.deadlines import step_deadline
from dakto.policy.feedback.vocabularies import PURPOSES
from dakto.policy.feedback.vocabularies import TOPICS
from dakto.policy.personal_data import consent as consent_module
from dakto.policy.personal_data.access import may_see_personal_data
from dakto.policy.personal_data.vocabularies import ANSWER_FEEDBACK
from dakto.policy.personal_data.vocabularies import PUBLISH_NAME


FORM_LIMITER = antispam.RateLimiter("feedback", 10, 600)
CONSENT_PURPOSES = (ANSWER_FEEDBACK, PUBLISH_NAME)
CONSENT_REQUIRED = (ANSWER_FEEDBACK,)


def read_consent(values):
    return consent_module.read_consent(values, CONSENT_PURPOSES, CONSENT_REQUIRED)


def max_request_bytes():
    files = int(submit.settings("max_attachments", 3))
    size = int(submit.settings("max_attachment_kb", 5120)) * 1024
    return files * size + 1024 * 1024


def uploads(value):
    """``[(filename, bytes)]`` of the uploaded files (an empty file input skipped)."""
    if value is None or isinstance(value, str):
        return []
    if not isinstance(value, (list, tuple)):
        value = [value]
    files = []
    for upload in value:
        filename = getattr(upload, "filename", None) or ""
        if not hasattr(upload, "read"):
            continue
        upload.seek(0)
        data = upload.read()
        if filename or data:
            files.append((filename.replace("\\", "/").rsplit("/", 1)[-1], data))
    return files


class FeedbackFormView(BrowserView):
    """``@@gui-phan-anh``: the public form (HTML only, works without JavaScript)."""

    template = ViewPageTemplateFile("templates/form.pt")
    sent_template = ViewPageTemplateFile("templates/sent.pt")

    def staff_intake_url(self):
        """The receivers' intake page, for those who may log feedback
        received off the web (``intake.may_log``); None for everyone else."""
        from dakto.policy.feedback import intake

        if not intake.may_log():
            return None
        return f"{api.portal.get().absolute_url()}/@@{intake.INTAKE_VIEW}"

    def __call__(self):
        self.errors = {}
        self.form_error = None
        self.values = {}
        self.sent = None
        form = self.request.form
        if self.request.method == "POST" and "form.submitted" in form:
            alsoProvides(self.request, IDisableCSRFProtection)
            self.values = {k: form.get(k) for k in (*submit.FIELDS, "topic")}
            self.values = {k: v for k, v in self.values.items() if isinstance(v, str)}
            try:
                antispam.check_request_size(self.request, max_request_bytes())
                antispam.check_honeypot(self.request)
                FORM_LIMITER.hit(self.request)
            except antispam.Refused as refused:
                self.form_error = antispam.refusal_message(self.request, refused)
                self.request.response.setStatus(refused.status if refused.status == 429 else 200)
                return self.template()
            data = {k: form.get(k) for k in (*submit.FIELDS, "topic")}
            files = self.uploaded_files()
            clean, errors = submit.validate(data, files)
            if self.show_errors(
                errors, _("Please correct the fields marked below; nothing was sent yet.")
            ):
                return self.template()
            code, mailed = submit.create_and_commit(
                clean, files, consent_module.record_consent(self.given_consent)
            )
            # only plain values reach the template (never the item itself)
            self.sent = {"code": code, "mailed": mailed}
            return self.sent_template()
        return self.template()

    def show_errors(self, errors, correct):
        """Reads the consent boxes into ``given_consent`` (a refused answer is
        one more of ``errors``); with errors, puts them and ``correct`` (what
        the form says above them) on the form: True, the form is shown again."""
        try:
            self.given_consent = read_consent(self.request.form.get(consent_module.CONSENT_FIELD))
        except antispam.Refused as refused:
            errors["consent"] = refused.message
            self.given_consent = []
        if not errors:
            return False
        self.errors = {k: translate(v, context=self.request) for k, v in errors.items()}
        self.form_error = translate(correct, context=self.request)
        return True

    def uploaded_files(self):
        """The files of the inputs ``attachment_1`` … ``attachment_N``."""
        form = self.request.form
        names_ = sorted(
            (k for k in form if k.startswith("attachment_") and k[11:].isdigit()),
            key=lambda k: int(k[11:]),
        )
        return uploads([form[k] for k in names_])

    def required(self, name):
        return name in submit.required_fields()

    def topics(self):
        return [
            {"value": k, "title": translate(v, context=self.request)} for k, v in TOPICS.items()
        ]

    def consent_html(self):
        return consent_module.consent_html(
            self.request,
            CONSENT_PURPOSES,
            required=CONSENT_REQUIRED,
            checked=getattr(self, "given_consent", ()),
            error=self.errors.get("consent"),
        )

    def honeypot_html(self):
        return antispam.honeypot_html(self.request)

    def limits(self):
        return {
            "files": submit.settings("max_attachments", 3),
            "kb": submit.settings("max_attachment_kb", 5120),
            "types": ", ".join(submit.settings("attachment_types", []) or []),
        }

    def limits_text(self):
        return translate(
            _(
                "At most ${files} files of ${kb} KB each; accepted: ${types}.",
                mapping=self.limits(),
            ),
            context=self.request,
        )

    def form_url(self):
        return f"{api.portal.get().absolute_url()}/@@{names.FORM_VIEW}"

    def status_url(self):
        return submit.status_url(self.sent["code"]) if self.sent else ""


class FeedbackStatusView(CodeStatusView):
    """``@@tra-cuu-phan-anh``: follow one item by its tracking code."""

    template = ViewPageTemplateFile("templates/status.pt")
    status_module = status_module

    @staticmethod
    def not_found(mapping):
        return _(
            "No feedback has the tracking code ${code}. Check the code in "
            "the message you received.",
            mapping=mapping,
        )

    def action_url(self):
        return f"{api.portal.get().absolute_url()}/@@{names.STATUS_VIEW}"


def qa_entries(request, start=0, size=20):
    """The published Q&A (unrestricted: only the public parts are returned)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=names.PORTAL_TYPE,
        review_state=names.PUBLISHED_QA,
        sort_on="modified",
        sort_order="descending",
    )
    entries = []
    for brain in brains[start : start + size]:
        obj = brain._unrestrictedGetObject()
        show_name = consent_module.has_consent(obj.consent, PUBLISH_NAME)
        entries.append(
            {
                "id": f"q-{obj.UID()}",
                "question_title": obj.title,
                "question": obj.content,
                "answer": obj.answer,
                "topic": translate(TOPICS.get(obj.topic, ""), context=request),
                "asked": local_date(obj.created()),
                "answered": local_date(status_module.state_entered(obj, names.ANSWERED)),
                "name": (obj.sender_name or None) if show_name else None,
            }
        )
    return entries, len(brains)


class QAListingView(BrowserView):
    """The Q&A section's listing: question and answer, no personal data."""

    template = ViewPageTemplateFile("templates/qa.pt")
    size = 20

    def __call__(self):
        try:
            self.start = max(0, int(self.request.form.get("b_start", 0)))
        except (TypeError, ValueError):
            self.start = 0
        self.entries, self.total = qa_entries(self.request, self.start, self.size)
        return self.template()

    def previous_url(self):
        if self.start <= 0:
            return None
        return f"{self.context.absolute_url()}?b_start={max(0, self.start - self.size)}"

    def next_url(self):
        if self.start + self.size >= self.total:
            return None
        return f"{self.context.absolute_url()}?b_start={self.start + self.size}"

    def form_url(self):
        return f"{api.portal.get().absolute_url()}/@@{names.FORM_VIEW}"


class FeedbackView(BrowserView):
    """The receivers' view of one item: what was sent, its steps and deadline
    (the sender, consent and attachments only with VIEW_PERSONAL_DATA)."""

    template = ViewPageTemplateFile("templates/feedback.pt")

    def __call__(self):
        return self.template()

    def may_see_personal_data(self):
        return may_see_personal_data(self.context)

    def topic(self):
        return translate(TOPICS.get(self.context.topic, ""), context=self.request)

    def purpose(self):
        value = PURPOSES.get(self.context.purpose)
        return translate(value, context=self.request) if value else ""

    def state_title(self):
        state = api.content.get_state(self.context, default=None)
        return translate(status_module.STATE_TITLES.get(state, state or ""), context=self.request)

    def deadline(self):
        day = step_deadline(self.context)
        if day is None:
            return None
        from dakto.policy.editorial_board.deadlines import today

        return {"date": local_date(day), "late": day < today()}

    def recipient(self):
        from dakto.policy.feedback.events import recipient_object

        obj = recipient_object(self.context)
        return obj.Title() if obj is not None else ""

    def history(self):
        rows = []
        for entry in status_module.history(self.context):
            state = entry.get("review_state")
            rows.append(
                {
                    "state": translate(
                        status_module.STATE_TITLES.get(state, state or ""), context=self.request
                    ),
                    "actor": entry.get("actor") or "",
                    "time": local_datetime(entry.get("time")),
                    "comments": entry.get("comments") or "",
                }
            )
        return rows

    def progress_notices(self):
        from dakto.policy.feedback.deadlines import progress_notices

        return [
            {
                "time": local_datetime(n["time"]),
                "actor": n.get("actor") or "",
                "text": n["text"],
                "expected": local_date(n["expected"]),
            }
            for n in progress_notices(self.context)
        ]

    def unit_draft(self):
        """The unit's draft answer waiting for the board, or None."""
        from dakto.policy.feedback import unit_answer

        draft = unit_answer.draft(self.context)
        if not draft or api.content.get_state(self.context, default=None) != names.FORWARDED:
            return None
        return {
            "text": draft.get("text"),
            "by": draft.get("by"),
            "unit": draft.get("unit"),
            "time": local_datetime(draft.get("time")),
            "review_url": f"{self.context.absolute_url()}/@@{unit_answer.REVIEW_VIEW}",
        }

    def unit_link(self):
        """The unit's open answer link, for the receivers to pass on (phone,
        Zalo) when the unit has no e-mail address; None otherwise."""
        from dakto.policy.feedback import unit_answer

        if api.content.get_state(self.context, default=None) != names.FORWARDED:
            return None
        if not api.user.has_permission("Review portal content", obj=self.context):
            return None
        return unit_answer.current_link(self.context)

    def may_send_notice(self):
        from dakto.policy.feedback.progress import NOTICE_STATES

        return api.content.get_state(self.context, default=None) in NOTICE_STATES and (
            api.user.has_permission("Review portal content", obj=self.context)
        )

    def consent(self):
        record = self.context.consent or {}
        return {
            "purposes": [
                translate(consent_module.PURPOSES[p], context=self.request)
                for p in record.get("purposes") or ()
                if p in consent_module.PURPOSES
            ],
            "version": record.get("notice_version", ""),
            "time": local_datetime(from_iso(record.get("time"))),
        }

    def attachments(self):
        return [
            {
                "name": a.filename,
                "url": f"{self.context.absolute_url()}/@@feedback-attachment?i={index}",
                "size": size_text(a.getSize()),
            }
            for index, a in enumerate(self.context.attachments or ())
        ]


def size_text(size):
    """An attachment's size as the pages show it (whole KB, rounded up)."""
    return f"{(size or 0) // 1024 + 1} KB"


class AttachmentView(BrowserView):
    """Download one attachment (the item's View and VIEW_PERSONAL_DATA)."""

    def __call__(self):
        if not may_see_personal_data(self.context):
            raise Unauthorized("feedback attachments")
        return download(self.context, self.request.form.get("i"), self.request.response)


def download(obj, index, response):
    """Stream the item's attachment ``index`` (404 when there is none)."""
    from plone.namedfile.utils import set_headers
    from plone.namedfile.utils import stream_data

    from dakto.policy.feedback.unit_answer import attachment

    found = attachment(obj, index)
    if found is None:
        response.setStatus(404)
        return ""
    set_headers(found, response, filename=found.filename)
    return stream_data(found)


class ProgressNoticeView(BrowserView):
    """``@@thong-bao-tien-do``: tell the citizen the matter is being handled
    and when to expect the answer (``progress.py``; Review portal content)."""

    template = ViewPageTemplateFile("templates/progress.pt")

    def __call__(self):
        from plone.protect import CheckAuthenticator

        from dakto.policy.feedback import progress

        self.errors = {}
        self.values = {}
        form = self.request.form
        if self.request.method == "POST" and "form.submitted" in form:
            CheckAuthenticator(self.request)
            self.values = {k: form.get(k) for k in ("text", "expected")}
            clean, errors = progress.validate(self.context, form.get("text"), form.get("expected"))
            if errors:
                self.errors = {k: translate(v, context=self.request) for k, v in errors.items()}
                self.request.response.setStatus(400)
            else:
                mailed = progress.add(self.context, clean["text"], clean["expected"])
                message = (
                    _("The progress notice was saved and mailed to the sender.")
                    if mailed
                    else _("The progress notice was saved; it was not mailed (no e-mail address).")
                )
                api.portal.show_message(message, request=self.request)
                self.request.response.redirect(f"{self.context.absolute_url()}/@@feedback-view")
                return ""
        return self.template()

    def value(self, name):
        value = self.values.get(name)
        return value if isinstance(value, str) else ""

    def answer_due(self):
        from dakto.policy.feedback.deadlines import answer_deadline

        return local_date(answer_deadline(self.context))


class IntakeView(FeedbackFormView):
    """``@@tiep-nhan-phan-anh``: the receivers log feedback received in
    person, by phone, by letter or by Zalo (``intake.py``;
    permission dakto.policy.AddFeedback), then print its receipt."""

    template = ViewPageTemplateFile("templates/intake.pt")
    sent_template = ViewPageTemplateFile("templates/intake_sent.pt")

    def __call__(self):
        from plone.protect import CheckAuthenticator

        from dakto.policy.feedback import intake

        self.errors = {}
        self.form_error = None
        self.values = {intake.DATE_RECEIVED: today_iso()}
        self.sent = None
        form = self.request.form
        if self.request.method == "POST" and "form.submitted" in form:
            CheckAuthenticator(self.request)
            keys = (*submit.FIELDS, "topic", *intake.STAFF_FIELDS)
            self.values = {k: form.get(k) for k in keys if isinstance(form.get(k), str)}
            try:
                antispam.check_request_size(self.request, max_request_bytes())
            except antispam.Refused as refused:
                self.form_error = antispam.refusal_message(self.request, refused)
                self.request.response.setStatus(400)
                return self.template()
            files = self.uploaded_files()
            clean, errors = submit.validate(self.values, files)
            logged, staff_errors = intake.staff_fields(self.values, desk=True)
            errors.update(staff_errors)
            if self.show_errors(
                errors, _("Please correct the fields marked below; nothing was saved yet.")
            ):
                self.request.response.setStatus(400)
                return self.template()
            code, mailed = submit.create_and_commit(
                clean, files, consent_module.record_consent(self.given_consent), **logged
            )
            obj = status_module.find(code)
            self.sent = {
                "code": code,
                "mailed": mailed,
                "url": obj.absolute_url(),
                "receipt_url": f"{obj.absolute_url()}/@@giay-bien-nhan",
            }
            return self.sent_template()
        return self.template()

    def channels(self):
        from dakto.policy.feedback import intake
        from dakto.policy.feedback.vocabularies import CHANNELS

        return [
            {"value": k, "title": translate(CHANNELS[k], context=self.request)}
            for k in intake.DESK_CHANNELS
        ]

    def date_limits(self):
        from dakto.policy.dates import today
        from dakto.policy.feedback import intake

        return {"min": intake.earliest().isoformat(), "max": today().isoformat()}

    def form_url(self):
        from dakto.policy.feedback import intake

        return f"{api.portal.get().absolute_url()}/@@{intake.INTAKE_VIEW}"

    def required(self, name):
        return name in submit.required_fields()


def today_iso():
    from dakto.policy.dates import today

    return today().isoformat()


class UnitAnswerView(BrowserView):
    """``@@tra-loi-phan-anh?t=<signed token>``: the unit or person the
    feedback was forwarded to writes the answer without a portal account
    (``unit_answer.py``); the board reviews it before the citizen sees it."""

    template = ViewPageTemplateFile("templates/unit_answer.pt")
    done_template = ViewPageTemplateFile("templates/unit_answer_done.pt")
    error_template = ViewPageTemplateFile("templates/unit_link_error.pt")

    def __call__(self):
        from dakto.policy.feedback import unit_answer

        response = self.request.response
        unit_answer.keep_private(response)
        self.errors = {}
        self.values = {}
        form = self.request.form
        self.token = form.get("t") if isinstance(form.get("t"), str) else ""
        try:
            obj = unit_answer.check(self.token)
        except unit_answer.LinkRefused as refused:
            return self.refuse(refused)
        self.item = obj
        if self.request.method == "GET" and unit_answer.ATTACHMENT_PARAM in form:
            return download(obj, form.get(unit_answer.ATTACHMENT_PARAM), response)
        if self.request.method == "POST" and "form.submitted" in form:
            alsoProvides(self.request, IDisableCSRFProtection)  # the token is the key
            self.values = {k: form.get(k) for k in ("answer", "by") if isinstance(form.get(k), str)}
            errors = unit_answer.answer(obj, form.get("answer"), form.get("by"))
            if errors:
                self.errors = {k: translate(v, context=self.request) for k, v in errors.items()}
                response.setStatus(400)
                return self.template()
            return self.done_template()
        return self.template()

    def refuse(self, refused):
        self.request.response.setStatus(refused.status)
        self.message = {
            "title": translate(refused.title, context=self.request),
            "text": translate(refused.text, context=self.request),
        }
        return self.error_template()

    def info(self):
        from dakto.policy.feedback import unit_answer

        found = unit_answer.readable(self.item)
        return {
            **found,
            "topic": translate(TOPICS.get(found["topic"], ""), context=self.request),
            "received": local_date(found["received"]),
            "due": local_date(found["due"]),
            "attachments": [
                {
                    "name": name,
                    "url": unit_answer.attachment_link(self.token, index),
                    "size": size_text(size),
                }
                for index, name, size in found["attachments"]
            ],
        }

    def value(self, name):
        value = self.values.get(name)
        return value if isinstance(value, str) else ""

    def action_url(self):
        from dakto.policy.feedback.unit_answer import ANSWER_VIEW

        return f"{api.portal.get().absolute_url()}/@@{ANSWER_VIEW}"


class ReviewUnitAnswerView(BrowserView):
    """``@@duyet-tra-loi``: the board approves the unit's draft answer (it is
    then mailed to the citizen and shown on the follow-up page) or sends it
    back with a note (Review portal content; ``unit_answer.py``)."""

    template = ViewPageTemplateFile("templates/review_unit_answer.pt")

    def __call__(self):
        from plone.protect import CheckAuthenticator

        from dakto.policy.feedback import unit_answer

        self.errors = {}
        self.draft = unit_answer.draft(self.context)
        form = self.request.form
        # the buttons form.approve and form.send_back (unit_answer.APPROVE, SEND_BACK)
        action = next((a for a in unit_answer.REVIEWED if f"form.{a}" in form), None)
        if self.request.method == "POST" and self.draft is not None and action:
            CheckAuthenticator(self.request)
            errors = unit_answer.review(
                self.context, action, text=form.get("answer"), note=form.get("note")
            )
            if not errors:
                api.portal.show_message(unit_answer.REVIEWED[action], request=self.request)
                self.request.response.redirect(f"{self.context.absolute_url()}/@@feedback-view")
                return ""
            self.errors = {k: translate(v, context=self.request) for k, v in errors.items()}
            self.request.response.setStatus(400)
        return self.template()

    def answered(self):
        return local_datetime(self.draft.get("time")) if self.draft else ""
