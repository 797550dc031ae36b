"""What happens to a promotion on its own: its publication dates follow its
validity period, publishing needs the written confirmation, and after the end
date the public no longer sees it anywhere.

- Dates: on every save, ``effective`` is the start of the first day and
  ``expires`` the start of the day after the last one (Viet Nam time). Plone's
  catalog (``effectiveRange``) then leaves it out of every listing, search,
  navigation and feed for anyone without "Access inactive portal content".
- Publishing: a subscriber to DCWorkflow's before-transition event refuses any
  transition into the ``published`` state while the confirmation file is
  missing. A guard expression would only hide the "Publish" menu entry without
  saying why, and would have to be written into a workflow definition that
  other features own; the subscriber works with any workflow that has a
  ``published`` state and explains itself (HTTP 400 over REST, a page with the
  reason and a link to the edit form in the UI).
- Pages: catalog filtering does not protect the item's own URL, so after the
  end date a traversal hook answers 404 for every request that goes through
  the promotion (its page, its REST JSON, its logo and files) unless the user
  may edit or review it; editors see it marked "expired".
"""

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from zoneinfo import ZoneInfo

from AccessControl import getSecurityManager
from Acquisition import aq_base
from DateTime import DateTime
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five import BrowserView
from zExceptions import NotFound
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.dates import TIMEZONE
from dakto.policy.dates import today
from dakto.policy.promotion.content import IPromotion


CONFIRMATION_REQUIRED = _(
    "This promotion cannot be published yet: attach the business's written "
    "confirmation (Article 10 of the regulation) in the edit form, then publish it."
)

RUNNING = "running"
EXPIRED = "expired"
UPCOMING = "upcoming"
STATUS_TITLES = {
    RUNNING: _("Running"),
    EXPIRED: _("Expired"),
    UPCOMING: _("Not started yet"),
}
EDITOR_PERMISSIONS = (
    "Modify portal content",
    "Review portal content",
    "Access inactive portal content",
)


ZONE = ZoneInfo(TIMEZONE)


def start_of_day(day):
    """A ``date`` at 00:00 Viet Nam time, as a Zope DateTime."""
    return DateTime(datetime.combine(day, time.min, ZONE))


def status(promotion, day=None):
    """``running``, ``expired`` or ``upcoming`` on ``day`` (today in Viet Nam)."""
    day = day or today()
    start = getattr(promotion, "valid_from", None)
    end = getattr(promotion, "valid_until", None)
    if isinstance(end, date) and day > end:
        return EXPIRED
    if isinstance(start, date) and day < start:
        return UPCOMING
    return RUNNING


def is_expired(promotion):
    """Past its end (by its expiration date, which follows the validity period)."""
    expires = promotion.expiration_date
    if expires is not None and expires.isPast():
        return True
    return status(promotion) == EXPIRED


def sync_publication_dates(promotion, event=None):
    """Effective and expiration dates from the validity period."""
    start = getattr(promotion, "valid_from", None)
    end = getattr(promotion, "valid_until", None)
    changed = False
    if isinstance(start, date):
        effective = start_of_day(start)
        if promotion.effective_date != effective:
            promotion.effective_date = effective
            changed = True
    if isinstance(end, date):
        expires = start_of_day(end + timedelta(days=1))
        if promotion.expiration_date != expires:
            promotion.expiration_date = expires
            changed = True
    if changed:
        promotion.reindexObject()


class ConfirmationMissing(WorkflowException):
    """Publishing a promotion without the business's written confirmation."""


def has_confirmation(promotion):
    confirmation = getattr(promotion, "confirmation", None)
    return bool(confirmation and getattr(confirmation, "size", 0))


def require_confirmation(promotion, event):
    """Before any transition into ``published``: the confirmation must be there."""
    new_state = getattr(event, "new_state", None)
    if getattr(new_state, "id", None) != "published":
        return
    if not has_confirmation(promotion):
        request = getattr(promotion, "REQUEST", None)
        raise ConfirmationMissing(translate(CONFIRMATION_REQUIRED, context=request))


def may_see_expired(obj):
    security = getSecurityManager()
    return any(security.checkPermission(p, obj) for p in EDITOR_PERMISSIONS)


def _promotions_traversed(request):
    seen = list(request.get("PARENTS") or ())
    published = request.get("PUBLISHED")
    if published is not None:
        seen.append(published)
        seen.append(getattr(published, "context", None))
    for obj in seen:
        if obj is not None and IPromotion.providedBy(aq_base(obj)):
            yield obj


def hide_expired(event):
    """After traversal: a request that goes through an expired promotion is a 404
    for anyone who may not edit or review it."""
    request = event.request
    for promotion in _promotions_traversed(request):
        if is_expired(promotion) and not may_see_expired(promotion):
            raise NotFound(request.get("URL", ""))


class ConfirmationMissingView(BrowserView):
    """The page shown when publishing is refused: the reason and the way out."""

    def __call__(self):
        self.message = str(self.context)
        self.context = self.__parent__
        # Locked: plone.transformchain would reset it to 500 from the exception class.
        self.request.response.setStatus(409, lock=True)
        self.request.set("disable_border", True)
        return self.index()
