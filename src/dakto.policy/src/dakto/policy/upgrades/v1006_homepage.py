"""1006, the homepage of a government portal (issue 16) and the site-wide
urgent notice (issue 17.7).

What a fresh install has, set here on a site installed before: the urgent
notice's registry records (empty: nothing shows), its control panel entry
(for those who may publish), its ETag component in the cached pages' rules,
and the site root's layout ``homepage`` (full width: Plone's navigation and
events portlets are no longer shown on the homepage; they stay on the other
pages), offered in the root's Display menu. A root whose layout an
administrator changed to something else than Plone's ``document_view`` keeps
it. Self-contained: the values themselves, no install code of today.
"""

from plone import api

from dakto.policy.permissions import PUBLISH_CONTENT


PREFIX = "dakto.urgent_notice"
HOMEPAGE = "homepage"
OLD_LAYOUTS = ("document_view", "listing_view", None, "")
ETAG = "urgentNotice"
ETAG_RECORDS = (
    "plone.app.caching.moderateCaching.plone.content.itemView.etags",
    "plone.app.caching.moderateCaching.plone.content.folderView.etags",
    "plone.app.caching.weakCaching.plone.content.itemView.etags",
    "plone.app.caching.weakCaching.plone.content.folderView.etags",
)
CONFIGLET = {
    "id": "dakto-urgent-notice",
    "name": "Urgent notice",
    "action": "string:${portal_url}/@@dakto-urgent-notice",
    "appId": "dakto.policy",
    "category": "plone-general",
    "permission": (PUBLISH_CONTENT,),
    "icon_expr": "string:exclamation-triangle",
}


def _records(registry):
    """The notice's records, empty (the schema's fields; registering again
    keeps values already there)."""
    from dakto.policy.homepage.interfaces import IUrgentNoticeSettings

    registry.registerInterface(IUrgentNoticeSettings, prefix=PREFIX)


def _etags(registry):
    for name in ETAG_RECORDS:
        if name in registry.records:
            values = tuple(registry[name] or ())
            if ETAG not in values:
                registry[name] = (*values, ETAG)


def _configlet():
    panel = api.portal.get_tool("portal_controlpanel")
    if CONFIGLET["id"] not in {action.id for action in panel.listActions()}:
        panel.registerConfiglet(**CONFIGLET)


def _layout(portal):
    fti = api.portal.get_tool("portal_types").getTypeInfo("Plone Site")
    if HOMEPAGE not in fti.view_methods:
        fti.manage_changeProperties(view_methods=(*fti.view_methods, HOMEPAGE))
    if portal.getLayout() in OLD_LAYOUTS:
        portal.setLayout(HOMEPAGE)


def upgrade(context):
    portal = api.portal.get()
    registry = api.portal.get_tool("portal_registry")
    _records(registry)
    _etags(registry)
    _configlet()
    _layout(portal)
