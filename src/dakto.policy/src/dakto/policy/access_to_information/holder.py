"""Requests for information as a holder of personal data (name, date of
birth, ID number, residence, phone, e-mail).

A record's uid is the request's code. A request is "closed" once answered
or refused; the purge erases the personal data of requests closed before
the retention limit (the request itself, its text and steps, stay).
"""

from plone import api
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.access_to_information import requests as store
from dakto.policy.personal_data.holders import normalise_email
from dakto.policy.personal_data.holders import normalise_phone
from dakto.policy.personal_data.interfaces import IPersonalDataHolder


def _section():
    return store.section(api.portal.get())


def _record(section, request):
    return {
        "uid": request.code,
        "url": f"{section.absolute_url()}/@@information-requests#request-{request.code}",
        "title": request.code,
        "created": request.created.isoformat(timespec="seconds"),
        "state": request.state,
        "data": {
            **{name: getattr(request, name, None) or "" for name in store.PERSONAL},
            "information": request.information or "",
            "purpose": request.purpose or "",
        },
        "consent": None,  # processed under the law (Luật TCTT), not by consent
    }


def erase_personal_data(request):
    for name in store.PERSONAL:
        setattr(request, name, None)
    request.erased = True


@implementer(IPersonalDataHolder)
class InformationRequestsHolder:
    title = _("Requests for information")

    def find(self, email=None, phone=None):
        section = _section()
        if section is None:
            return []
        email = normalise_email(email) if email else None
        phone = normalise_phone(phone) if phone else None
        return [
            _record(section, r)
            for r in store.all_requests(section)
            if (email and r.email and normalise_email(r.email) == email)
            or (phone and r.phone and normalise_phone(r.phone) == phone)
        ]

    def correct(self, uid, changes):
        section = _section()
        request = store.get(section, uid) if section is not None else None
        if request is None:
            return False
        for name, value in changes.items():
            if name in store.PERSONAL:
                setattr(request, name, value or None)
        return True

    def erase(self, uid):
        section = _section()
        request = store.get(section, uid) if section is not None else None
        if request is None:
            return False
        erase_personal_data(request)
        return True

    def purge(self, before):
        section = _section()
        if section is None:
            return 0
        count = 0
        for request in store.all_requests(section):
            if request.state not in store.FINAL or getattr(request, "erased", False):
                continue
            if request.history[-1]["time"] >= before:
                continue
            erase_personal_data(request)
            count += 1
        return count
