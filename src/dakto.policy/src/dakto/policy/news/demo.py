"""Demo content of the news feature: the articles of ``demo/content.py`` NEWS
(with their source, author, topics; the one in 'tin-tham-khao' is reference
news) and a reader's contribution (Article 7.1).
"""

from DateTime import DateTime
from plone import api
from plone.app.textfield.value import RichTextValue

from dakto.policy import SITE_LANGUAGE
from dakto.policy.demo.content import NEWS
from dakto.policy.demo.setup import create_item
from dakto.policy.registrations import DemoContent
from dakto.policy.structure.sections import NEWS_TOPICS


ATTRIBUTION_FIELDS = (
    "news_source",
    "news_author",
    "reader_contribution",
    "news_topics",
    "reference_news",
)


READER_CONTRIBUTION = {
    "container": "tin-tuc/van-hoa-xa-hoi",
    "id": "y-kien-ban-doc-ve-sinh-moi-truong",
    "title": "Ý kiến bạn đọc: giữ gìn vệ sinh môi trường khu dân cư",
    "description": "Một người dân tổ dân phố 4 đề nghị bố trí thêm điểm tập kết rác thải.",
    "text": (
        "<p>Tôi là người dân tổ dân phố 4. Thời gian qua, rác thải sinh hoạt bị để ven "
        "đường Hùng Vương trước giờ thu gom. Đề nghị UBND xã bố trí thêm điểm tập "
        "kết có nắp đậy và thông báo giờ thu gom cho bà con.</p>"
    ),
    "news_topics": ["van-hoa-xa-hoi"],
    "effective": "2026/11/22 20:15:00 GMT+7",
}


def _undo_creation_stamp(portal):
    """Demo articles are back-dated: creating them is not an update after posting."""
    for item in NEWS:
        obj = portal.unrestrictedTraverse(f"{item['container']}/{item['id']}", None)
        if obj is None or not item.get("effective"):
            continue
        # Only items untouched since they were created (within a minute).
        if obj.modified() > obj.effective() and obj.modified() - obj.created() < 1 / 1440:
            obj.setModificationDate(obj.effective())
            obj.reindexObject(idxs=["modified"])


def _with_topic(item):
    """An article in a topic's folder is in that topic, unless it says."""
    topic = item["container"].split("/")[-1]
    if "news_topics" in item or topic not in {t.id for t in NEWS_TOPICS}:
        return item
    return {**item, "news_topics": [topic]}


def create_demo(portal):
    """Create the demo items if missing; return the ones created."""
    created = [
        obj
        for obj in (
            create_item(portal, "News Item", _with_topic(item), ATTRIBUTION_FIELDS) for item in NEWS
        )
        if obj is not None
    ]
    item = READER_CONTRIBUTION
    container = portal.unrestrictedTraverse(item["container"])
    if item["id"] not in container.objectIds():
        obj = api.content.create(
            container=container,
            type="News Item",
            id=item["id"],
            title=item["title"],
            description=item["description"],
            language=SITE_LANGUAGE,
            safe_id=False,
        )
        obj.text = RichTextValue(item["text"], "text/html", "text/x-html-safe")
        obj.reader_contribution = True
        obj.news_topics = item["news_topics"]
        obj.setEffectiveDate(DateTime(item["effective"]))
        api.content.transition(obj=obj, to_state="published")
        obj.reindexObject()
        obj.setModificationDate(obj.effective())
        obj.reindexObject(idxs=["modified"])
        created.append(obj)
    _undo_creation_stamp(portal)
    return created


demo = DemoContent(create_demo)
