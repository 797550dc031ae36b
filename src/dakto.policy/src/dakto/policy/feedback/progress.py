"""Progress notices (NĐ 43/2011 Art. 17 as carried on): within the answer
deadline the citizen is told the answer, or that the matter is being handled
and the day the answer is expected. Staff who may review the item send a
notice from its page (``@@thong-bao-tien-do``); it is kept in the item's
``progress_notices`` (who, when, the text, the expected day), shown on the
follow-up page, mailed to the sender and counted by the report as on time
(``deadlines.informed_late``)."""

from DateTime import DateTime
from persistent.list import PersistentList
from plone import api
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import mail
from dakto.policy.dates import local_date
from dakto.policy.dates import parse_date
from dakto.policy.editorial_board import deadlines as calendar
from dakto.policy.feedback import names
from dakto.policy.feedback.deadlines import progress_notices
from dakto.policy.feedback.submit import status_url


MAX_TEXT = 2000
#: a notice can be sent while the item waits for its answer
NOTICE_STATES = (names.RECEIVED, names.CLASSIFIED, names.FORWARDED)


def validate(obj, text, expected):
    """``(clean, errors)``: ``clean`` = {"text", "expected" (a date)};
    ``errors`` = {field: message} for the form and the 400 answer."""
    errors = {}
    if api.content.get_state(obj, default=None) not in NOTICE_STATES:
        errors["form"] = _(
            "A progress notice can only be sent before the answer (this feedback is "
            "already answered, closed or rejected)."
        )
    text = (text or "").strip() if isinstance(text, str) else ""
    if not text:
        errors["text"] = _("Write what is being done about the feedback.")
    elif len(text) > MAX_TEXT:
        errors["text"] = _(
            "The notice is too long: at most ${max} characters.", mapping={"max": MAX_TEXT}
        )
    day = None
    raw = expected.strip() if isinstance(expected, str) else ""
    if not raw:
        errors["expected"] = _("Give the day the answer is expected.")
    else:
        try:
            day = parse_date(raw)
        except ValueError:
            errors["expected"] = _(
                "'${value}' is not a date: write it as dd/mm/yyyy.", mapping={"value": raw[:20]}
            )
        else:
            if day <= calendar.today():
                errors["expected"] = _("The expected day of the answer must be after today.")
    return {"text": text, "expected": day}, errors


def add(obj, text, expected):
    """Store one notice (already validated) and mail the sender (queued until
    the commit); True when the mail was queued."""
    notices = getattr(obj, "progress_notices", None)
    if notices is None:
        notices = obj.progress_notices = PersistentList()
    notices.append(
        {
            "time": DateTime(),
            "actor": api.user.get_current().getId(),
            "text": text,
            "expected": expected,
        }
    )
    obj.reindexObject(idxs=["feedback_deadline", "modified"])
    if not obj.sender_email:
        return False
    request = getattr(obj, "REQUEST", None)
    subject = translate(
        _("Your feedback ${code} is being handled", mapping={"code": obj.tracking_code}),
        context=request,
    )
    body = translate(
        _(
            'Dear ${name},\n\nYour feedback "${subject}" is being handled:\n\n${text}\n\n'
            "The answer is expected by ${day}. Follow it at ${url}",
            mapping={
                "name": obj.sender_name or "",
                "subject": obj.title,
                "text": text,
                "day": local_date(expected),
                "url": status_url(obj.tracking_code),
            },
        ),
        context=request,
    )
    return mail.send(obj.sender_email, subject, body)


__all__ = ["MAX_TEXT", "NOTICE_STATES", "add", "progress_notices", "validate"]
