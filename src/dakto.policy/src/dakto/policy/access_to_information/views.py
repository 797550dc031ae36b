"""The request form, the board's list of requests and the list of
information published proactively (Luật Tiếp cận thông tin 2016).

- ``@@yeu-cau-cung-cap-thong-tin`` (on the section): the form with the
  contents of Luật TCTT Art. 24.2 (NĐ 13/2018 Art. 5), a plain POST form
  (honeypot, size and rate limit like the other public forms); the receipt
  shows the request's code and deadline, and mails them (``notify``);
- ``@@tra-cuu-yeu-cau-thong-tin`` (on the section, public): follow a request
  by its code (``status``), without the requester's personal data;
- ``@@information-requests`` (Review portal content): every request, its
  state, deadline, the steps (processing, answered, refused with a reason)
  and the one extension. Need-to-know: the requester's personal data only
  for who holds ``VIEW_PERSONAL_DATA``;
- viewlet ``dakto.public-information-list`` on the section's page: the
  "Danh mục thông tin công khai", made from the catalog (published items
  per section of the site).
"""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zope.i18n import translate
from zope.interface import alsoProvides

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy.access_to_information import actions
from dakto.policy.access_to_information import notify
from dakto.policy.access_to_information import requests as store
from dakto.policy.access_to_information import status as status_module
from dakto.policy.code_status import CodeStatusView
from dakto.policy.dates import local_date
from dakto.policy.dates import local_datetime
from dakto.policy.dates import today
from dakto.policy.lookup_service import single
from dakto.policy.personal_data.access import may_see_personal_data
from dakto.policy.personal_data.consent import notice_url


LIMITER = antispam.RateLimiter("information-requests", 5, 600)


def _is_section(context):
    portal = api.portal.get()
    target = store.section(portal)
    return target is not None and context is not None and aq_same(context, target)


def aq_same(a, b):
    return a.getPhysicalPath() == b.getPhysicalPath()


class RequestForm(BrowserView):
    """``@@yeu-cau-cung-cap-thong-tin``."""

    template = ViewPageTemplateFile("templates/request_form.pt")
    errors = {}
    values = {}
    form_error = None
    sent = None

    def __call__(self):
        if not _is_section(self.context):
            raise NotFound(self.context, self.__name__, self.request)
        if self.request.method == "POST":
            alsoProvides(self.request, IDisableCSRFProtection)
            self.receive()
        return self.template()

    def receive(self):
        form = self.request.form
        self.values = {
            k: form.get(k) for k in (*store.FIELDS, "delivery") if isinstance(form.get(k), str)
        }
        try:
            antispam.check_request_size(self.request, store.MAX_REQUEST_BYTES)
            antispam.check_honeypot(self.request)
            LIMITER.hit(self.request)
        except antispam.Refused as refused:
            self.form_error = antispam.refusal_message(self.request, refused)
            self.request.response.setStatus(refused.status)
            return
        clean, errors = store.validate({k: form.get(k) for k in (*store.FIELDS, "delivery")})
        if errors:
            self.errors = {k: translate(v, context=self.request) for k, v in errors.items()}
            self.form_error = translate(
                _("Please correct the fields marked below; your request was not sent yet."),
                context=self.request,
            )
            self.request.response.setStatus(400)
            return
        request, mailed = actions.submit(self.context, clean, self.request)
        self.sent = {
            "code": request.code,
            "deadline": local_date(store.deadline(request)),
            "mailed": mailed,
            "status_url": notify.status_url(request.code),
        }
        self.values = {}

    def fields(self):
        return [
            {
                "name": name,
                "label": translate(label, context=self.request),
                "max": length,
                "required": required,
                "single": single,
                "error": self.errors.get(name),
                "value": self.values.get(name, ""),
            }
            for name, (length, label, required, single) in store.FIELDS.items()
        ]

    def deliveries(self):
        return [
            {
                "value": key,
                "label": translate(label, context=self.request),
                "checked": self.values.get("delivery") == key,
            }
            for key, label in store.DELIVERY.items()
        ]

    def honeypot_html(self):
        return antispam.honeypot_html(self.request)

    def notice_url(self):
        return notice_url()

    def answer_days(self):
        return store.ANSWER_DAYS


class RequestsView(BrowserView):
    """``@@information-requests``: the board's list."""

    template = ViewPageTemplateFile("templates/requests.pt")
    message = None
    error = None

    def __call__(self):
        if not _is_section(self.context):
            raise NotFound(self.context, self.__name__, self.request)
        form = self.request.form
        if self.request.method == "POST" and form.get("code"):
            CheckAuthenticator(self.request)
            request = store.get(self.context, single(form.get("code")))
            if request is None:
                self.request.response.setStatus(404)
                self.error = translate(_("No request has this code."), context=self.request)
                return self.template()
            actor = api.user.get_current().getId()
            try:
                actions.take_step(
                    request, single(form.get("step")), actor, single(form.get("note")), self.request
                )
            except store.TransitionError as error:
                self.error = translate(error.args[0], context=self.request)
                self.request.response.setStatus(400)
            else:
                self.message = translate(
                    _("The request ${code} was updated.", mapping={"code": request.code}),
                    context=self.request,
                )
        return self.template()

    def rows(self):
        personal = may_see_personal_data(self.context)
        day = today()
        rows = []
        for r in store.all_requests(self.context):
            rows.append(
                {
                    "code": r.code,
                    "received": local_datetime(r.created),
                    "deadline": local_date(store.deadline(r)),
                    "late": store.is_late(r, day),
                    "state": r.state,
                    "state_title": translate(store.STATES[r.state], context=self.request),
                    "steps": [
                        {"value": s, "label": translate(store.STATES[s], context=self.request)}
                        for s in store.TRANSITIONS[r.state]
                    ],
                    "can_extend": r.state not in store.FINAL and not r.extended_days,
                    "information": r.information,
                    "purpose": r.purpose,
                    "delivery": translate(
                        store.DELIVERY.get(r.delivery, r.delivery or ""), context=self.request
                    ),
                    "requester": (
                        ", ".join(
                            v for v in (r.name, r.id_number, r.residence, r.phone, r.email) if v
                        )
                        if personal
                        else None
                    ),
                    "history": [
                        {"time": local_datetime(h["time"]), "state": h["state"], "note": h["note"]}
                        for h in r.history
                    ],
                }
            )
        return rows


class StatusView(CodeStatusView):
    """``@@tra-cuu-yeu-cau-thong-tin``: follow a request by its code."""

    template = ViewPageTemplateFile("templates/status.pt")
    status_module = status_module

    @staticmethod
    def not_found(mapping):
        return _(
            "No request for information has the code ${code}. Check the code "
            "on your receipt or in the mail you received.",
            mapping=mapping,
        )

    def __call__(self):
        if not _is_section(self.context):
            raise NotFound(self.context, self.__name__, self.request)
        status_module.keep_private(self.request.response)
        return super().__call__()

    def action_url(self):
        return f"{self.context.absolute_url()}/@@{store.STATUS_VIEW}"


class PublicInformationViewlet(ViewletBase):
    """ "Danh mục thông tin công khai" on the section's page, from the catalog."""

    index = ViewPageTemplateFile("templates/public_information.pt")
    LATEST = 5

    def available(self):
        return _is_section(self.context)

    def render(self):
        return self.index() if self.available() else ""

    def sections(self):
        portal = api.portal.get()
        catalog = api.portal.get_tool("portal_catalog")
        result = []
        for folder in portal.contentValues():
            if folder.portal_type != "Folder" or getattr(folder, "exclude_from_nav", False):
                continue
            path = "/".join(folder.getPhysicalPath())
            query = {
                "path": {"query": path, "depth": -1},
                "review_state": "published",
                "is_folderish": False,
                "sort_on": "effective",
                "sort_order": "descending",
            }
            brains = catalog(**query)
            if not len(brains):
                continue
            result.append(
                {
                    "title": folder.Title(),
                    "url": folder.absolute_url(),
                    "count": len(brains),
                    "latest": [
                        {"title": b.Title, "url": b.getURL(), "date": local_date(b.effective)}
                        for b in brains[: self.LATEST]
                    ],
                }
            )
        return result

    def form_url(self):
        return f"{self.context.absolute_url()}/@@yeu-cau-cung-cap-thong-tin"
