"""The royalty form of an article and the monthly statement page."""

from plone import api
from plone.autoform.form import AutoExtensibleForm
from Products.Five.browser import BrowserView
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import Invalid

from dakto.policy import _
from dakto.policy import spreadsheets
from dakto.policy.dates import month_token
from dakto.policy.dates import today
from dakto.policy.identity.settings import get_identity
from dakto.policy.royalties.records import RoyaltyError
from dakto.policy.royalties.records import get_record
from dakto.policy.royalties.records import set_record
from dakto.policy.royalties.settings import genres
from dakto.policy.royalties.statement import statement
from dakto.policy.royalties.statement import valid_month
from dakto.policy.vocabularies import vocabulary


def genre_vocabulary(context=None):
    return vocabulary((g.token, f"{g.title} ({g.lowest}–{g.highest})") for g in genres().values())


class IRoyaltyForm(Interface):
    genre = schema.Choice(title=_("Genre"), vocabulary="dakto.policy.royalty_genres")
    coefficient = schema.TextLine(
        title=_("Coefficient"), description=_("Within the genre's frame, e.g. 1.5.")
    )
    payee = schema.TextLine(title=_("Payee"), description=_("Who is paid: the author."))
    unit = schema.TextLine(title=_("Payee's unit"), required=False)


class RoyaltyForm(AutoExtensibleForm, form.Form):
    """Record the royalty of a published article (Article 7.1)."""

    schema = IRoyaltyForm
    ignoreContext = True
    label = _("Royalty")

    def updateWidgets(self):
        super().updateWidgets()
        record = get_record(self.context) or {}
        defaults = {
            "genre": record.get("genre"),
            "coefficient": record.get("coefficient"),
            "payee": record.get("payee") or getattr(self.context, "news_author", None),
            "unit": record.get("unit") or getattr(self.context, "news_source", None),
        }
        if self.request.form.get("form.buttons.save"):
            return  # keep what was typed
        for name, value in defaults.items():
            if value:
                widget = self.widgets[name]
                widget.value = [value] if name == "genre" else value

    @property
    def record(self):
        return get_record(self.context)

    @button.buttonAndHandler(_("Save"), name="save")
    def handle_save(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        try:
            set_record(
                self.context, data["genre"], data["coefficient"], data["payee"], data["unit"]
            )
        except RoyaltyError as error:
            if error.field in self.widgets:
                raise WidgetActionExecutionError(error.field, Invalid(error.message)) from None
            self.status = error.message
            return
        api.portal.show_message(_("Royalty recorded."), request=self.request)
        self.request.response.redirect(self.context.absolute_url() + "/@@royalty")


def statement_tables(data, request):
    """The statement as spreadsheet tables: per payee, then each article."""
    identity = get_identity()
    t = lambda msgid: translate(msgid, context=request)  # noqa: E731
    heading = [
        identity.body_name or "",
        t(_("Royalty statement")),
        t(_("Month: ${month}", mapping={"month": display_month(data["month"])})),
    ]
    summary = spreadsheets.Table(
        name=t(_("Summary")),
        heading=heading,
        header=[
            t(_("Payee")),
            t(_("Unit")),
            t(_("Articles")),
            t(_("Coefficients")),
            t(_("Amount (VND)")),
        ],
        rows=[
            [p["payee"], p["unit"], len(p["articles"]), float(p["coefficients"]), p["amount"]]
            for p in data["people"]
        ],
        footer=[[t(_("Total")), "", data["articles"], "", data["amount"]]],
    )
    detail = spreadsheets.Table(
        name=t(_("Articles")),
        heading=heading,
        header=[
            t(_("Payee")),
            t(_("Article")),
            t(_("Genre")),
            t(_("Coefficient")),
            t(_("Unit value (VND)")),
            t(_("Amount (VND)")),
        ],
        rows=[
            [
                p["payee"],
                a["title"],
                a["genre"],
                float(a["coefficient"]),
                a["unit_value"],
                a["amount"],
            ]
            for p in data["people"]
            for a in p["articles"]
        ],
    )
    return summary, detail


def display_month(month):
    year, number = month.split("-")
    return f"{number}/{year}"


def this_month():
    return month_token(today())


class RoyaltyStatementView(BrowserView):
    """@@royalty-statement?month=YYYY-MM[&format=ods|xlsx]"""

    def __call__(self):
        month = self.request.form.get("month") or this_month()
        self.month = valid_month(month)
        if self.month is None:
            self.request.response.setStatus(400)
            self.error = _(
                "'${value}' is not a month: use YYYY-MM, e.g. 2026-11.",
                mapping={"value": str(month)[:20]},
            )
            self.data = None
            return self.index()
        self.error = None
        self.data = statement(self.month)
        format = self.request.form.get("format")
        if format in spreadsheets.FORMATS:
            return spreadsheets.export(
                format,
                f"nhuan-but-{self.month}",
                *statement_tables(self.data, self.request),
                response=self.request.response,
            )
        if format:
            self.request.response.setStatus(400)
            self.error = _("Unknown format: use ods or xlsx.")
        return self.index()

    def month_label(self):
        return _("Month: ${month}", mapping={"month": display_month(self.month)})

    def money(self, value):
        return f"{value:,}".replace(",", ".")
