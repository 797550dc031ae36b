"""The editorial board's lists: the intake register with its deadlines, the
monthly quota, the review queues and the legal documents' deadlines.

Every function here reads the catalog unrestricted: the views and services
that call them are protected by the board's own permissions, and the daily
digest runs without a user.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import timedelta

from plone import api

from dakto.policy.dates import as_DateTime
from dakto.policy.editorial_board import deadlines
from dakto.policy.editorial_board import history
from dakto.policy.editorial_board.content import CHANNEL_TITLES
from dakto.policy.editorial_board.content import INTAKE_RECORD
from dakto.policy.text import fold
from dakto.policy.workflow.names import ADMINISTRATORS_GROUP
from dakto.policy.workflow.names import ARCHIVED
from dakto.policy.workflow.names import EDITORIAL_GROUPS
from dakto.policy.workflow.names import EDITORIAL_TYPES
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import PUBLISHED
from dakto.policy.workflow.names import PUBLISHER_ROLE
from dakto.policy.workflow.names import PUBLISHERS_GROUP
from dakto.policy.workflow.names import REVIEWED
from dakto.policy.workflow.names import REVIEWER_ROLE
from dakto.policy.workflow.names import REVIEWERS_GROUP


ARTICLE_TYPE = "News Item"  # what the monthly quota counts: tin, bài (Article 8.1)
LEGAL_TYPE = "LegalDocument"
LEGAL_LOOKBACK_DAYS = 90  # published-late legal documents shown for this long

WAITING = "waiting"
LATE = "late"
APPROVED = "approved"


#: a DateTime for the catalog from a naive (Viet Nam) or aware datetime or a date
as_datetime = as_DateTime


def day_start(day):
    return as_DateTime(day)


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _object(brain):
    try:
        return brain._unrestrictedGetObject()
    except (AttributeError, KeyError):
        return None


@dataclass
class Rules:
    """The settings in force, read once per request."""

    approval_days: int = deadlines.DEFAULT_APPROVAL_DAYS
    quota: int = deadlines.DEFAULT_QUOTA
    legal_days: int = deadlines.DEFAULT_LEGAL_WORKING_DAYS
    holidays: frozenset = field(default_factory=frozenset)

    @classmethod
    def current(cls):
        return cls(
            deadlines.approval_days(),
            deadlines.monthly_quota(),
            deadlines.legal_working_days(),
            deadlines.holidays(),
        )


# --- the intake register ------------------------------------------------------


def linked_article(record):
    relation = getattr(record, "article", None)
    if relation is None or relation.isBroken():
        return None
    return relation.to_object


def intake_status(record, rules, today):
    """Deadline, status (waiting/late/approved), on time or not, days late."""
    deadline = deadlines.approval_deadline(record.received, rules.approval_days, rules.holidays)
    article = linked_article(record)
    approved_at = history.approved(article) if article is not None else None
    if approved_at is not None:
        status = APPROVED
        late_days = deadlines.days_late(deadline, approved_at)
    else:
        status = LATE if deadlines.is_late(deadline, today) else WAITING
        late_days = deadlines.days_late(deadline, today)
    return {
        "deadline": deadline,
        "status": status,
        "approved": approved_at,
        "on_time": None if approved_at is None else late_days == 0,
        "days_late": late_days,
        "article": article,
    }


def person_matches(record, person):
    """The sender's name (without diacritics, any part) or the updater's user id."""
    wanted = fold(person).strip()
    if not wanted:
        return True
    creators = [fold(c) for c in (record.listCreators() or ())]
    return wanted in fold(record.sender_name or "") or wanted in creators


def intake_entries(channel=None, person=None, month=None, status=None, rules=None, today=None):
    """The register's entries, oldest receipt first, with their status.

    ``month`` is ``YYYY-MM`` (receipt month); ``status`` waiting/late/approved
    or ``open`` (waiting or late).
    """
    rules = rules or Rules.current()
    today = today or deadlines.today()
    query = {"portal_type": INTAKE_RECORD, "sort_on": "intake_received"}
    if channel:
        query["intake_channel"] = channel
    if month:
        first, following = deadlines.month_bounds(month)
        query["intake_received"] = {
            "query": (day_start(first), day_start(following) - 1 / 86400),
            "range": "min:max",
        }
    result = []
    for brain in _catalog().unrestrictedSearchResults(**query):
        record = _object(brain)
        if record is None or not person_matches(record, person or ""):
            continue
        entry = intake_status(record, rules, today)
        if status == "open" and entry["status"] == APPROVED:
            continue
        if status and status != "open" and entry["status"] != status:
            continue
        entry["record"] = record
        result.append(entry)
    return result


def intake_for(article):
    """The register entry that names ``article``, if any."""
    uid = api.content.get_uuid(article)
    for brain in _catalog().unrestrictedSearchResults(
        portal_type=INTAKE_RECORD, intake_article=uid, sort_on="intake_received"
    ):
        record = _object(brain)
        if record is not None:
            return record
    return None


def channel_title(token):
    return CHANNEL_TITLES.get(token, token or "")


# --- the review queues --------------------------------------------------------


def review_queue(state, rules=None, today=None):
    """Every editorial item in ``state``, oldest submission first, with its
    deadline (the register's when an entry names it, else submitted + N days)."""
    rules = rules or Rules.current()
    today = today or deadlines.today()
    result = []
    for brain in _catalog().unrestrictedSearchResults(
        portal_type=list(EDITORIAL_TYPES), review_state=state
    ):
        obj = _object(brain)
        if obj is None:
            continue
        submitted = history.submitted(obj) or obj.modified()
        record = intake_for(obj)
        if record is not None:
            deadline = deadlines.approval_deadline(
                record.received, rules.approval_days, rules.holidays
            )
        else:
            deadline = deadlines.approval_deadline(submitted, rules.approval_days, rules.holidays)
        # An approved item waits for its publisher: its lateness ends with approval.
        approved = history.approved(obj) if state == REVIEWED else None
        until = approved or today
        result.append(
            {
                "object": obj,
                "submitted": submitted,
                "approved": approved,
                "deadline": deadline,
                "days_late": deadlines.days_late(deadline, until),
                "late": deadlines.is_late(deadline, until),
                "intake": record,
            }
        )
    result.sort(key=lambda entry: entry["submitted"])
    return result


# --- legal documents online (NĐ 43/2011 Art. 17) -------------------------------


def legal_documents(rules=None, today=None):
    """``(late, due_soon, published_late)``: unpublished documents whose
    deadline passed or is within a working day, and documents published after
    their deadline (issued in the last ``LEGAL_LOOKBACK_DAYS`` days)."""
    rules = rules or Rules.current()
    today = today or deadlines.today()
    late, soon, published_late = [], [], []
    since = day_start(today - timedelta(days=LEGAL_LOOKBACK_DAYS))
    for brain in _catalog().unrestrictedSearchResults(
        portal_type=LEGAL_TYPE, legal_issued={"query": since, "range": "min"}
    ):
        obj = _object(brain)
        if obj is None or obj.issue_date is None:
            continue
        deadline = deadlines.legal_deadline(obj.issue_date, rules.holidays, rules.legal_days)
        published = history.first_published(obj)  # when it first went online
        entry = {"object": obj, "deadline": deadline, "published": published}
        if published is not None or brain.review_state in (PUBLISHED, ARCHIVED):
            when = published or obj.modified()
            if deadlines.is_late(deadline, when):
                entry["days_late"] = deadlines.days_late(deadline, when)
                published_late.append(entry)
        elif deadlines.is_late(deadline, today):
            entry["days_late"] = deadlines.days_late(deadline, today)
            late.append(entry)
        elif deadlines.due_soon(deadline, today, rules.holidays):
            entry["days_late"] = 0
            soon.append(entry)
    for entries in (late, soon, published_late):
        entries.sort(key=lambda entry: entry["deadline"])
    return late, soon, published_late


# --- the monthly quota (Article 8.1) --------------------------------------------


def board_members():
    """``{user id: {"fullname", "email", "groups"}}`` of the four editorial groups."""
    members = {}
    for group in EDITORIAL_GROUPS:
        if api.group.get(groupname=group) is None:
            continue
        for user in api.user.get_users(groupname=group):
            entry = members.setdefault(
                user.getId(),
                {
                    "fullname": user.getProperty("fullname") or user.getId(),
                    "email": user.getProperty("email") or "",
                    "groups": [],
                },
            )
            entry["groups"].append(group)
    return members


def quota(month, rules=None):
    """Each board member's articles first published in ``month`` (``YYYY-MM``),
    and whether they are below quota. Members sorted by name."""
    rules = rules or Rules.current()
    first, following = deadlines.month_bounds(month)
    members = board_members()
    articles = {user_id: [] for user_id in members}
    for brain in _catalog().unrestrictedSearchResults(
        portal_type=ARTICLE_TYPE,
        review_state=[PUBLISHED, ARCHIVED],
        editorial_published={
            "query": (day_start(first), day_start(following) - 1 / 86400),
            "range": "min:max",
        },
        sort_on="editorial_published",
    ):
        for creator in brain.listCreators or ():
            if creator in articles:
                articles[creator].append(brain)
                break
    rows = []
    for user_id, member in members.items():
        found = articles[user_id]
        rows.append(
            {
                "user_id": user_id,
                "fullname": member["fullname"],
                "email": member["email"],
                "groups": member["groups"],
                "articles": found,
                "count": len(found),
                "below_quota": len(found) < rules.quota,
            }
        )
    rows.sort(key=lambda row: (fold(row["fullname"]), row["user_id"]))
    return rows


# --- who sees what ------------------------------------------------------------


def user_duties(user=None):
    """``(reviews, publishes)``: whether the user reviews and publishes."""
    user = user or api.user.get_current()
    if user is None:
        return False, False
    roles = set(api.user.get_roles(user=user) or ())
    groups = {g.getId() for g in api.group.get_groups(user=user)} if user.getId() else set()
    admin = bool(roles & {"Manager", "Site Administrator"}) or ADMINISTRATORS_GROUP in groups
    reviews = admin or REVIEWER_ROLE in roles or REVIEWERS_GROUP in groups
    publishes = admin or PUBLISHER_ROLE in roles or PUBLISHERS_GROUP in groups
    return reviews, publishes


PENDING = PENDING_REVIEW
