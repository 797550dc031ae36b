"""@@activity-report and @@contribution-ranking (pages and exports)."""

from datetime import date
from datetime import datetime

from plone import api
from plone.protect.authenticator import check as check_authenticator
from Products.Five.browser import BrowserView
from zExceptions import Forbidden
from zope.i18n import translate

from dakto.policy import _
from dakto.policy import spreadsheets
from dakto.policy.dates import local_date
from dakto.policy.dates import local_datetime
from dakto.policy.dates import long_date
from dakto.policy.identity.settings import get_identity
from dakto.policy.reports import records
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


def report_tables(request, title, period, report, today, signed_by=None):
    """The report's ``spreadsheets.Table``s (``report``: translated); with
    ``signed_by`` (a name) the record's line "signed and kept by … on …"."""
    heading = document_heading(request, title, period, today)
    result = []
    for number, part in enumerate(report["sections"], start=1):
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
                chart=odt_chart(part),
            )
        )
    result[-1].signatures = signatures(request)
    if signed_by:
        result[-1].footer.append(
            translate(
                _(
                    "Signed and kept as a record by ${name} on ${date}.",
                    mapping={"name": signed_by, "date": local_date(today)},
                ),
                context=request,
            )
        )
    return result


def chart(part):
    """The SVG markup of a (translated) section's chart, or ''."""
    if not part["chart"] or not part["rows"]:
        return ""
    label, value = part["chart"]["label"], part["chart"]["value"]
    return svg.bar_chart(
        f"chart-{part['id']}",
        part["title"],
        [row[label] for row in part["rows"]],
        [row[value] for row in part["rows"]],
    )


def odt_chart(part):
    """``(markup, width, height)`` of the section's chart for the ODT, or ()."""
    markup = chart(part)
    if not markup:
        return ()
    return (markup, svg.WIDTH, svg.chart_height(len(part["rows"])))


class ActivityReportView(PeriodView):
    """@@activity-report?start=YYYY-MM-DD&end=YYYY-MM-DD[&format=odt|ods|xlsx]

    POST (the head of the board, with the form's authenticator):
    ``proposals`` saves the period's proposals; ``sign`` signs the report and
    keeps it as a record (``records``), then shows the signed reports."""

    title = _("Activity report of the portal")
    notice = None

    def __call__(self):
        self.report = None
        if self.read() is None:
            return self.index()
        if self.request.method == "POST":
            done = self.post()
            if done is not None:
                return done
        raw = activity_report(self.period)
        self.report = translated(raw, self.request)
        data = self.export(self.tables(raw["today"]), f"bao-cao-hoat-dong-{self.filename()}")
        if data is not None:
            return data
        return self.index()

    def post(self):
        form = self.request.form
        try:
            try:
                check_authenticator(self.request)
            except Forbidden:
                raise records.RecordError(403, FORM_EXPIRED) from None
            if "proposals_text" in form:  # both buttons keep what was typed
                records.set_proposals(self.period, form.get("proposals_text"))
                self.notice = _("The proposals and recommendations are saved.")
            if "sign" in form:
                record = sign_report(self.request, self.period)
                return self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@signed-reports#report-{record.id}"
                )
        except records.RecordError as error:
            self.request.response.setStatus(error.status)
            self.error = error.message
        return None

    def filename(self):
        return f"{self.period.start.isoformat()}_{self.period.end.isoformat()}"

    def tables(self, today):
        return report_tables(self.request, self.title, self.period, self.report, today)

    def chart(self, part):
        return chart(part)

    def can_sign(self):
        return records.can_sign()

    def signed(self):
        return records.signed_for(self.period)

    def proposals_text(self):
        return (records.get_proposals(self.period) or {}).get("text", "")

    def proposals_max(self):
        return records.PROPOSALS_MAX

    def signed_url(self):
        return f"{self.context.absolute_url()}/@@signed-reports"

    def signed_when(self, record):
        return local_datetime(datetime.fromisoformat(record.signed))


FORM_EXPIRED = _("The form has expired: reload the page and send it again.")


def sign_report(request, period):
    """Sign ``period``'s report now: the numbers and the ODT as exported now."""
    if not records.can_sign():
        raise records.RecordError(
            403,
            _("Only the head of the editorial board writes the proposals and signs the report."),
        )
    raw = activity_report(period)
    report = translated(raw, request)
    user = api.user.get_current()
    name = user.getProperty("fullname") or user.getId()
    tables = report_tables(
        request, ActivityReportView.title, period, report, raw["today"], signed_by=name
    )
    return records.sign(period, report, spreadsheets.to_odt(*tables))


class SignedReportsView(BrowserView):
    """@@signed-reports: the signed reports; ``?id=…&format=odt|json``
    downloads one as it was signed."""

    def __call__(self):
        id = self.request.form.get("id")
        if id:
            return self.download(id, self.request.form.get("format") or "odt")
        return self.index()

    def download(self, id, format):
        response = self.request.response
        try:
            record = records.get_signed(id if isinstance(id, str) else None)
        except records.RecordError as error:
            response.setStatus(error.status)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return translate(error.message, context=self.request)
        if format == "json":
            response.setHeader("Content-Type", "application/json; charset=utf-8")
            return record.numbers
        if format != "odt":
            response.setStatus(400)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return translate(_("Unknown format: use odt or json."), context=self.request)
        data = record.odt.data
        response.setHeader("Content-Type", spreadsheets.ODT_MIMETYPE)
        response.setHeader("Content-Disposition", f'attachment; filename="{record.filename()}"')
        response.setHeader("Content-Length", str(len(data)))
        return data

    def reports(self):
        base = f"{self.context.absolute_url()}/@@signed-reports?id="
        return [
            dict(
                r.summary(),
                period=f"{local_date(date.fromisoformat(r.start))} – {local_date(date.fromisoformat(r.end))}",
                signed_local=local_datetime(datetime.fromisoformat(r.signed)),
                odt=f"{base}{r.id}&format=odt",
                json=f"{base}{r.id}&format=json",
            )
            for r in records.signed_reports()
        ]


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
