"""@@activity-report and @@contribution-ranking (pages and exports)."""

from Products.Five.browser import BrowserView
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import spreadsheets
from dakto.policy.dates import local_date
from dakto.policy.dates import long_date
from dakto.policy.identity.settings import get_identity
from dakto.policy.reports import svg
from dakto.policy.reports.model import activity_report
from dakto.policy.reports.model import translated
from dakto.policy.reports.period import PeriodError
from dakto.policy.reports.period import read_period
from dakto.policy.reports.ranking import contribution_ranking


UNKNOWN_FORMAT = _("Unknown format: use odt, ods or xlsx.")


def document_heading(request, title, period, today):
    """The head of a signed report: the body, the national motto, place and
    date, the title and the period (NĐ 30/2020's layout, in lines)."""
    t = lambda msgid: translate(msgid, context=request)  # noqa: E731
    identity = get_identity()
    town = (identity.town or "").strip()
    place = town[:1].upper() + town[1:]
    return [
        (identity.body_name or "").upper(),
        t(_("SOCIALIST REPUBLIC OF VIET NAM")),
        t(_("Independence – Freedom – Happiness")),
        f"{place}, {long_date(today, language=getattr(request, 'LANGUAGE', '') or 'vi')}",
        t(title),
        t(period_label(period)),
    ]


def period_label(period):
    return _(
        "Period: from ${start} to ${end}",
        mapping={"start": local_date(period.start), "end": local_date(period.end)},
    )


def signatures(request):
    t = lambda msgid: translate(msgid, context=request)  # noqa: E731
    return [
        [t(_("Prepared by")), t(_("(signature and full name)"))],
        [t(_("Chairman of the People's Committee")), t(_("(signature, full name and seal)"))],
    ]


def sheet_name(number, title):
    """The table's name: its heading in the ODT, its sheet's name (cut) in ODS/XLSX."""
    return f"{number}. {title}"


class PeriodView(BrowserView):
    """Reads the period; a bad one is a 400 page with the reason."""

    title = None

    def read(self):
        self.error = None
        self.period = None
        try:
            self.period = read_period(self.request.form)
        except PeriodError as error:
            self.request.response.setStatus(400)
            self.error = error.message
        return self.period

    def start_value(self):
        return self.period.start.isoformat() if self.period else self.request.form.get("start", "")

    def end_value(self):
        return self.period.end.isoformat() if self.period else self.request.form.get("end", "")

    def period_label(self):
        return period_label(self.period)

    def export_url(self, format):
        return (
            f"{self.context.absolute_url()}/@@{self.__name__}?start={self.period.start.isoformat()}"
            f"&end={self.period.end.isoformat()}&format={format}"
        )

    def export(self, tables, filename):
        format = self.request.form.get("format")
        if not format:
            return None
        if format not in spreadsheets.WRITERS:
            self.request.response.setStatus(400)
            self.error = UNKNOWN_FORMAT
            return None
        return spreadsheets.export(format, filename, *tables, response=self.request.response)


class ActivityReportView(PeriodView):
    """@@activity-report?start=YYYY-MM-DD&end=YYYY-MM-DD[&format=odt|ods|xlsx]"""

    title = _("Activity report of the portal")

    def __call__(self):
        self.report = None
        if self.read() is None:
            return self.index()
        raw = activity_report(self.period)
        self.report = translated(raw, self.request)
        data = self.export(self.tables(raw["today"]), f"bao-cao-hoat-dong-{self.filename()}")
        if data is not None:
            return data
        return self.index()

    def filename(self):
        return f"{self.period.start.isoformat()}_{self.period.end.isoformat()}"

    def tables(self, today):
        heading = document_heading(self.request, self.title, self.period, today)
        result = []
        for number, part in enumerate(self.report["sections"], start=1):
            footer = [part["footer"]] if part["footer"] else []
            if part["note"]:
                footer.append(part["note"])
            result.append(
                spreadsheets.Table(
                    name=sheet_name(number, part["title"]),
                    heading=heading,
                    header=part["header"],
                    rows=part["rows"],
                    footer=footer,
                    chart=self.odt_chart(part),
                )
            )
        result[-1].signatures = signatures(self.request)
        return result

    def odt_chart(self, part):
        """``(markup, width, height)`` of the section's chart for the ODT, or ()."""
        markup = self.chart(part)
        if not markup:
            return ()
        return (markup, svg.WIDTH, svg.chart_height(len(part["rows"])))

    def chart(self, part):
        if not part["chart"] or not part["rows"]:
            return ""
        label, value = part["chart"]["label"], part["chart"]["value"]
        return svg.bar_chart(
            f"chart-{part['id']}",
            part["title"],
            [row[label] for row in part["rows"]],
            [row[value] for row in part["rows"]],
        )


class ContributionRankingView(PeriodView):
    """@@contribution-ranking?start=YYYY-MM-DD&end=YYYY-MM-DD[&format=odt|ods|xlsx]"""

    title = _("Contribution statistics")

    def __call__(self):
        self.ranking = None
        if self.read() is None:
            return self.index()
        self.ranking = translated_ranking(contribution_ranking(self.period), self.request)
        from dakto.policy.editorial_board.deadlines import today

        data = self.export(self.tables(today()), f"thong-ke-dong-gop-{self.filename()}")
        if data is not None:
            return data
        return self.index()

    def filename(self):
        return f"{self.period.start.isoformat()}_{self.period.end.isoformat()}"

    def tables(self, today):
        heading = document_heading(self.request, self.title, self.period, today)
        t = lambda msgid: translate(msgid, context=self.request)  # noqa: E731
        result = [
            spreadsheets.Table(
                name=sheet_name(number, ranking["title"]),
                heading=heading,
                header=[t(_("Rank")), ranking["column"], t(_("Articles"))],
                rows=[[i["rank"], i["name"], i["articles"]] for i in ranking["entries"]],
            )
            for number, ranking in enumerate(self.ranking["rankings"], start=1)
        ]
        result[-1].signatures = signatures(self.request)
        return result


def translated_ranking(ranking, request):
    return {
        "start": ranking["start"].isoformat(),
        "end": ranking["end"].isoformat(),
        "articles": ranking["articles"],
        "rankings": [
            {
                "id": r["id"],
                "title": translate(r["title"], context=request),
                "column": translate(r["column"], context=request),
                "entries": r["entries"],
            }
            for r in ranking["rankings"]
        ],
    }
