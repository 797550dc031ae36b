"""Feedback received in person, by phone, by letter or by Zalo (Quy chế
Điều 9.1 "qua mạng hoặc gửi trực tiếp"): the staff who receive feedback (the
receivers' group, ``names.RECEIVERS_GROUP``, and the administrators: whoever
has ``permissions.ADD_FEEDBACK`` in the feedback section) log it with its
channel and the day it was received, through the same checks, workflow and
tracking code as the public form (``submit``).

``staff_fields(data, form=...)`` checks the two fields only staff may give,
for the intake page ``@@tiep-nhan-phan-anh`` (``views.IntakeView``) and
``POST @feedback`` (``services.FeedbackPost``). The date received is not
after today and not more than ``MAX_DAYS_BACK`` days before it: a desk logs
what it received recently; older paper goes through Plone's add form
(administrators), which only refuses the future.
"""

from datetime import timedelta

from plone import api

from dakto.policy import _
from dakto.policy import permissions
from dakto.policy.dates import local_date
from dakto.policy.dates import parse_date
from dakto.policy.dates import today
from dakto.policy.feedback import names
from dakto.policy.feedback.vocabularies import CHANNELS
from dakto.policy.feedback.vocabularies import WEB


#: the public name of the two staff-only fields (form and REST)
CHANNEL = "channel"
DATE_RECEIVED = "date_received"
STAFF_FIELDS = (CHANNEL, DATE_RECEIVED)
#: what staff log at the desk (the web form logs itself)
DESK_CHANNELS = tuple(token for token in CHANNELS if token != WEB)
MAX_DAYS_BACK = 30
INTAKE_VIEW = "tiep-nhan-phan-anh"


def section():
    return api.portal.get().get(names.SECTION)


def may_log():
    """True when the current user may log feedback received off the web."""
    folder = section()
    if folder is None or api.user.is_anonymous():
        return False
    return bool(api.user.has_permission(permissions.ADD_FEEDBACK, obj=folder))


def earliest(day=None):
    return (day or today()) - timedelta(days=MAX_DAYS_BACK)


def staff_fields(data, desk=False):
    """``(clean, errors)`` for ``channel`` and ``date_received`` in ``data``.

    ``clean`` = {"channel": token, "received_on": date}. ``desk``: the
    intake page, where the channel must be chosen among the desk channels;
    over REST it may be left out ("web") and the date too (today).
    """
    errors = {}
    clean = {"channel": WEB, "received_on": today()}
    allowed = DESK_CHANNELS if desk else tuple(CHANNELS)
    channel = data.get(CHANNEL)
    if channel in (None, "") and not desk:
        pass
    elif not isinstance(channel, str) or channel not in allowed:
        errors[CHANNEL] = (
            _("Choose how the feedback was received.")
            if channel in (None, "")
            else _(
                "Unknown channel '${value}'. Use one of: ${values}.",
                mapping={"value": str(channel)[:20], "values": ", ".join(allowed)},
            )
        )
    else:
        clean["channel"] = channel
    raw = data.get(DATE_RECEIVED)
    if raw in (None, "") and not desk:
        return clean, errors
    day = None
    if not isinstance(raw, str) or not raw.strip():
        errors[DATE_RECEIVED] = _("Give the day the feedback was received.")
    else:
        try:
            day = parse_date(raw)
        except ValueError:
            errors[DATE_RECEIVED] = _(
                "'${value}' is not a date: write it as dd/mm/yyyy.",
                mapping={"value": raw.strip()[:20]},
            )
    if day is not None:
        if day > today():
            errors[DATE_RECEIVED] = _("The date received cannot be after today.")
        elif day < earliest():
            errors[DATE_RECEIVED] = _(
                "The date received cannot be before ${day} (at most ${days} days ago).",
                mapping={"day": local_date(earliest()), "days": MAX_DAYS_BACK},
            )
        else:
            clean["received_on"] = day
    return clean, errors


def anonymous_errors(data):
    """The 400 reasons when anonymous ``POST @feedback`` gives a staff field:
    a web submission is always channel "web", received now."""
    return {
        field: _(
            "Only the staff who receive feedback may set '${field}': feedback sent "
            "through the web is received through the web, today.",
            mapping={"field": field},
        )
        for field in STAFF_FIELDS
        if data.get(field) not in (None, "")
    }
