"""The six-month activity report (Article 6.3) as plain data.

``activity_report(period)`` returns sections, each with a title, a header, rows
(and totals), optionally a chart series and a note; the page, the exports
(ODT/ODS/XLSX) and ``GET @activity-report`` all show this same structure.
Each feature adds its sections (a named ``interfaces.IReportSection`` utility
in its ZCML, its ``report.py``); this module names none of them.

Everything is read from the catalog unrestricted: the report counts feedback
and drafts that anonymous cannot see, and only the holders of
``dakto.policy: View reports`` reach it. What each number counts (the parts
in the report's order):

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

from plone import api
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.dates import TIMEZONE
from dakto.policy.interfaces import IReportSection
from dakto.policy.registrations import ordered


def catalog():
    return api.portal.get_tool("portal_catalog")


def unrestricted_object(brain):
    try:
        return brain._unrestrictedGetObject()
    except (AttributeError, KeyError):
        return None


def vietnam_today():
    """Today in Vietnam."""
    from DateTime import DateTime

    return DateTime().toZone(TIMEZONE).asdatetime().date()


def section(id, title, header, rows, footer=None, chart=None, note=None, text=False):
    """One part of the report. ``chart``: ``(label column, value column)``
    indexes into the rows, drawn as a bar chart; ``text``: the rows are
    paragraphs of one column (shown as text, not as a table, on the page)."""
    return {
        "id": id,
        "title": title,
        "header": list(header),
        "rows": [list(row) for row in rows],
        "footer": list(footer) if footer else [],
        "chart": chart,
        "note": note,
        "text": text,
    }


def month_label(month):
    year, number = month.split("-")
    return f"{number}/{year}"


def footer_total(parts, id, column=1):
    """The total in ``column`` of the footer of section ``id`` (0 if none)."""
    found = parts.get(id)
    return found["footer"][column] if found and found["footer"] else 0


def report_parts():
    """``[(name, IReportSection)]`` in the report's order."""
    return ordered(IReportSection)


def activity_report(period, today=None):
    """The report's sections for ``period`` (i18n messages not yet translated)."""
    today = today or vietnam_today()
    parts = report_parts()
    sections = [s for _name, part in parts for s in part.sections(period, today)]
    by_id = {s["id"]: s for s in sections}
    summary = section(
        "summary",
        _("Summary"),
        [_("Item"), _("Number")],
        [row for _name, part in parts for row in part.summary(by_id)],
    )
    return {
        "start": period.start,
        "end": period.end,
        "today": today,
        "sections": [summary, *sections],
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
                "text": bool(s.get("text")),
            }
            for s in report["sections"]
        ],
    }
