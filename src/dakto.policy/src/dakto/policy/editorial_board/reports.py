"""The board's lists as plain data: what the pages show and the REST services
answer. Filters come from the request and are checked here; a bad value
raises ``FilterError`` naming the parameter (400 in REST, a message on the page).
"""

from plone import api

from dakto.policy import _
from dakto.policy.editorial_board import board
from dakto.policy.editorial_board import daily
from dakto.policy.editorial_board import deadlines
from dakto.policy.editorial_board.content import CHANNEL_TITLES
from dakto.policy.lookup_service import single
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import REVIEWED


STATUSES = {
    board.WAITING: _("Waiting"),
    board.LATE: _("Late"),
    board.APPROVED: _("Approved"),
    "open": _("Waiting or late"),
}


class FilterError(ValueError):
    def __init__(self, name, message):
        super().__init__(name, message)
        self.name = name
        self.message = message


def iso(value):
    if value is None:
        return None
    if hasattr(value, "ISO8601"):
        return value.ISO8601()
    return value.isoformat()


def read_month(form, default_today=True):
    raw = single(form.get("month"))
    if not raw:
        return deadlines.month_token(deadlines.today()) if default_today else ""
    try:
        deadlines.month_bounds(raw)
    except ValueError:
        raise FilterError(
            "month",
            _(
                "month: '${value}' is not a month; write it as YYYY-MM, e.g. 2026-11.",
                mapping={"value": raw},
            ),
        ) from None
    return raw


def register_filters(form):
    """``{channel, person, month, status}`` from the request; FilterError if wrong."""
    channel = single(form.get("channel"))
    if channel and channel not in CHANNEL_TITLES:
        raise FilterError(
            "channel",
            _(
                "channel: unknown value '${value}'; accepted: ${allowed}.",
                mapping={"value": channel, "allowed": ", ".join(CHANNEL_TITLES)},
            ),
        )
    status = single(form.get("status"))
    if status and status not in STATUSES:
        raise FilterError(
            "status",
            _(
                "status: unknown value '${value}'; accepted: ${allowed}.",
                mapping={"value": status, "allowed": ", ".join(STATUSES)},
            ),
        )
    return {
        "channel": channel,
        "person": single(form.get("person")),
        "month": read_month(form, default_today=False),
        "status": status,
    }


def _link(obj):
    if obj is None:
        return None
    return {
        "@id": obj.absolute_url(),
        "title": obj.Title(),
        "@type": obj.portal_type,
        "review_state": api.content.get_state(obj, default=None),
    }


def intake_item(entry):
    record = entry["record"]
    creators = record.listCreators() or ()
    return {
        "@id": record.absolute_url(),
        "title": record.Title(),
        "channel": record.channel,
        "channel_title": CHANNEL_TITLES.get(record.channel, record.channel),
        "received": iso(record.received),
        "sender_name": record.sender_name,
        "sender_unit": record.sender_unit or "",
        "logged_by": creators[0] if creators else "",
        "deadline": iso(entry["deadline"]),
        "status": entry["status"],
        "approved": iso(entry["approved"]),
        "on_time": entry["on_time"],
        "days_late": entry["days_late"],
        "article": _link(entry["article"]),
    }


def register(filters, today=None):
    entries = board.intake_entries(
        channel=filters["channel"] or None,
        person=filters["person"] or None,
        month=filters["month"] or None,
        status=filters["status"] or None,
        today=today,
    )
    return [intake_item(entry) for entry in entries]


def queue_item(entry):
    obj = entry["object"]
    return _link(obj) | {
        "submitted": iso(entry["submitted"]),
        "approved": iso(entry["approved"]),
        "deadline": iso(entry["deadline"]),
        "late": entry["late"],
        "days_late": entry["days_late"],
        "intake": entry["intake"].absolute_url() if entry["intake"] is not None else None,
    }


def legal_item(entry):
    obj = entry["object"]
    return _link(obj) | {
        "document_number": obj.document_number,
        "issue_date": iso(obj.issue_date),
        "deadline": iso(entry["deadline"]),
        "published": iso(entry["published"]),
        "days_late": entry.get("days_late", 0),
    }


def dashboard(user=None, today=None):
    """What the current user's board duties show (see ``board.user_duties``)."""
    rules = board.Rules.current()
    today = today or deadlines.today()
    reviews, publishes = board.user_duties(user)
    result = {"today": iso(today), "reviews": reviews, "publishes": publishes}
    if reviews:
        result["pending_review"] = [
            queue_item(e) for e in board.review_queue(PENDING_REVIEW, rules, today)
        ]
    if publishes:
        result["reviewed"] = [queue_item(e) for e in board.review_queue(REVIEWED, rules, today)]
    result["intake_open"] = [
        intake_item(e) for e in board.intake_entries(status="open", rules=rules, today=today)
    ]
    late, soon, published_late = board.legal_documents(rules, today)
    result["legal_late"] = [legal_item(e) for e in late]
    result["legal_due_soon"] = [legal_item(e) for e in soon]
    result["legal_published_late"] = [legal_item(e) for e in published_late]
    # Article 8.1: the working days of this month, until yesterday, without a publication
    result["days_without_publication"] = [
        iso(day) for day in daily.this_month(today, rules.holidays)
    ]
    return result


def quota(month):
    rules = board.Rules.current()
    rows = board.quota(month, rules)
    return {
        "month": month,
        "quota": rules.quota,
        "members": [
            {
                "user_id": row["user_id"],
                "fullname": row["fullname"],
                "groups": row["groups"],
                "count": row["count"],
                "below_quota": row["below_quota"],
                "articles": [
                    {
                        "@id": brain.getURL(),
                        "title": brain.Title,
                        "published": iso(brain.editorial_published),
                    }
                    for brain in row["articles"]
                ],
            }
            for row in rows
        ],
    }
