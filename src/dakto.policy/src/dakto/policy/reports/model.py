"""The six-month activity report (Article 6.3) as plain data.

``activity_report(period)`` returns sections, each with a title, a header, rows
(and totals), optionally a chart series and a note; the page, the exports
(ODT/ODS/XLSX) and ``GET @activity-report`` all show this same structure.

Everything is read from the catalog unrestricted: the report counts feedback
and drafts that anonymous cannot see, and only the holders of
``dakto.policy: View reports`` reach it. What each number counts:

- articles: News Items whose (latest) publish transition falls in the period
  (``editorial_published``), still published or archived since; by section
  (the folder they are in), by month, by board member (the Creator, as the
  monthly quota counts) against the quota for each month of the period;
- intake: register entries received in the period, by channel; approved,
  approved within the deadline (``editorial_board.deadlines``) or late, and
  not approved yet;
- feedback received in the period (created): answered (entered the
  "answered" state), answered within the legal deadline (15 working days from
  receipt), late (answered after it, or unanswered with the deadline passed
  today), rejected, still open; by topic and by the unit it was forwarded to;
- drafts whose comment period overlaps the period, with the comments
  received online in the period and the draft's recorded total;
- legal documents and procedures published in the period, and updated in it
  (published, modified in the period, not published in it);
- promotions (published or archived) whose validity overlaps the period.
"""

from collections import Counter
from collections import OrderedDict

from plone import api
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.consultation import comments as draft_comments
from dakto.policy.editorial_board import board
from dakto.policy.editorial_board import deadlines
from dakto.policy.editorial_board.content import CHANNELS
from dakto.policy.reports.period import as_date
from dakto.policy.text import fold
from dakto.policy.workflow.names import ARCHIVED
from dakto.policy.workflow.names import PUBLISHED


ONLINE = [PUBLISHED, ARCHIVED]
ARTICLE_TYPE = board.ARTICLE_TYPE


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _object(brain):
    try:
        return brain._unrestrictedGetObject()
    except (AttributeError, KeyError):
        return None


def section(id, title, header, rows, footer=None, chart=None, note=None):
    """One part of the report. ``chart``: ``(label column, value column)``
    indexes into the rows, drawn as a bar chart."""
    return {
        "id": id,
        "title": title,
        "header": list(header),
        "rows": [list(row) for row in rows],
        "footer": list(footer) if footer else [],
        "chart": chart,
        "note": note,
    }


def month_label(month):
    year, number = month.split("-")
    return f"{number}/{year}"


def published_articles(period):
    """Brains of the articles published in ``period`` (unrestricted)."""
    return _catalog().unrestrictedSearchResults(
        portal_type=ARTICLE_TYPE,
        review_state=ONLINE,
        editorial_published=period.query,
        sort_on="editorial_published",
    )


# --- articles ------------------------------------------------------------------


def _folder_title(path, cache):
    if path not in cache:
        folder = api.portal.get().unrestrictedTraverse(path, None)
        cache[path] = folder.Title() if folder is not None else path.rsplit("/", 1)[-1]
    return cache[path]


def articles_by_section(brains):
    counts, cache = Counter(), {}
    for brain in brains:
        counts[_folder_title(brain.getPath().rsplit("/", 1)[0], cache)] += 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], fold(item[0])))
    return section(
        "articles_by_section",
        _("Articles published by section"),
        [_("Section"), _("Articles")],
        rows,
        footer=[_("Total"), sum(counts.values())],
        chart=(0, 1),
    )


def articles_by_month(brains, period):
    counts = Counter(deadlines.month_token(as_date(b.editorial_published)) for b in brains)
    months = period.months()
    return section(
        "articles_by_month",
        _("Articles published by month"),
        [_("Month"), _("Articles")],
        [[month_label(m), counts.get(m, 0)] for m in months],
        footer=[_("Total"), sum(counts[m] for m in months)],
        chart=(0, 1),
    )


def articles_by_member(period, rules):
    """Each board member's articles in the period against the monthly quota."""
    members = OrderedDict()
    for month in period.months():
        for row in board.quota(month, rules):
            member = members.setdefault(
                row["user_id"], {"fullname": row["fullname"], "count": 0, "below": 0}
            )
            found = [b for b in row["articles"] if as_date(b.editorial_published) in period]
            member["count"] += len(found)
            member["below"] += len(found) < rules.quota
    months = len(period.months())
    rows = [
        [m["fullname"], m["count"], rules.quota * months, m["below"]]
        for m in sorted(members.values(), key=lambda m: fold(m["fullname"]))
    ]
    return section(
        "articles_by_member",
        _("Articles by board member against the monthly quota"),
        [_("Board member"), _("Articles"), _("Expected (quota × months)"), _("Months below quota")],
        rows,
        footer=[_("Total"), sum(m["count"] for m in members.values()), "", ""],
        chart=(0, 1),
        note=_(
            "Monthly quota: ${quota} article(s) per member; ${months} month(s) in the period.",
            mapping={"quota": rules.quota, "months": months},
        ),
    )


# --- the intake register ----------------------------------------------------------


def intake_by_channel(period, rules, today):
    stats = OrderedDict(
        (token, {"received": 0, "approved": 0, "on_time": 0, "late": 0, "open": 0})
        for token, _title in CHANNELS
    )
    for month in period.months():
        for entry in board.intake_entries(month=month, rules=rules, today=today):
            record = entry["record"]
            if as_date(record.received) not in period:
                continue
            row = stats.setdefault(
                record.channel,
                {"received": 0, "approved": 0, "on_time": 0, "late": 0, "open": 0},
            )
            row["received"] += 1
            if entry["status"] == board.APPROVED:
                row["approved"] += 1
                row["on_time" if entry["on_time"] else "late"] += 1
            else:
                row["open"] += 1
    keys = ("received", "approved", "on_time", "late", "open")
    return section(
        "intake_by_channel",
        _("Articles received by channel"),
        [
            _("Channel"),
            _("Received"),
            _("Approved"),
            _("Approved within the deadline"),
            _("Approved late"),
            _("Not approved yet"),
        ],
        [[board.channel_title(token)] + [row[k] for k in keys] for token, row in stats.items()],
        footer=[_("Total")] + [sum(row[k] for row in stats.values()) for k in keys],
        chart=(0, 1),
        note=_(
            "Deadline: ${days} days from receipt (the last day moves to the next working day).",
            mapping={"days": rules.approval_days},
        ),
    )


# --- feedback -------------------------------------------------------------------------


def _feedback_facts(obj, today):
    from dakto.policy.feedback import names
    from dakto.policy.feedback.deadlines import answer_deadline
    from dakto.policy.feedback.deadlines import history

    state = api.content.get_state(obj, default=None)
    answered = next(
        (e.get("time") for e in history(obj) if e.get("review_state") == names.ANSWERED), None
    )
    due = answer_deadline(obj)
    if answered is not None:
        late = as_date(answered) > due
    else:
        late = state in names.OPEN_STATES and today > due
    return {
        "topic": obj.topic,
        "forwarded_to": obj.forwarded_to,
        "answered": answered is not None,
        "on_time": answered is not None and not late,
        "late": late,
        "rejected": state == names.REJECTED,
        "open": answered is None and state in names.OPEN_STATES,
    }


def _recipient_title(uid, cache):
    if uid not in cache:
        brains = _catalog().unrestrictedSearchResults(UID=uid)
        cache[uid] = brains[0].Title if brains else uid
    return cache[uid]


def feedback_sections(period, today):
    try:
        from dakto.policy.feedback import names
        from dakto.policy.feedback.vocabularies import TOPICS
    except ImportError:  # pragma: no cover - the feedback feature is not installed
        names = None
    if names is None:
        note = _("Feedback is not handled on this portal yet.")
        return [section("feedback", _("Feedback"), [_("Item"), _("Number")], [], note=note)]
    facts = [
        _feedback_facts(obj, today)
        for obj in map(
            _object,
            _catalog().unrestrictedSearchResults(
                portal_type=names.PORTAL_TYPE, created=period.query
            ),
        )
        if obj is not None
    ]
    count = lambda key, items=facts: sum(1 for f in items if f[key])  # noqa: E731
    summary = section(
        "feedback",
        _("Feedback"),
        [_("Item"), _("Number")],
        [
            [_("Received"), len(facts)],
            [_("Answered"), count("answered")],
            [_("Answered within the deadline"), count("on_time")],
            [_("Late (answered late, or unanswered past the deadline)"), count("late")],
            [_("Rejected"), count("rejected")],
            [_("Not answered yet"), count("open")],
        ],
        note=_("Deadline to answer: 15 working days from receipt (NĐ 43/2011, Article 17)."),
    )
    by_topic = []
    for token, title in TOPICS.items():
        items = [f for f in facts if f["topic"] == token]
        if items:
            by_topic.append([title, len(items), count("answered", items), count("late", items)])
    topics = section(
        "feedback_by_topic",
        _("Feedback by topic"),
        [_("Topic"), _("Received"), _("Answered"), _("Late")],
        by_topic,
        footer=[_("Total"), len(facts), count("answered"), count("late")],
        chart=(0, 1),
    )
    cache, units = {}, OrderedDict()
    for f in facts:
        if f["forwarded_to"]:
            units.setdefault(_recipient_title(f["forwarded_to"], cache), []).append(f)
    forwarded = [f for f in facts if f["forwarded_to"]]
    by_unit = section(
        "feedback_by_unit",
        _("Feedback by the unit it was forwarded to"),
        [_("Unit"), _("Forwarded"), _("Answered"), _("Late")],
        [
            [title, len(items), count("answered", items), count("late", items)]
            for title, items in sorted(units.items(), key=lambda item: fold(item[0]))
        ],
        footer=[_("Total"), len(forwarded), count("answered", forwarded), count("late", forwarded)],
        chart=(0, 1),
    )
    return [summary, topics, by_unit]


# --- consultation ---------------------------------------------------------------------


def drafts_section(period):
    rows = []
    for brain in _catalog().unrestrictedSearchResults(
        portal_type="DraftDocument", review_state=ONLINE, sort_on="sortable_title"
    ):
        draft = _object(brain)
        if draft is None:
            continue
        opens, closes = as_date(draft.comment_opens), as_date(draft.comment_closes)
        if (opens and opens > period.end) or (closes and closes < period.start):
            continue
        if opens is None and closes is None:
            continue
        received = [c for c in draft_comments.comments(draft) if as_date(c.created) in period]
        rows.append(
            [
                draft.Title(),
                f"{opens:%d/%m/%Y} – {closes:%d/%m/%Y}" if opens and closes else "",
                len(received),
                draft.comments_received or 0,
            ]
        )
    return section(
        "drafts",
        _("Drafts put to consultation"),
        [
            _("Draft"),
            _("Comment period"),
            _("Comments received in the period"),
            _("Comments recorded in all"),
        ],
        rows,
        footer=[_("Total"), len(rows), sum(r[2] for r in rows), sum(r[3] for r in rows)],
        note=_(
            "Drafts whose comment period overlaps the report's period; "
            "comments received online, whatever their moderation."
        ),
    )


# --- legal documents and procedures ----------------------------------------------------


def documents_section(period):
    catalog = _catalog()
    rows = []
    for portal_type, title in (
        ("LegalDocument", _("Legal documents")),
        ("Procedure", _("Administrative procedures")),
    ):
        published = catalog.unrestrictedSearchResults(
            portal_type=portal_type, review_state=ONLINE, editorial_published=period.query
        )
        published_ids = {b.getRID() for b in published}
        updated = [
            b
            for b in catalog.unrestrictedSearchResults(
                portal_type=portal_type, review_state=PUBLISHED, modified=period.query
            )
            if b.getRID() not in published_ids
        ]
        rows.append([title, len(published), len(updated)])
    return section(
        "documents",
        _("Legal documents and procedures"),
        [_("Kind"), _("Published in the period"), _("Updated in the period")],
        rows,
        chart=(0, 1),
        note=_("Updated: already online, changed in the period (not counted as published)."),
    )


# --- promotions -------------------------------------------------------------------------


def promotions_section(period):
    rows = []
    for brain in _catalog().unrestrictedSearchResults(
        portal_type="Promotion", review_state=ONLINE, sort_on="sortable_title"
    ):
        obj = _object(brain)
        if obj is None or obj.valid_from is None or obj.valid_until is None:
            continue
        first, last = max(obj.valid_from, period.start), min(obj.valid_until, period.end)
        if first > last:
            continue
        rows.append([obj.Title(), obj.valid_from, obj.valid_until, (last - first).days + 1])
    return section(
        "promotions",
        _("Promotions running"),
        [_("Promotion"), _("Valid from"), _("Valid until"), _("Days shown in the period")],
        rows,
        footer=[_("Total"), len(rows), "", ""],
    )


# --- the whole report -------------------------------------------------------------------


def summary_section(parts):
    def total(id, column=1):
        found = parts.get(id)
        return found["footer"][column] if found and found["footer"] else 0

    feedback = parts.get("feedback")
    legal, procedures = parts["documents"]["rows"]
    return section(
        "summary",
        _("Summary"),
        [_("Item"), _("Number")],
        [
            [_("Articles published"), total("articles_by_section")],
            [_("Articles received by the board"), total("intake_by_channel")],
            [_("Feedback received"), feedback["rows"][0][1] if feedback else 0],
            [_("Drafts put to consultation"), total("drafts")],
            [_("Comments received on drafts"), total("drafts", 2)],
            [_("Legal documents published"), legal[1]],
            [_("Procedures published"), procedures[1]],
            [_("Promotions running"), total("promotions")],
        ],
    )


def activity_report(period, today=None):
    """The report's sections for ``period`` (i18n messages not yet translated)."""
    today = today or deadlines.today()
    rules = board.Rules.current()
    brains = list(published_articles(period))
    sections = [
        articles_by_section(brains),
        articles_by_month(brains, period),
        articles_by_member(period, rules),
        intake_by_channel(period, rules, today),
        *feedback_sections(period, today),
        drafts_section(period),
        documents_section(period),
        promotions_section(period),
    ]
    parts = {s["id"]: s for s in sections}
    return {
        "start": period.start,
        "end": period.end,
        "today": today,
        "sections": [summary_section(parts), *sections],
    }


def translated(report, request):
    """The report with every message translated and dates as ISO strings: for
    JSON, the exports and the page."""

    def text(value):
        if hasattr(value, "domain") or isinstance(value, str):
            return translate(value, context=request)
        if hasattr(value, "isoformat"):
            return value.strftime("%d/%m/%Y")
        return value

    return {
        "start": report["start"].isoformat(),
        "end": report["end"].isoformat(),
        "sections": [
            {
                "id": s["id"],
                "title": text(s["title"]),
                "header": [text(v) for v in s["header"]],
                "rows": [[text(v) for v in row] for row in s["rows"]],
                "footer": [text(v) for v in s["footer"]],
                "chart": {"label": s["chart"][0], "value": s["chart"][1]} if s["chart"] else None,
                "note": text(s["note"]) if s["note"] is not None else None,
            }
            for s in report["sections"]
        ],
    }
