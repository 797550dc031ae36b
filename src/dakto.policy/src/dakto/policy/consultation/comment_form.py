"""The public comment form of a draft, its moderation page and the export.

- ``@@draft-comments``: the block shown on the draft's page (approved
  comments, and the form while the period is open);
- ``@@draft-comment``: where the form posts (a full page with the block,
  its messages at the fields, or the thank-you note);
- ``@@draft-comments-moderation``: the board's list of every comment, with
  approve / reject buttons;
- ``@@draft-comments-export?format=ods|csv``: every comment, Vietnamese headers.

Need-to-know (Luật 91/2025): the moderators (Review portal content) see and
export the comments; the commenters' e-mails and consent records only who
also holds ``personal_data.interfaces.VIEW_PERSONAL_DATA`` (the
administrators, the feedback receivers): the others get no e-mail column.
"""

from plone import api
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest
from zope.i18n import translate
from zope.interface import alsoProvides

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy import spreadsheets
from dakto.policy.consultation import comments as store
from dakto.policy.consultation.period import Period
from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_date
from dakto.policy.dates import local_datetime
from dakto.policy.lookup_service import single
from dakto.policy.personal_data import consent as consent_module
from dakto.policy.personal_data.access import may_see_personal_data
from dakto.policy.personal_data.vocabularies import COMMENT_DRAFT


LIMITER = antispam.RateLimiter("draft-comments", 5, 600)
CONSENT_PURPOSES = (COMMENT_DRAFT,)


def read_consent(values):
    return consent_module.read_consent(values, CONSENT_PURPOSES, CONSENT_PURPOSES)


def check_abuse(request, data=None):
    """Size, honeypot and rate: ``antispam.Refused`` when one fails."""
    antispam.check_request_size(request, store.MAX_REQUEST_BYTES)
    antispam.check_honeypot(request, data)
    LIMITER.hit(request)


def submit(draft, request, data, consent_values):
    """``(comment, errors, refusal)`` for one submission (HTML or REST).

    ``refusal``: a ``Refused`` (period closed, spam, rate, size); ``errors``:
    {field: i18n message}. Nothing is stored unless both are empty.
    """
    message = store.period_refusal(draft)
    if message:
        return None, {}, antispam.Refused(message, status=403, kind="CommentPeriodClosed")
    try:
        check_abuse(request, data)
    except antispam.Refused as refused:
        return None, {}, refused
    clean, errors = store.validate(data)
    try:
        given = read_consent(consent_values)
    except antispam.Refused as refused:
        errors["consent"] = refused.message
        given = None
    if errors:
        return None, errors, None
    comment = store.add(draft, clean, consent_module.record_consent(given))
    return comment, {}, None


class CommentsBlock(BrowserView):
    """``@@draft-comments``: approved comments and, while open, the form."""

    block = ViewPageTemplateFile("templates/comments_block.pt")

    errors = {}
    values = {}
    form_error = None
    sent = False
    given_consent = ()

    def __call__(self):
        return self.block()

    @property
    def period(self):
        return Period(self.context)

    def approved(self):
        return [
            {
                "id": c.id,
                "name": store.public_name(c),
                "article": c.article,
                "text": c.text,
                "date": local_datetime(c.created),
                "iso": iso_datetime(c.created),
            }
            for c in store.comments(self.context, states=(store.APPROVED,))
        ]

    def consent_html(self):
        return consent_module.consent_html(
            self.request,
            CONSENT_PURPOSES,
            required=CONSENT_PURPOSES,
            checked=self.given_consent,
            error=self.errors.get("consent"),
        )

    def honeypot_html(self):
        return antispam.honeypot_html(self.request)

    def action_url(self):
        return f"{self.context.absolute_url()}/@@draft-comment"

    def limits(self):
        return {name: spec[0] for name, spec in store.FIELDS.items()}

    def can_moderate(self):
        return api.user.has_permission("Review portal content", obj=self.context)

    def closed_message(self):
        message = store.period_refusal(self.context)
        return translate(message, context=self.request) if message else None


class CommentPost(CommentsBlock):
    """``@@draft-comment``: receive the form (POST); GET goes back to the draft."""

    page = ViewPageTemplateFile("templates/comment_page.pt")

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(
                f"{self.context.absolute_url()}#draft-comment-form"
            )
        alsoProvides(self.request, IDisableCSRFProtection)
        form = self.request.form
        self.values = {k: form.get(k) for k in store.FIELDS if isinstance(form.get(k), str)}
        data = {k: form.get(k) for k in store.FIELDS}
        comment, errors, refused = submit(
            self.context, self.request, data, form.get(consent_module.CONSENT_FIELD)
        )
        if refused is not None:
            self.form_error = antispam.refusal_message(self.request, refused)
            self.request.response.setStatus(refused.status)
        elif errors:
            self.errors = {k: translate(v, context=self.request) for k, v in errors.items()}
            self.form_error = translate(
                _("Please correct the fields marked below; your comment was not sent yet."),
                context=self.request,
            )
            self.given_consent = [v for v in (form.get("consent") or ()) if v in CONSENT_PURPOSES]
            self.request.response.setStatus(400)
        else:
            self.sent = True
            self.values = {}
        return self.page()


class ModerationView(BrowserView):
    """``@@draft-comments-moderation``: every comment; approve or reject."""

    template = ViewPageTemplateFile("templates/comments_moderation.pt")

    def __call__(self):
        self.message = None
        form = self.request.form
        if self.request.method == "POST" and form.get("comment_id"):
            CheckAuthenticator(self.request)
            comment = store.get(self.context, single(form.get("comment_id")))
            state = single(form.get("state"))
            if comment is None or state not in store.STATES:
                raise BadRequest("Unknown comment or state")
            store.moderate(
                self.context,
                comment,
                state,
                api.user.get_current().getId(),
                single(form.get("note"))[:500],
            )
            self.message = translate(
                _("The comment is now: ${state}.", mapping={"state": store.STATES[state]}),
                context=self.request,
            )
        return self.template()

    def rows(self):
        contact = may_see_personal_data(self.context)
        return [
            {
                "id": c.id,
                "date": local_datetime(c.created),
                "name": c.name or "",
                "email": (c.email or "") if contact else "",
                "organisation": c.organisation or "",
                "article": c.article or "",
                "text": c.text,
                "state": c.state,
                "state_title": translate(store.STATES[c.state], context=self.request),
            }
            for c in store.comments(self.context)
        ]

    def export_url(self, format):
        return f"{self.context.absolute_url()}/@@draft-comments-export?format={format}"


EMAIL_HEADER = "Thư điện tử"
HEADER = (
    "STT",
    "Ngày giờ gửi",
    "Họ và tên",
    EMAIL_HEADER,
    "Cơ quan, tổ chức",
    "Điều khoản góp ý",
    "Nội dung góp ý",
    "Trạng thái",
)
STATE_VI = {store.PENDING: "Chờ duyệt", store.APPROVED: "Đã duyệt", store.REJECTED: "Từ chối"}
EXPORT_FORMATS = {"ods": spreadsheets.ODS_MIMETYPE, "csv": spreadsheets.CSV_MIMETYPE}


def export_header(contact):
    """The columns; without ``contact`` (VIEW_PERSONAL_DATA) no e-mail."""
    return [name for name in HEADER if contact or name != EMAIL_HEADER]


def export_rows(draft, contact=True):
    email_column = HEADER.index(EMAIL_HEADER)
    return [
        row if contact else row[:email_column] + row[email_column + 1 :] for row in _all_rows(draft)
    ]


def _all_rows(draft):
    return [
        [
            index,
            local_datetime(c.created),
            c.name or "",
            c.email or "",
            c.organisation or "",
            c.article or "",
            c.text,
            STATE_VI[c.state],
        ]
        for index, c in enumerate(store.comments(draft), start=1)
    ]


def export_table(draft, contact=True):
    period = Period(draft)
    return spreadsheets.Table(
        name="Góp ý",
        heading=[
            "Tổng hợp ý kiến góp ý dự thảo",
            draft.Title(),
            f"Thời gian lấy ý kiến: {local_date(period.opens)} - {local_date(period.closes)}",
        ],
        header=export_header(contact),
        rows=export_rows(draft, contact),
    )


def to_csv(draft, contact=True):
    return spreadsheets.to_csv(export_header(contact), export_rows(draft, contact))


def export_file(draft, format, response):
    """Write the export as ``format`` (ods or csv) into ``response``; the bytes.

    The e-mails only for the current user with VIEW_PERSONAL_DATA on the draft."""
    filename = f"gop-y-{draft.getId()}"
    contact = may_see_personal_data(draft)
    if format == "ods":
        return spreadsheets.export("ods", filename, export_table(draft, contact), response=response)
    data = to_csv(draft, contact)
    response.setHeader("Content-Type", EXPORT_FORMATS["csv"])
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}.csv"')
    response.setHeader("Content-Length", str(len(data)))
    return data


def bad_format(request, format):
    return translate(
        _(
            "Unknown value '${value}' for ${name}; accepted: ${allowed}.",
            mapping={"value": format, "name": "format", "allowed": ", ".join(EXPORT_FORMATS)},
        ),
        context=request,
    )


class ExportView(BrowserView):
    """``@@draft-comments-export?format=ods|csv``."""

    def __call__(self):
        format = single(self.request.form.get("format")) or "ods"
        if format not in EXPORT_FORMATS:
            raise BadRequest(bad_format(self.request, format))
        return export_file(self.context, format, self.request.response)
