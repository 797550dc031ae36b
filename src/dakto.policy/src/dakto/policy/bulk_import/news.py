"""Import of news articles from a sheet, an old site's feed (``feeds.py``) or
its sitemap (``sitemaps.py``, the pages fetched).

The key is the article's address on the old site (``Địa chỉ cũ``): that
address is kept as a redirect to the new article (plone.app.redirector, the
storage Plone's "page not found" consults), so links to the old site keep
working once its domain points to the portal; a re-run finds the article
through that redirect and updates it. A row without an old address is keyed
by its title (the article's id is made of it).

Source and author are required (Article 7.1, ``news/rules.py``); a feed
gives the channel's title as the source and the item's author, a sitemap's
page its ``og:site_name`` (else the host) and its ``author`` meta.
"""

from urllib.parse import urlsplit

from plone.app.redirector.interfaces import IRedirectionStorage
from zope.component import getUtility

from dakto.policy import _
from dakto.policy.bulk_import import base
from dakto.policy.bulk_import import columns as cols
from dakto.policy.dates import as_DateTime
from dakto.policy.filetypes import head
from dakto.policy.filetypes import mismatch
from dakto.policy.filetypes import sniff
from dakto.policy.news.behaviors import AUTHOR_REQUIRED
from dakto.policy.news.behaviors import SOURCE_REQUIRED
from dakto.policy.structure.sections import NEWS_SECTION
from dakto.policy.text import fold


PORTAL_TYPE = "News Item"
IMAGE_KINDS = ("png", "jpeg", "gif")
VALUES = ("title", "description", "text", "news_source", "news_author")


def old_path(url):
    """The path of ``url`` on the old site, with its query: what a visitor
    asks the portal for once the old domain points to it."""
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def title_key(title):
    return ("title", " ".join(fold(title).split()))


class Existing:
    """The articles already on the site: by redirect, or by id for a title."""

    def __init__(self, portal, container):
        self.portal = portal
        self.container = container
        self.storage = getUtility(IRedirectionStorage)
        self.site_path = "/".join(portal.getPhysicalPath())

    def get(self, key):
        if key[0] == "url":
            target = self.storage.get(self.site_path + old_path(key[1]))
            obj = self.portal.unrestrictedTraverse(target, None) if target else None
        else:  # the article of that title, not another that has its id
            obj = self.container.get(base.new_id({}, key[1]))
            if obj is not None and title_key(obj.title or "") != key:
                return None
        if obj is None or getattr(obj, "portal_type", None) != PORTAL_TYPE:
            return None
        return Found(obj)


class Found:
    """What ``engine.write`` expects of a catalog brain."""

    def __init__(self, obj):
        self.obj = obj

    def _unrestrictedGetObject(self):
        return self.obj


class News(base.Importer):
    name = "news"
    portal_type = PORTAL_TYPE
    columns = cols.NEWS
    key_column = "source_url"

    def existing(self, portal):
        return Existing(portal, self.container(portal))

    def key(self, values):
        if values.get("source_url"):
            return ("url", values["source_url"])
        return title_key(values["title"])

    def check(self, values, existing):
        url = values.get("source_url")
        if url and urlsplit(url).scheme not in ("http", "https"):
            return [
                ("source_url", _("'${value}' is not an http(s) address.", mapping={"value": url}))
            ]
        if not values.get("news_source"):
            return [("news_source", SOURCE_REQUIRED)]
        if not values.get("news_author"):
            return [("news_author", AUTHOR_REQUIRED)]
        image = values.get("image")
        if image is not None:
            data = image.read()
            message = mismatch(image.filename, "", data)
            if message is None and sniff(head(data)) not in IMAGE_KINDS:
                message = _(
                    "'${name}' is not an image (JPEG, PNG, GIF).", mapping={"name": image.filename}
                )
            if message:
                return [("image", message)]
        return []

    def container(self, portal):
        return portal[NEWS_SECTION]

    def _attributes(self, values):
        attributes = {name: values.get(name) for name in VALUES}
        attributes["description"] = values.get("description") or ""
        return attributes

    def create(self, container, values):
        item_id = base.new_id(container, values["title"])
        attributes = self._attributes(values)
        if values.get("image") is not None:
            attributes["image"] = base.blob(values["image"], image=True)
        obj = base.add(container, PORTAL_TYPE, item_id, **attributes)
        if values.get("date"):
            obj.setEffectiveDate(as_DateTime(values["date"]))
        return obj

    def update(self, obj, values):
        changed = base.set_changed(obj, self._attributes(values))
        ref = values.get("image")
        if ref is not None and not base.same_file(getattr(obj, "image", None), ref):
            obj.image = base.blob(ref, image=True)
            changed = True
        if values.get("date"):
            effective = as_DateTime(values["date"])
            if obj.effective() != effective:
                obj.setEffectiveDate(effective)
                changed = True
        return changed

    def after(self, portal, result, written):
        """Every old address redirects to its article."""
        storage = getUtility(IRedirectionStorage)
        site_path = "/".join(portal.getPhysicalPath())
        for values, path in written:
            if values.get("source_url"):
                old = site_path + old_path(values["source_url"])
                if old != path and storage.get(old) != path:
                    storage.add(old, path)
