"""``sitemap.xml``: Plone's sitemap, uncompressed and one file, with what an
anonymous visitor can see only (whoever asks)."""

from contextlib import contextmanager

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from plone.app.layout.sitemap.sitemap import SiteMapView
from plone.base.interfaces import ISiteSchema
from plone.registry.interfaces import IRegistry
from zExceptions import NotFound
from zope.component import getUtility


@contextmanager
def as_anonymous():
    previous = getSecurityManager()
    newSecurityManager(None, nobody)
    try:
        yield
    finally:
        setSecurityManager(previous)


class PlainSiteMap(SiteMapView):
    filename = "sitemap.xml"

    def objects(self):
        with as_anonymous():
            return list(self._objects())

    def __call__(self):
        settings = getUtility(IRegistry).forInterface(ISiteSchema, prefix="plone")
        if not settings.enable_sitemap:
            raise NotFound(self.context, self.filename, self.request)
        self.request.response.setHeader("Content-Type", "application/xml; charset=utf-8")
        return self.template()
