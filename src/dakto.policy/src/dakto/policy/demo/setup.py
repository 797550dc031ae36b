"""Create the demo content; every call is safe to repeat."""

import importlib
import logging

from DateTime import DateTime
from plone import api
from plone.app.textfield.value import RichTextValue

from dakto.policy import SITE_LANGUAGE
from dakto.policy.demo.content import FRONT_PAGE_TEXT
from dakto.policy.demo.content import NEWS
from dakto.policy.demo.content import PAGES
from dakto.policy.demo.public_information import PUBLIC_INFORMATION_PAGES
from dakto.policy.structure.sections import NEWS_TOPICS
from dakto.policy.structure.setup import create_structure


logger = logging.getLogger(__name__)

ATTRIBUTION_FIELDS = (
    "news_source",
    "news_author",
    "reader_contribution",
    "news_topics",
    "reference_news",
)

# Each feature package has a ``demo.py`` with ``create_demo(portal)``.
FEATURES_WITH_DEMO = (
    "news",
    "legal_documents",
    "consultation",
    "procedures",
    "organisation",
    "promotion",
    "feedback",
    "editorial_board",
    "dossier",
)


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
        language=item.get("language", SITE_LANGUAGE),
        safe_id=False,
    )
    obj.text = _html(item["text"])
    for name in ATTRIBUTION_FIELDS:
        if name in item:
            setattr(obj, name, item[name])
    if portal_type == "News Item" and "news_topics" not in item:
        topic = item["container"].split("/")[-1]
        if topic in {t.id for t in NEWS_TOPICS}:
            obj.news_topics = [topic]
    if item.get("effective"):
        obj.setEffectiveDate(DateTime(item["effective"].isoformat() + "+07:00"))
    api.content.transition(obj=obj, to_state="published")
    obj.reindexObject()
    return obj


def create_demo_content(portal):
    create_structure(portal)
    created = [
        obj
        for portal_type, items in (
            ("Document", PAGES + PUBLIC_INFORMATION_PAGES),
            ("News Item", NEWS),
        )
        for obj in (_create(portal, portal_type, item) for item in items)
        if obj is not None
    ]
    for feature in FEATURES_WITH_DEMO:
        module = importlib.import_module(f"dakto.policy.{feature}.demo")
        created.extend(module.create_demo(portal))
    if not getattr(portal, "text", None) or not portal.text.raw:
        portal.text = _html(FRONT_PAGE_TEXT)
    logger.info("Demo content: %d items created", len(created))
    return created


def post_install(context):
    create_demo_content(api.portal.get())
