"""REST (Luật Tiếp cận thông tin 2016):

- ``POST @information-request`` (anonymous): a request with the form's
  fields; 201 with its code and deadline; 400 with the reasons per field;
  413 too large; 429 too many;
- ``GET @information-request-status?code=`` (or ``/<code>``, public): the
  request's public status (``status.status_info``): no personal data;
- ``GET @information-requests`` (Review portal content): every request with
  its state, deadline and steps; the requester's details only for who holds
  *View personal data*;
- ``POST @information-requests/<code>`` (Review portal content):
  ``{"step": "processing" | "answered" | "refused" | "extend", "note"}``.
"""

from plone import api
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import antispam
from dakto.policy import rest
from dakto.policy.access_to_information import actions
from dakto.policy.access_to_information import notify
from dakto.policy.access_to_information import requests as store
from dakto.policy.access_to_information import status as status_module
from dakto.policy.access_to_information.views import LIMITER
from dakto.policy.dates import iso_datetime
from dakto.policy.dates import today
from dakto.policy.personal_data.access import may_see_personal_data


def _section():
    return store.section(api.portal.get())


def _no_section(request):
    return rest.error(
        request, 404, "NotFound", _("This site has no access-to-information section.")
    )


class InformationRequestPost(rest.TraversingService):
    def reply(self):
        rest.allow_write(self.request)
        section = _section()
        if section is None:
            return _no_section(self.request)
        try:
            antispam.check_request_size(self.request, store.MAX_REQUEST_BYTES)
            data = rest.json_object(self.request)
            if data is None:
                return rest.bad_request(self.request, {"body": _("Send a JSON object.")})
            antispam.check_honeypot(self.request, data)
            LIMITER.hit(self.request)
        except antispam.Refused as refused:
            return antispam.refusal_response(self.request, refused)
        clean, errors = store.validate({k: data.get(k) for k in (*store.FIELDS, "delivery")})
        if errors:
            return rest.bad_request(self.request, errors)
        info_request, mailed = actions.submit(section, clean, self.request)
        self.request.response.setStatus(201)
        return {
            "code": info_request.code,
            "deadline": store.deadline(info_request).isoformat(),
            "status_url": (
                f"{api.portal.get().absolute_url()}/@information-request-status"
                f"?code={info_request.code}"
            ),
            "follow_up_page": notify.status_url(info_request.code),
            # True when the mail with the code was queued for the requester
            "mailed": mailed,
        }


class InformationRequestStatusGet(rest.TraversingService):
    def reply(self):
        raw = self.params[0] if len(self.params) == 1 else self.request.form.get("code")
        status_module.keep_private(self.request.response)
        try:
            found = status_module.lookup(self.request, raw if raw is not None else "")
        except antispam.Refused as refused:
            return antispam.refusal_response(self.request, refused)
        except status_module.NotFound:
            return rest.error(
                self.request, 404, "NotFound", _("No request for information has this code.")
            )
        return status_module.status_info(found, self.request)


def staff_item(info_request, request, personal, day):
    item = status_module.status_info(info_request, request) | {
        "late": store.is_late(info_request, day),
        "information": info_request.information,
        "purpose": info_request.purpose,
        "delivery": info_request.delivery,
        "steps": list(store.TRANSITIONS[info_request.state])
        + (
            [actions.EXTEND]
            if info_request.state not in store.FINAL and not info_request.extended_days
            else []
        ),
        "history": [
            {
                "status": h["state"],
                "date": iso_datetime(h["time"]),
                "actor": h["actor"],
                "note": h["note"],
            }
            for h in info_request.history
        ],
    }
    if personal:
        item["requester"] = {name: getattr(info_request, name, None) for name in store.PERSONAL}
    return item


class InformationRequestsGet(rest.TraversingService):
    def reply(self):
        section = _section()
        if section is None:
            return _no_section(self.request)
        personal = may_see_personal_data(section)
        day = today()
        items = [staff_item(r, self.request, personal, day) for r in store.all_requests(section)]
        return {"items_total": len(items), "items": items}


class InformationRequestsPost(rest.TraversingService):
    def reply(self):
        rest.allow_write(self.request)
        section = _section()
        if section is None:
            return _no_section(self.request)
        if len(self.params) != 1:
            return rest.bad_request(
                self.request, {"code": _("Name the request: @information-requests/<code>.")}
            )
        found = store.get(section, store.normalise_code(self.params[0]))
        if found is None:
            return rest.error(
                self.request, 404, "NotFound", _("No request for information has this code.")
            )
        data = rest.json_object(self.request)
        if data is None:
            return rest.bad_request(self.request, {"body": _("Send a JSON object.")})
        step = data.get("step")
        if step not in actions.STEPS:
            return rest.bad_request(
                self.request,
                {
                    "step": _(
                        "Unknown step '${step}'; accepted: ${allowed}.",
                        mapping={"step": str(step)[:40], "allowed": ", ".join(actions.STEPS)},
                    )
                },
            )
        note = data.get("note") if isinstance(data.get("note"), str) else ""
        try:
            mailed = actions.take_step(
                found, step, api.user.get_current().getId(), note, self.request
            )
        except store.TransitionError as error:
            return rest.error(self.request, 400, "StepNotPossible", error.args[0])
        item = staff_item(found, self.request, may_see_personal_data(section), today())
        item["mailed"] = mailed
        item["message"] = translate(
            _("The request ${code} was updated.", mapping={"code": found.code}),
            context=self.request,
        )
        return item
