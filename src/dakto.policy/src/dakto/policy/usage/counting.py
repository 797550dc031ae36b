"""One page view, as the beacon reports it: who is not counted, and the limits.

A view is counted when all of these hold (``count_view`` says which failed):

- the client is not a robot by its User-Agent (``ROBOTS``; an empty one counts
  as a robot);
- nobody is logged in (the board's own previews and checks are not usage);
- the UID is one of this site's items that an anonymous visitor may see (the
  catalog searched as the visitor);
- the client has not had this item counted in the last ``ITEM_LIMITER``
  window (a reload is not a new reader), nor more than ``CLIENT_LIMITER``
  views of the site in its window (one client cannot inflate the numbers).

The rate limits are the public forms' (``antispam.RateLimiter``: shared by
every Zope process), keyed not by the address but by an HMAC of the day, the
address (and the item) with the site's keyring secret: the key cannot be
turned back into an address, and changes every day. No cookie is read or set.
"""

import hashlib
import hmac
import re

from plone import api

from dakto.policy import antispam
from dakto.policy.dates import today
from dakto.policy.usage.store import VIEWS


ROBOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"monitor|pingdom|uptime|lighthouse|pagespeed|curl|wget|python|java/|go-http|"
    r"okhttp|libwww|httpclient|axios|node-fetch|scrapy|httpie|feedfetcher",
    re.IGNORECASE,
)
UID_RE = re.compile(r"^[0-9a-f]{32}$")
ITEM_LIMITER = antispam.RateLimiter("page-view-item", 1, 1800)
CLIENT_LIMITER = antispam.RateLimiter("page-view-client", 120, 3600)

COUNTED = "counted"
ROBOT = "robot"
STAFF = "staff"
UNKNOWN = "unknown"
LIMITED = "limited"


def site_key(portal=None):
    """The site's path: the key of its rows (one deployment hosts many sites)."""
    portal = portal or api.portal.get()
    return "/".join(portal.getPhysicalPath())


def is_robot(user_agent):
    return not (user_agent or "").strip() or bool(ROBOTS.search(user_agent))


def _secret():
    try:
        from plone.keyring.interfaces import IKeyManager
        from zope.component import getUtility

        return getUtility(IKeyManager).secret().encode()
    except Exception:  # no keyring (a bare test site): still not the address
        return site_key().encode()


def client_key(request, day, *parts):
    """An HMAC of the day, the client's address and ``parts``: never the address."""
    message = "|".join((day, antispam.client_address(request), *parts)).encode()
    return hmac.new(_secret(), message, hashlib.sha256).hexdigest()[:32]


def visible_item(portal, uid):
    """The catalog brain of ``uid`` if anonymous may see it on this site."""
    if not isinstance(uid, str) or not UID_RE.match(uid):
        return None
    if uid == api.content.get_uuid(portal):
        return portal
    brains = api.portal.get_tool("portal_catalog").searchResults(UID=uid)
    return brains[0] if len(brains) else None


def count_view(request, portal, uid):
    """Count one view of ``uid``; the reason token (``COUNTED`` or why not)."""
    if is_robot(request.get_header("User-Agent")):
        return ROBOT
    if not api.user.is_anonymous():
        return STAFF
    if visible_item(portal, uid) is None:
        return UNKNOWN
    day = today().isoformat()
    try:
        ITEM_LIMITER.hit(request, key=client_key(request, day, uid))
        CLIENT_LIMITER.hit(request, key=client_key(request, day))
    except antispam.Refused:
        return LIMITED
    VIEWS.add(site_key(portal), uid, day)
    return COUNTED


def views_of(obj):
    """Every view of ``obj`` counted so far."""
    return VIEWS.total(site_key(), api.content.get_uuid(obj))


def number(value):
    """A count as Vietnamese writes it: 12.345."""
    return f"{value:,}".replace(",", ".")
