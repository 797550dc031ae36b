"""The editorial board's part of the activity report (``IReportSection``):
articles published by section, by month, by board member against the quota,
and articles received by channel."""

from collections import Counter
from collections import OrderedDict
from datetime import timedelta

from plone import api
from zope.interface import implementer

from dakto.policy import _
from dakto.policy.editorial_board import board
from dakto.policy.editorial_board import daily
from dakto.policy.editorial_board import deadlines
from dakto.policy.editorial_board.content import CHANNELS
from dakto.policy.interfaces import IReportSection
from dakto.policy.reports.model import catalog as _catalog
from dakto.policy.reports.model import footer_total
from dakto.policy.reports.model import month_label
from dakto.policy.reports.model import section
from dakto.policy.reports.period import as_date
from dakto.policy.text import fold
from dakto.policy.workflow.names import ONLINE_STATES as ONLINE


ARTICLE_TYPE = board.ARTICLE_TYPE


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


# --- daily updates (Article 8.1) ------------------------------------------------------


def daily_updates(period, rules, today):
    """Per month: the working days counted and those without any publication."""
    rows, total_days, total_missed = [], 0, 0
    for month in period.months():
        first, following = deadlines.month_bounds(month)
        first, last = daily.counted_days(
            max(first, period.start), min(following - timedelta(days=1), period.end), today
        )
        if last < first:
            counted, missed = 0, []
        else:
            counted = daily.working_days(first, last, rules.holidays)
            missed = daily.days_without_publication(first, last, rules.holidays, today)
        total_days += counted
        total_missed += len(missed)
        rows.append(
            [
                month_label(month),
                counted,
                counted - len(missed),
                len(missed),
                ", ".join(f"{day:%d/%m}" for day in missed),
            ]
        )
    return section(
        "daily_updates",
        _("Daily updates: working days without a publication"),
        [
            _("Month"),
            _("Working days"),
            _("Working days with a publication"),
            _("Working days without a publication"),
            _("Days without a publication"),
        ],
        rows,
        footer=[_("Total"), total_days, total_days - total_missed, total_missed, ""],
        chart=(0, 3),
        note=_(
            "Article 8.1 and TT 26/2009: the site is updated at least once every working "
            "day (Saturdays, Sundays and the board's holidays are not working days)."
        ),
    )


@implementer(IReportSection)
class EditorialBoardReport:
    after = ()

    def sections(self, period, today):
        rules = board.Rules.current()
        brains = list(published_articles(period))
        return [
            articles_by_section(brains),
            articles_by_month(brains, period),
            articles_by_member(period, rules),
            intake_by_channel(period, rules, today),
            daily_updates(period, rules, today),
        ]

    def summary(self, parts):
        return [
            [_("Articles published"), footer_total(parts, "articles_by_section")],
            [_("Articles received by the board"), footer_total(parts, "intake_by_channel")],
        ]


report = EditorialBoardReport()
