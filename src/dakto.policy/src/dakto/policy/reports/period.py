"""The period of a report: two dates (Viet Nam days, both included).

Without dates a report covers the last complete half-year: from July to
December a report made in January–June, January to June one made in
July–December (made on 29/11/2026 → 01/01/2026–30/06/2026).
"""

import re
from dataclasses import dataclass
from datetime import date
from datetime import timedelta

from dakto.policy import _
from dakto.policy.dates import local_date
from dakto.policy.dates import local_day_or_none
from dakto.policy.dates import month_token
from dakto.policy.editorial_board.board import day_start
from dakto.policy.editorial_board.deadlines import today as vn_today


DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MAX_DAYS = 3 * 366  # a report covers at most three years


class PeriodError(ValueError):
    """A bad period: ``field`` (start/end) and a message that says why."""

    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def query(self):
        """A catalog range for a DateIndex: from 00:00 of the first day to the
        last second of the last day, Viet Nam time."""
        return {
            "query": (day_start(self.start), day_start(self.end + timedelta(days=1)) - 1 / 86400),
            "range": "min:max",
        }

    def __contains__(self, day):
        return self.start <= day <= self.end

    def months(self):
        """'YYYY-MM' of every month the period touches, in order."""
        found, day = [], self.start.replace(day=1)
        while day <= self.end:
            found.append(month_token(day))
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return found

    def display(self):
        return f"{local_date(self.start)} – {local_date(self.end)}"


def default_period(today=None):
    """The last complete half-year before ``today`` (Viet Nam)."""
    today = today or vn_today()
    if today.month <= 6:
        return Period(date(today.year - 1, 7, 1), date(today.year - 1, 12, 31))
    return Period(date(today.year, 1, 1), date(today.year, 6, 30))


def _parse(field, raw):
    match = DATE_RE.match(raw)
    day = None
    if match:
        try:
            day = date(*(int(part) for part in match.groups()))
        except ValueError:
            day = None
    if day is None or not 1900 < day.year < 2500:
        raise PeriodError(
            field,
            _(
                "${field}: '${value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-01.",
                mapping={"field": field, "value": raw[:20]},
            ),
        )
    return day


def read_period(form, today=None):
    """The period asked for in ``form`` (``start``, ``end``); PeriodError if wrong."""
    raw = {}
    for name in ("start", "end"):
        value = form.get(name)
        if isinstance(value, (list, tuple)):
            value = value[-1] if value else ""
        raw[name] = value.strip() if isinstance(value, str) else ""
    if not raw["start"] and not raw["end"]:
        return default_period(today)
    for name in ("start", "end"):
        if not raw[name]:
            raise PeriodError(
                name,
                _(
                    "${field}: give both the start and the end of the period (YYYY-MM-DD), "
                    "or neither for the last half-year.",
                    mapping={"field": name},
                ),
            )
    start, end = _parse("start", raw["start"]), _parse("end", raw["end"])
    if end < start:
        raise PeriodError("end", _("end: the end of the period is before its start."))
    if (end - start).days >= MAX_DAYS:
        raise PeriodError("end", _("end: a report covers at most three years."))
    return Period(start, end)


#: the Viet Nam day of a date, datetime or DateTime (None if unset)
as_date = local_day_or_none
