"""Demo intake register: how some of the demo news reached the editorial
board (on paper, by Zalo, by e-mail), each with its soft copy and linked to
the article it became, plus one submission still waiting."""

import logging
from datetime import timedelta

from plone import api
from plone.namedfile.file import NamedBlobFile
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

from dakto.policy.editorial_board.content import EMAIL
from dakto.policy.editorial_board.content import INTAKE_RECORD
from dakto.policy.editorial_board.content import PAPER
from dakto.policy.editorial_board.content import REGISTER_ID
from dakto.policy.editorial_board.content import ZALO
from dakto.policy.editorial_board.content import now
from dakto.policy.legal_documents.demo import odt_bytes
from dakto.policy.registrations import DemoContent


logger = logging.getLogger(__name__)

RECORDS = (
    {
        "id": "2026-001",
        "title": "Bài: Thu hoạch cà phê niên vụ 2026",
        "channel": EMAIL,
        "days_ago": 12,
        "sender_name": "Nguyễn Thị Hoa",
        "sender_unit": "Hội Nông dân xã",
        "article": "tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026",
    },
    {
        "id": "2026-002",
        "title": "Tin: Lịch tiếp công dân của Chủ tịch UBND xã",
        "channel": PAPER,
        "days_ago": 9,
        "sender_name": "Lê Thị Hồng Nhung",
        "sender_unit": "Văn phòng - Thống kê",
        "notes": "Công văn giấy kèm bản mềm ODT.",
    },
    {
        "id": "2026-003",
        "title": "Ảnh và tin: Ngày hội Đại đoàn kết tổ dân phố 3",
        "channel": ZALO,
        "days_ago": 1,
        "sender_name": "A Luân",
        "sender_unit": "Tổ dân phố 3",
    },
)


def create_demo(portal):
    """Create the demo records if missing; return the ones created."""
    if REGISTER_ID not in portal.objectIds():
        return []
    register = portal[REGISTER_ID]
    intids = getUtility(IIntIds)
    created = []
    for item in RECORDS:
        if item["id"] in register.objectIds():
            continue
        fields = {
            "channel": item["channel"],
            "received": now() - timedelta(days=item["days_ago"]),
            "sender_name": item["sender_name"],
            "sender_unit": item["sender_unit"],
            "soft_copy": NamedBlobFile(
                odt_bytes(item["title"], [item["sender_unit"]]),
                "application/vnd.oasis.opendocument.text",
                f"{item['id']}.odt",
            ),
            "notes": item.get("notes"),
        }
        article = portal.unrestrictedTraverse(item["article"], None) if "article" in item else None
        if article is not None:
            fields["article"] = RelationValue(intids.getId(article))
        record = api.content.create(
            container=register,
            type=INTAKE_RECORD,
            id=item["id"],
            title=item["title"],
            safe_id=False,
            **fields,
        )
        created.append(record)
    logger.info("demo intake records: %d created", len(created))
    return created


# After the news: an intake record links to the article it became.
demo = DemoContent(create_demo, after=("news",))
