"""The publishing duties checked by the self-check, one small class each.

Every check answers a ``Result``: met or not, what was found (a message for
the administrator) and the page where it is fixed. They read the catalog
unrestricted: the page is for administrators only.
"""

from dataclasses import dataclass
from datetime import date

from plone import api
from plone.app.textfield.value import RichTextValue
from zope.interface import implementer
from zope.schema import getFieldsInOrder

from dakto.policy import _
from dakto.policy.compliance.interfaces import ICheck
from dakto.policy.workflow.names import ONLINE_STATES


ORGANISATION_PATH = "gioi-thieu/co-cau-to-chuc"
PROCEDURES_PATH = "thu-tuc-hanh-chinh"
ENGLISH_PATH = "en"
BUDGET_PATH = "thong-tin-cong-khai/ngan-sach"
PLANNING_PATH = "thong-tin-cong-khai/chien-luoc-ke-hoach"
FEEDBACK_PATH = "phan-anh-kien-nghi"


@dataclass
class Result:
    ok: bool
    detail: object  # a message id (translated by the page and the service)
    fix_url: str


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _path(portal, relative):
    return "/".join(portal.getPhysicalPath() + tuple(relative.split("/")))


def _url(portal, relative):
    return f"{portal.absolute_url()}/{relative}"


def _objects(**query):
    for brain in _catalog().unrestrictedSearchResults(**query):
        try:
            yield brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            continue


def _filled(value):
    if isinstance(value, RichTextValue):
        return bool((value.output or value.raw or "").strip())
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None and value != () and value != [] and value != set()


class Check:
    """The common part: ``title``, ``basis``, ``after`` and ``fix``."""

    title = ""
    basis = ""
    after = ()
    fix = ""


@implementer(ICheck)
class OrganisationCheck(Check):
    title = _("Organisation with its functions and the contact officer")
    basis = "Quy chế, Điều 4.1a; NĐ 42/2022, Điều 6"
    fix = ORGANISATION_PATH

    def __call__(self, portal, today):
        units = list(_objects(portal_type="OrgUnit"))
        officers = list(_objects(portal_type="Person", is_contact_officer=True))
        url = _url(portal, self.fix)
        if not units:
            return Result(False, _("No unit of the organisation is online yet."), url)
        missing = [u.Title() for u in units if not _filled(getattr(u, "functions", None))]
        if missing:
            return Result(
                False,
                _(
                    "Units without their functions and duties: ${names}.",
                    mapping={"names": ", ".join(missing)},
                ),
                units[0].absolute_url() if len(missing) == len(units) else url,
            )
        if len(officers) != 1:
            return Result(
                False,
                _(
                    "Exactly one person must be marked as contact officer; found ${count}.",
                    mapping={"count": len(officers)},
                ),
                url,
            )
        return Result(
            True,
            _(
                "${units} unit(s) with their functions; contact officer: ${name}.",
                mapping={"units": len(units), "name": officers[0].Title()},
            ),
            url,
        )


@implementer(ICheck)
class LeadersCheck(Check):
    title = _("Leaders with their phone and e-mail")
    basis = "Quy chế, Điều 4.1a; NĐ 42/2022, Điều 6"
    after = ("organisation",)
    fix = ORGANISATION_PATH

    def __call__(self, portal, today):
        leaders = list(_objects(portal_type="Person", is_leader=True))
        url = _url(portal, self.fix)
        if not leaders:
            return Result(False, _("Nobody is marked as a leader yet."), url)
        missing = [p for p in leaders if not (_filled(p.phone or "") and _filled(p.email or ""))]
        if missing:
            return Result(
                False,
                _(
                    "Leaders without a phone or an e-mail: ${names}.",
                    mapping={"names": ", ".join(p.Title() for p in missing)},
                ),
                f"{missing[0].absolute_url()}/edit",
            )
        return Result(
            True,
            _(
                "${count} leader(s), each with a phone and an e-mail.",
                mapping={"count": len(leaders)},
            ),
            url,
        )


@implementer(ICheck)
class LegalDocumentsCheck(Check):
    title = _("Legal documents online within 2 working days")
    basis = "NĐ 43/2011, Điều 17"
    after = ("leaders",)
    fix = "@@editorial-dashboard#legal-documents"

    def __call__(self, portal, today):
        from dakto.policy.editorial_board import board

        late, _soon, _published_late = board.legal_documents(today=today)
        url = _url(portal, self.fix)
        if late:
            return Result(
                False,
                _(
                    "Legal documents not online and past their deadline: ${names}.",
                    mapping={"names": ", ".join(e["object"].document_number or "" for e in late)},
                ),
                url,
            )
        return Result(True, _("No legal document is past its deadline."), url)


@implementer(ICheck)
class ProceduresCheck(Check):
    title = _("Administrative procedures complete")
    basis = "NĐ 63/2010, Điều 8.2 (NĐ 92/2017)"
    after = ("legal_documents",)
    fix = PROCEDURES_PATH

    def __call__(self, portal, today):
        from dakto.policy.procedures.content import IProcedure

        required = [name for name, field in getFieldsInOrder(IProcedure) if field.required]
        procedures = list(_objects(portal_type="Procedure", review_state=list(ONLINE_STATES)))
        url = _url(portal, self.fix)
        if not procedures:
            return Result(False, _("No administrative procedure is published yet."), url)
        incomplete = [
            p for p in procedures if not all(_filled(getattr(p, n, None)) for n in required)
        ]
        if incomplete:
            return Result(
                False,
                _(
                    "Published procedures with a required part missing: ${names}.",
                    mapping={"names": ", ".join(p.Title() for p in incomplete)},
                ),
                f"{incomplete[0].absolute_url()}/edit",
            )
        return Result(
            True,
            _("${count} published procedure(s), all complete.", mapping={"count": len(procedures)}),
            url,
        )


def _online_under(portal, relative, year=None):
    """Items online under ``relative`` (and, with ``year``, made in it or naming it)."""
    found = []
    for obj in _objects(
        path={"query": _path(portal, relative), "depth": -1},
        review_state=list(ONLINE_STATES),
    ):
        if "/".join(obj.getPhysicalPath()) == _path(portal, relative):
            continue
        if year is None or str(year) in obj.Title() or obj.created().year() == year:
            found.append(obj)
    return found


@implementer(ICheck)
class EnglishCheck(Check):
    title = _("The English part")
    basis = "NĐ 42/2022, Điều 7"
    after = ("procedures",)
    fix = ENGLISH_PATH

    def __call__(self, portal, today):
        url = _url(portal, self.fix)
        if ENGLISH_PATH not in portal.objectIds() or not _online_under(portal, ENGLISH_PATH):
            return Result(False, _("The English part has no published page yet."), url)
        return Result(True, _("The English part has published pages."), url)


class YearCheck(Check):
    """Something published for the current year in a section."""

    def __call__(self, portal, today):
        year = (today or date.today()).year
        url = _url(portal, self.fix)
        found = (
            _online_under(portal, self.fix, year)
            if self.fix.split("/")[0] in portal.objectIds()
            else []
        )
        if not found:
            return Result(
                False, _("Nothing published for ${year} yet.", mapping={"year": year}), url
            )
        return Result(
            True,
            _(
                "${count} item(s) published for ${year}.",
                mapping={"count": len(found), "year": year},
            ),
            url,
        )


@implementer(ICheck)
class BudgetCheck(YearCheck):
    title = _("Budget information for the year")
    basis = "Quy chế, Điều 4.1h; NĐ 42/2022, Điều 4"
    after = ("english",)
    fix = BUDGET_PATH


@implementer(ICheck)
class PlanningCheck(YearCheck):
    title = _("Strategies and plans for the year")
    basis = "Quy chế, Điều 4.1h; NĐ 42/2022, Điều 4"
    after = ("budget",)
    fix = PLANNING_PATH


@implementer(ICheck)
class FeedbackCheck(Check):
    title = _("Feedback answered on time")
    basis = "Quy chế, Điều 9; NĐ 43/2011, Điều 17"
    after = ("planning",)
    fix = FEEDBACK_PATH

    def __call__(self, portal, today):
        from dakto.policy.feedback.deadlines import late_feedback

        late = list(late_feedback(today))
        url = _url(portal, self.fix)
        if late:
            return Result(
                False,
                _("Feedback past its deadline: ${count}.", mapping={"count": len(late)}),
                url,
            )
        return Result(True, _("No feedback is past its deadline."), url)


@implementer(ICheck)
class DailyUpdatesCheck(Check):
    title = _("A publication every working day")
    basis = "Quy chế, Điều 8.1; TT 26/2009"
    after = ("feedback",)
    fix = "@@editorial-dashboard#daily-updates"

    def __call__(self, portal, today):
        from dakto.policy.editorial_board import daily

        missed = daily.this_month(today)
        url = _url(portal, self.fix)
        if missed:
            return Result(
                False,
                _(
                    "Working days this month without any publication: ${days}.",
                    mapping={"days": ", ".join(f"{d:%d/%m/%Y}" for d in missed)},
                ),
                url,
            )
        return Result(True, _("Something was published on every working day this month."), url)


organisation = OrganisationCheck()
leaders = LeadersCheck()
legal_documents = LegalDocumentsCheck()
procedures = ProceduresCheck()
english = EnglishCheck()
budget = BudgetCheck()
planning = PlanningCheck()
feedback = FeedbackCheck()
daily_updates = DailyUpdatesCheck()
