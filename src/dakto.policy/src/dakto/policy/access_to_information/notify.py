"""The mails of a request for information (Luật TCTT Art. 28.2, 31.2: the
requester is told in writing of the extension and of a refusal, with the
reasons).

- on receipt: the requester gets the code, the deadline and the follow-up
  page; the board (the reviewers' group and feedback's notice address) is
  told of the new request;
- on each step (processing, extended, answered, refused): the requester is
  told the new state, with the note (the reason, or the answer).

Through ``dakto.policy.mail.send`` (queued: nothing leaves if the
transaction is aborted). No e-mail address (the requester chose the office
or the post and gave only a phone): no mail, the follow-up page tells it.
"""

from plone import api
from zope.globalrequest import getRequest
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import mail
from dakto.policy.access_to_information import requests as store
from dakto.policy.dates import local_date
from dakto.policy.editorial_board.notifications import SIGNATURE
from dakto.policy.editorial_board.notifications import group_addresses
from dakto.policy.editorial_board.notifications import site_name
from dakto.policy.feedback.submit import settings as feedback_settings
from dakto.policy.workflow.names import REVIEWERS_GROUP


def status_url(code):
    section = store.section(api.portal.get())
    return f"{section.absolute_url()}/@@{store.STATUS_VIEW}?code={code}"


def board_addresses():
    """The reviewers' addresses and feedback's notice address (Site Setup →
    feedback), each once."""
    found = group_addresses(REVIEWERS_GROUP)
    extra = (feedback_settings("notify_address", None) or "").strip()
    if extra and extra not in found:
        found.append(extra)
    return found


def _t(message, request):
    return translate(message, context=request if request is not None else getRequest())


def _signature():
    return SIGNATURE.format(site=site_name())


def received(info_request, request=None):
    """Mail the requester the code and deadline, the board the new request.
    True when the requester's mail was queued."""
    code = info_request.code
    due = local_date(store.deadline(info_request))
    mailed = False
    if info_request.email:
        subject = _t(
            _("Your request for information was received: ${code}", mapping={"code": code}),
            request,
        )
        body = _t(
            _(
                "Dear ${name},\n\nThe portal received your request for information.\n"
                "Its code is ${code}. The information will be provided, or you will be told "
                "in writing why it cannot be, by ${day} (${days} working days).\n"
                "Follow it at ${url}",
                mapping={
                    "name": info_request.name or "",
                    "code": code,
                    "day": due,
                    "days": store.ANSWER_DAYS,
                    "url": status_url(code),
                },
            ),
            request,
        )
        mailed = mail.send(info_request.email, subject, body + _signature())
    board = board_addresses()
    if board:
        subject = _t(
            _(
                "New request for information ${code}, due ${day}",
                mapping={"code": code, "day": due},
            ),
            request,
        )
        section = store.section(api.portal.get())
        body = (
            f"{info_request.information}\n\n"
            f"{section.absolute_url()}/@@information-requests#request-{code}\n"
        )
        mail.send_each(board, subject, body + _signature())
    return mailed


STEP_SUBJECTS = {
    store.PROCESSING: _("Your request for information ${code} is being processed"),
    store.EXTENDED: _("The deadline of your request for information ${code} is extended"),
    store.ANSWERED: _("Answer to your request for information ${code}"),
    store.REFUSED: _("Your request for information ${code} is refused"),
}
STEP_TEXTS = {
    store.PROCESSING: _("Your request ${code} is being processed. The deadline is ${day}."),
    store.EXTENDED: _(
        "The deadline of your request ${code} is extended to ${day}. The reason:\n\n${note}"
    ),
    store.ANSWERED: _("The answer to your request ${code}:\n\n${note}"),
    store.REFUSED: _(
        "Your request ${code} is refused (Law on Access to Information, Article 28). "
        "The reason:\n\n${note}"
    ),
}


def step(info_request, state, note="", request=None):
    """Mail the requester the step just taken; True when queued."""
    if not info_request.email or state not in STEP_TEXTS:
        return False
    code = info_request.code
    mapping = {
        "code": code,
        "day": local_date(store.deadline(info_request)),
        "note": note or "",
    }
    subject = _t(_(STEP_SUBJECTS[state], mapping={"code": code}), request)
    body = _t(_(STEP_TEXTS[state], mapping=mapping), request)
    follow = _t(_("Follow it at ${url}", mapping={"url": status_url(code)}), request)
    return mail.send(info_request.email, subject, f"{body}\n\n{follow}{_signature()}")
