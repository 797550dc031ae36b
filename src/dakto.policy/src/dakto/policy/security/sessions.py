"""plone.session's ticket: timeout, refresh and the Secure flag from the settings.

plone.session already sets HttpOnly and SameSite=Lax on ``__ac``; the ticket
expires after ``session_timeout_minutes`` without activity (a page seen
refreshes it every quarter of that period, at most every 15 minutes).
"""

from dakto.policy.security import settings


def apply(portal):
    plugin = getattr(portal.acl_users, "session", None)
    if plugin is None:
        return
    timeout = int(settings.get("session_timeout_minutes")) * 60
    plugin._updateProperty("timeout", timeout)
    plugin._updateProperty("refresh_interval", min(timeout // 4, 15 * 60))
    plugin._updateProperty("secure", bool(settings.get("behind_https")))


def settings_changed(event):
    record = getattr(event, "record", None)
    if record is None or not record.__name__.startswith(settings.REGISTRY_PREFIX + "."):
        return
    from plone import api

    apply(api.portal.get())
