"""Settings of the editorial board (registry ``dakto.editorial.*``)."""

from zope import schema
from zope.interface import Interface
from zope.interface import Invalid

from dakto.policy import _
from dakto.policy.editorial_board import deadlines


CONFIGLET_ID = "editorial-board"


class InvalidHolidays(Invalid):
    __doc__ = _("Write one date a line as YYYY-MM-DD, optionally followed by its name.")


def valid_holidays(value):
    for line in value or ():
        if (line or "").strip():
            try:
                deadlines.parse_holiday(line)
            except deadlines.HolidayError:
                raise InvalidHolidays(line) from None
    return True


class IEditorialBoardSettings(Interface):
    """Deadlines and quota of the editorial board (Article 8.1; NĐ 43/2011 Art. 17)."""

    approval_deadline_days = schema.Int(
        title=_("Days to approve an article"),
        description=_(
            "Calendar days from the day after receipt; a deadline that falls on a "
            "weekend or a public holiday moves to the next working day (Article 8.1: 3)."
        ),
        default=deadlines.DEFAULT_APPROVAL_DAYS,
        min=1,
        max=60,
        required=True,
    )
    monthly_quota = schema.Int(
        title=_("Articles per member and month"),
        description=_(
            "Published articles each editorial board member must have a month (Article 8.1: 1)."
        ),
        default=deadlines.DEFAULT_QUOTA,
        min=0,
        max=100,
        required=True,
    )
    legal_deadline_working_days = schema.Int(
        title=_("Working days to put a legal document online"),
        description=_("Counted from the day after its issue date (NĐ 43/2011 Art. 17: 2)."),
        default=deadlines.DEFAULT_LEGAL_WORKING_DAYS,
        min=1,
        max=30,
        required=True,
    )
    holidays = schema.List(
        title=_("Public holidays"),
        description=_(
            "Weekdays off, one a line as YYYY-MM-DD followed by the holiday's name, "
            "e.g. '2026-02-16 Tết Nguyên đán'. Saturdays and Sundays are always days off. "
            "Add each year's days when the Government announces them."
        ),
        value_type=schema.TextLine(),
        default=list(deadlines.DEFAULT_HOLIDAYS),
        required=False,
        constraint=valid_holidays,
    )
