"""Create the demo content; every call is safe to repeat.

Each feature registers its part of the demo (a named
``interfaces.IDemoContent`` utility in its own ZCML); this module creates the
pages of ``content.py`` and ``public_information.py``, runs every part in
order and names no feature.
"""

import logging

from DateTime import DateTime
from plone import api
from plone.app.textfield.value import RichTextValue

from dakto.policy import SITE_LANGUAGE
from dakto.policy.demo.content import FRONT_PAGE_TEXT
from dakto.policy.demo.content import PAGES
from dakto.policy.demo.public_information import PUBLIC_INFORMATION_PAGES
from dakto.policy.interfaces import IDemoContent
from dakto.policy.registrations import DemoContent
from dakto.policy.registrations import ordered


logger = logging.getLogger(__name__)


def _html(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")


def create_item(portal, portal_type, item, fields=()):
    """Create and publish ``item`` (a dict: container, id, title, description,
    text, optional language and effective, and the ``fields`` it has) unless
    it is there; return it, or None."""
    container = portal.unrestrictedTraverse(item["container"])
    if item["id"] in container.objectIds():
        return None
    obj = api.content.create(
        container=container,
        type=portal_type,
        id=item["id"],
        title=item["title"],
        description=item["description"],
        language=item.get("language", SITE_LANGUAGE),
        safe_id=False,
    )
    obj.text = _html(item["text"])
    for name in fields:
        if name in item:
            setattr(obj, name, item[name])
    if item.get("effective"):
        obj.setEffectiveDate(DateTime(item["effective"].isoformat() + "+07:00"))
    api.content.transition(obj=obj, to_state="published")
    obj.reindexObject()
    return obj


def create_pages(portal):
    """The pages of the sections (plain Plone Documents)."""
    created = (create_item(portal, "Document", item) for item in PAGES + PUBLIC_INFORMATION_PAGES)
    return [obj for obj in created if obj is not None]


pages = DemoContent(create_pages)


def demo_parts():
    """``[(name, IDemoContent)]`` in the order they are created."""
    return ordered(IDemoContent)


def create_demo_content(portal):
    created = []
    for _name, part in demo_parts():
        created.extend(part.create(portal))
    if not getattr(portal, "text", None) or not portal.text.raw:
        portal.text = _html(FRONT_PAGE_TEXT)
    logger.info("Demo content: %d items created", len(created))
    return created


def post_install(context):
    create_demo_content(api.portal.get())
