"""Create the demo content; every call is safe to repeat."""

import logging

from DateTime import DateTime
from plone import api
from plone.app.textfield.value import RichTextValue

from dakto.policy.demo.content import FRONT_PAGE_TEXT
from dakto.policy.demo.content import NEWS
from dakto.policy.demo.content import PAGES
from dakto.policy.structure.setup import SITE_LANGUAGE
from dakto.policy.structure.setup import create_structure


logger = logging.getLogger(__name__)


def _html(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")


def _create(portal, portal_type, item):
    container = portal.unrestrictedTraverse(item["container"])
    if item["id"] in container.objectIds():
        return None
    obj = api.content.create(
        container=container,
        type=portal_type,
        id=item["id"],
        title=item["title"],
        description=item["description"],
        language=SITE_LANGUAGE,
        safe_id=False,
    )
    obj.text = _html(item["text"])
    if item.get("effective"):
        obj.setEffectiveDate(DateTime(item["effective"].isoformat() + "+07:00"))
    api.content.transition(obj=obj, to_state="published")
    obj.reindexObject()
    return obj


def create_demo_content(portal):
    create_structure(portal)
    created = [
        obj
        for portal_type, items in (("Document", PAGES), ("News Item", NEWS))
        for obj in (_create(portal, portal_type, item) for item in items)
        if obj is not None
    ]
    if not getattr(portal, "text", None) or not portal.text.raw:
        portal.text = _html(FRONT_PAGE_TEXT)
    logger.info("Demo content: %d items created", len(created))
    return created


def post_install(context):
    create_demo_content(api.portal.get())
