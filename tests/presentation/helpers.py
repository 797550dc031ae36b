"""Content for the presentation tests, created in the functional layer."""

import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.testing.zope import Browser


VN = "GMT+7"


def create(functional, path, portal_type, id, title, publish=True, effective=None, **fields):
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    container = portal.unrestrictedTraverse(path) if path else portal
    obj = api.content.create(
        container=container, type=portal_type, id=id, title=title, safe_id=False
    )
    for name, value in fields.items():
        setattr(obj, name, value)
    if effective:
        obj.setEffectiveDate(DateTime(f"{effective} {VN}"))
    if publish:
        api.content.transition(obj, to_state="published")
    obj.reindexObject()
    transaction.commit()
    return obj


def news(functional, id, title, topic="kinh-te", **fields):
    fields.setdefault("news_source", "UBND thị trấn Đắk Tô")
    fields.setdefault("news_author", "Nguyễn Thị Hoa")
    fields.setdefault("news_topics", [topic])
    fields.setdefault("description", f"Tóm tắt: {title}")
    return create(functional, f"tin-tuc/{topic}", "News Item", id, title, **fields)


def anonymous(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    return browser


def visitor(functional):
    """A browser that gets error pages as a visitor does (handleErrors on)."""
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.addHeader("Accept", "text/html")
    return browser


def metas(html):
    """name/property → content of the page's meta tags."""
    import re

    found = {}
    for tag in re.findall(r"<meta\b[^>]*>", html):
        key = re.search(r'\b(?:name|property)="([^"]+)"', tag)
        value = re.search(r'\bcontent="([^"]*)"', tag)
        if key and value:
            found[key.group(1)] = value.group(1).replace("&amp;", "&")
    return found
