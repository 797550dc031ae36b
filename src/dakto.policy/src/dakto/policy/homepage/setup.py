"""The site root shows the homepage (view.py) and cached pages carry the
urgent notice in their ETag (notice.py); at uninstall Plone's
``document_view`` again and the ETag component removed."""

from plone import api

from dakto.policy.homepage.view import HOMEPAGE_VIEW
from dakto.policy.registrations import FeatureSetup


SITE_TYPE = "Plone Site"
PLONE_DEFAULT_VIEW = "document_view"
ETAG = "urgentNotice"
#: The rules of the pages that show the notice: moderate caching
#: (caching.xml), and weak caching where a site still has the preset's
#: records (the RAM cache is keyed by the ETag under both).
ETAG_RECORDS = tuple(
    f"plone.app.caching.{operation}.plone.content.{rule}.etags"
    for operation in ("moderateCaching", "weakCaching")
    for rule in ("itemView", "folderView")
)


def offer_view(add=True):
    """The homepage among the views the root's "Display" menu offers."""
    fti = api.portal.get_tool("portal_types").getTypeInfo(SITE_TYPE)
    methods = [m for m in fti.view_methods if m != HOMEPAGE_VIEW]
    if add:
        methods.append(HOMEPAGE_VIEW)
    fti.manage_changeProperties(view_methods=tuple(methods))


def notice_in_etags(add=True):
    registry = api.portal.get_tool("portal_registry")
    for name in ETAG_RECORDS:
        if name not in registry.records:
            continue
        values = [value for value in registry[name] or () if value != ETAG]
        if add:
            values.append(ETAG)
        registry[name] = tuple(values)


def install(portal):
    offer_view()
    portal.setLayout(HOMEPAGE_VIEW)
    notice_in_etags()


def uninstall(portal):
    offer_view(add=False)
    if portal.getLayout() == HOMEPAGE_VIEW:
        portal.setLayout(PLONE_DEFAULT_VIEW)
    notice_in_etags(add=False)


registration = FeatureSetup(install, uninstall, after=("caching", "structure"))
