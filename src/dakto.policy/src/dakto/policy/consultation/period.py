"""The comment period of a draft (Article 4.1e): one place for its logic.

The period runs from the opening day to the closing day, both included, in
Viet Nam's time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving): a draft that
closes on 30/11 takes comments until 23:59 on 30/11 in Đắk Tô, whatever the
server's clock zone.
"""

from dakto.policy import _
from dakto.policy import dates
from dakto.policy.dates import day_of


NOT_YET_OPEN = "not-yet-open"
OPEN = "open"
CLOSED = "closed"

STATUS_TITLES = {
    NOT_YET_OPEN: _("Not yet open for comments"),
    OPEN: _("Open for comments"),
    CLOSED: _("Comment period closed"),
}


def today(now=None):
    """The date in Viet Nam at ``now`` (an aware datetime; default: the current time)."""
    if now is None:
        return dates.today()
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return dates.local_day(now)


def status(opens, closes, now=None):
    """NOT_YET_OPEN, OPEN or CLOSED for the period ``opens``–``closes`` (dates, inclusive)."""
    day = today(now)
    opens, closes = day_of(opens), day_of(closes)
    if opens and day < opens:
        return NOT_YET_OPEN
    if closes and day > closes:
        return CLOSED
    return OPEN


def days_left(closes, now=None):
    """Whole days after today until the closing day: 0 on the closing day; None once closed."""
    closes = day_of(closes)
    if closes is None:
        return None
    left = (closes - today(now)).days
    return left if left >= 0 else None


class Period:
    """The comment period of ``draft`` at ``now``: what views and the REST API show."""

    def __init__(self, draft, now=None):
        self.opens = day_of(getattr(draft, "comment_opens", None))
        self.closes = day_of(getattr(draft, "comment_closes", None))
        self.status = status(self.opens, self.closes, now)
        self.days_left = days_left(self.closes, now) if self.status == OPEN else None
        self.days_until_open = (
            (self.opens - today(now)).days if self.status == NOT_YET_OPEN else None
        )

    @property
    def is_open(self):
        return self.status == OPEN

    @property
    def is_closed(self):
        return self.status == CLOSED

    @property
    def status_title(self):
        return STATUS_TITLES[self.status]
