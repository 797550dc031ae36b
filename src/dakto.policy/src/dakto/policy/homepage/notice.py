"""The site-wide urgent notice (issue 17.7): floods, storms, outages.

An editor who may publish (Site Administrator, the board's publishers) sets
a heading, a text, an optional link and when it is shown — from ``starts``
to ``ends``, Viet Nam time, stored naive as the registry keeps datetimes —
in the control panel ``@@dakto-urgent-notice`` or with ``PATCH
@urgent-notice``. Every page shows it at the top while now is within that
period; before and after, nothing.

Cached pages follow the notice:

- the ETag component ``urgentNotice`` changes when the notice starts, ends
  or is edited, so no page kept by Zope's RAM cache or revalidated by a
  browser (max-age 0) hides or repeats it;
- a change of the notice bans the pages the caching proxy holds (a ``BAN``
  of every URL, deploy/varnish/default.vcl), after the commit;
- while a notice is set to start or end, no response is kept by the proxy
  beyond that moment (``s-maxage`` shortened, ``NoticeLifetime``).
"""

import hashlib
import re
from datetime import datetime
from datetime import timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from plone import api
from plone.app.caching.interfaces import IETagValue
from plone.app.layout.viewlets import ViewletBase
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.registry.interfaces import IRecordModifiedEvent
from plone.restapi.services import Service
from plone.transformchain.interfaces import ITransform
from plone.z3cform import layout
from zope.component import adapter
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import implementer
from zope.schema import ValidationError

from dakto.policy import _
from dakto.policy.caching.purge import ban_after_commit
from dakto.policy.dates import TIMEZONE
from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_datetime
from dakto.policy.homepage.interfaces import LINK_MESSAGE
from dakto.policy.homepage.interfaces import NOTICE_PREFIX
from dakto.policy.homepage.interfaces import WEB_SCHEMES
from dakto.policy.homepage.interfaces import IUrgentNoticeSettings
from dakto.policy.permissions import PUBLISH_CONTENT
from dakto.policy.presentation.maintenance import now_in_vietnam
from dakto.policy.rest import allow_write
from dakto.policy.rest import bad_request
from dakto.policy.rest import json_object


FIELDS = ("heading", "message", "link", "starts", "ends")


def notice_settings():
    registry = api.portal.get_tool("portal_registry")
    return registry.forInterface(IUrgentNoticeSettings, prefix=NOTICE_PREFIX, check=False)


def stored_notice():
    """The stored values ({field: value}); all None where the records are missing."""
    try:
        settings = notice_settings()
        return {name: getattr(settings, name, None) for name in FIELDS}
    except (KeyError, AttributeError):
        return dict.fromkeys(FIELDS)


def is_shown(values, now):
    """Whether the notice ``values`` shows at ``now`` (naive, Viet Nam time)."""
    starts, ends = values.get("starts"), values.get("ends")
    if not (starts and ends) or not (values.get("heading") or values.get("message")):
        return False
    return starts <= now < ends


def current_notice(now=None):
    """The notice shown now, as ``{heading, message, link, starts, ends,
    starts_text, ends_text}`` (the dates as ISO 8601 with the Viet Nam offset
    and as 'dd/mm/yyyy HH:MM'), or None."""
    values = stored_notice()
    if not is_shown(values, now or now_in_vietnam()):
        return None
    return as_json(values) | {
        "starts_text": local_datetime(values["starts"]),
        "ends_text": local_datetime(values["ends"]),
    }


def as_json(values):
    return {
        "heading": values.get("heading") or "",
        "message": values.get("message") or "",
        "link": values.get("link") or "",
        "starts": iso_datetime(values.get("starts")),
        "ends": iso_datetime(values.get("ends")),
    }


#: The longest a proxy keeps a page (caching.xml: item pages, 24 h).
LONGEST_PROXY_LIFETIME = timedelta(days=1)


def notice_token(now=None):
    """What identifies the page's notice (caching: ETag component
    ``urgentNotice``): '' while none shows and none is due, else a short hash
    of what shows and, while a start or end is due within a proxy's lifetime,
    of that moment and the minute — so that a page Zope's RAM cache keeps
    (with its headers) is rendered again each minute with the ``s-maxage``
    of ``NoticeLifetime``."""
    now = now or now_in_vietnam()
    parts = []
    notice = current_notice(now)
    if notice is not None:
        parts += [str(notice[name]) for name in FIELDS]
    moment = next_change(now)
    if moment is not None and moment - now <= LONGEST_PROXY_LIFETIME:
        parts += [moment.isoformat(), now.strftime("%Y%m%d%H%M")]
    if not parts:
        return ""
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


@implementer(IETagValue)
@adapter(Interface, Interface)
class UrgentNoticeETag:
    """ETag component ``urgentNotice`` (profile registry/urgent_notice.xml)."""

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def __call__(self):
        return notice_token()


def next_change(now=None):
    """The next moment (naive, Viet Nam time) the page's notice appears or
    disappears; None when nothing is set to change."""
    now = now or now_in_vietnam()
    values = stored_notice()
    if not is_shown(values, values.get("starts") or now):
        return None  # incomplete: never shows
    moments = [m for m in (values["starts"], values["ends"]) if m > now]
    return min(moments) if moments else None


SMAXAGE = re.compile(r"s-maxage=(\d+)")


@implementer(ITransform)
@adapter(Interface, Interface)
class NoticeLifetime:
    """After plone.caching's mutator (order 12000): a response the proxy may
    keep (``s-maxage``) is kept no longer than until the notice's next start
    or end, so that the notice appears and disappears on time behind Varnish."""

    order = 12100

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def _shorten(self):
        response = self.request.response
        header = response.getHeader("Cache-Control") or ""
        match = SMAXAGE.search(header)
        if not match:
            return
        moment = next_change()
        if moment is None:
            return
        left = max(0, int((moment - now_in_vietnam()).total_seconds()))
        if left < int(match.group(1)):
            response.setHeader("Cache-Control", SMAXAGE.sub(f"s-maxage={left}", header))

    def transformBytes(self, result, encoding):
        self._shorten()
        return result

    def transformUnicode(self, result, encoding):
        self._shorten()
        return result

    def transformIterable(self, result, encoding):
        self._shorten()
        return result


def _ban_paths(settings):
    """What the BAN names: the site's own host(s) when it is served on its
    domain (the purge settings' domains, platform/hosts.py), in the virtual
    hosting form Varnish turns into a ban of that host's pages only
    (deploy/varnish/default.vcl); else every page the proxy holds."""
    if not (settings.virtualHosting and settings.domains):
        return ["/"]
    site_id = api.portal.get().getId()
    paths = []
    for domain in settings.domains:
        parts = urlsplit(domain)
        paths.append(f"/VirtualHostBase/{parts.scheme}/{parts.netloc}/{site_id}/VirtualHostRoot/")
    return paths


def ban_proxy_pages():
    """Ask the caching proxies to drop the site's pages they hold (after the commit)."""
    from plone.cachepurging.interfaces import ICachePurgingSettings

    registry = api.portal.get_tool("portal_registry")
    ban_after_commit(_ban_paths(registry.forInterface(ICachePurgingSettings, check=False)))


@adapter(IRecordModifiedEvent)
def notice_changed(event):
    if event.record.__name__.startswith(NOTICE_PREFIX + ".") and event.oldValue != event.newValue:
        ban_proxy_pages()  # once a transaction, however many fields changed


class UrgentNoticeViewlet(ViewletBase):
    """At the top of every page while the notice runs."""

    def update(self):
        super().update()
        self.notice = current_notice()

    def render(self):
        return self.index() if self.notice else ""


class UrgentNoticeControlPanelForm(RegistryEditForm):
    schema = IUrgentNoticeSettings
    schema_prefix = NOTICE_PREFIX
    label = _("Urgent notice")
    description = _(
        "An urgent announcement (floods, storms, power or water outages) shown at the "
        "top of every page, the homepage included, from its start to its end (Viet Nam "
        "time). Before the start and after the end it is not shown. Clear both times "
        "to withdraw it."
    )


UrgentNoticeControlPanelView = layout.wrap_form(
    UrgentNoticeControlPanelForm, ControlPanelFormWrapper
)


def _body(context, request):
    body = {
        "@id": f"{context.absolute_url()}/@urgent-notice",
        "notice": current_notice(),
    }
    if api.user.has_permission(PUBLISH_CONTENT, obj=context):
        body["settings"] = as_json(stored_notice())
    return body


class UrgentNoticeGet(Service):
    """``GET @urgent-notice``: the notice shown now (``null`` when none);
    editors who may set it also get its ``settings``."""

    def reply(self):
        return _body(self.context, self.request)


def _parse(name, value):
    field = IUrgentNoticeSettings[name]
    if value in (None, ""):
        return None
    if name in ("starts", "ends"):
        if not isinstance(value, str):
            raise Invalid(_("Give a date and time such as 2026-12-04T08:00."))
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise Invalid(_("Give a date and time such as 2026-12-04T08:00.")) from None
        if moment.tzinfo is not None:
            moment = moment.astimezone(ZoneInfo(TIMEZONE)).replace(tzinfo=None)
        return moment
    if not isinstance(value, str):
        raise Invalid(_("Give a text."))
    if name == "link" and not (value.lower().startswith(WEB_SCHEMES) and value.split() == [value]):
        raise Invalid(LINK_MESSAGE)
    field = field.bind(None)
    try:
        field.validate(value)
    except ValidationError as exc:
        raise Invalid(exc.doc()) from None
    return value


class UrgentNoticePatch(Service):
    """``PATCH @urgent-notice``: set any of ``heading``, ``message``, ``link``,
    ``starts``, ``ends`` (ISO 8601; without an offset: Viet Nam time; ``null``
    clears); the whole notice is checked as the control panel checks it."""

    def reply(self):
        allow_write(self.request)
        data = json_object(self.request)
        if data is None:
            return bad_request(self.request, {"": _("Send a JSON object.")})
        unknown = sorted(set(data) - set(FIELDS))
        if unknown:
            return bad_request(self.request, {unknown[0]: _("Not a field of the notice.")})
        values = stored_notice()
        for name, value in data.items():
            try:
                values[name] = _parse(name, value)
            except Invalid as exc:
                return bad_request(self.request, {name: exc.args[0]})
        try:
            IUrgentNoticeSettings.validateInvariants(_Values(values))
        except Invalid as exc:
            return bad_request(self.request, {"": exc.args[0]})
        settings = notice_settings()
        for name in FIELDS:
            setattr(settings, name, values[name])
        return _body(self.context, self.request)


class _Values:
    def __init__(self, values):
        self.__dict__.update(values)
