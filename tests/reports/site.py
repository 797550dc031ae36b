"""A site with known content and activity in the first half of 2026."""

from datetime import date
from datetime import datetime

from DateTime import DateTime
from plone import api
from plone.namedfile.file import NamedBlobFile

from dakto.policy.consultation import comments as draft_comments
from dakto.policy.feedback import names as fb
from dakto.policy.royalties.records import set_record
from tests.editorial_board.helpers import as_manager
from tests.editorial_board.helpers import create_members
from tests.editorial_board.helpers import dt
from tests.editorial_board.helpers import intake
from tests.editorial_board.helpers import publish
from tests.feedback.helpers import make_feedback


PERIOD = ("2026-01-01", "2026-06-30")
TODAY = date(2026, 7, 1)  # the report's "today": feedback f4 not late yet
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

# id: (folder under tin-tuc, creator, published at (Viet Nam), author, source, royalty unit)
ARTICLES = {
    "a1": (
        "kinh-te",
        "capnhat1",
        "2026/01/15 09:00",
        "Nguyễn Thị Lan",
        "UBND thị trấn Đắk Tô",
        "Văn phòng HĐND - UBND",
    ),
    "a2": (
        "kinh-te",
        "capnhat1",
        "2026/03/10 09:00",
        "Nguyễn Thị Lan",
        "UBND thị trấn Đắk Tô",
        None,
    ),
    "a3": (
        "van-hoa-xa-hoi",
        "capnhat2",
        "2026/03/20 09:00",
        "Trần Văn Bình",
        "Trường THCS Đắk Tô",
        "Trường THCS",
    ),
    "a4": ("van-hoa-xa-hoi", "capnhat1", "2026/06/30 23:50", "Y Blông", "Tổ dân phố 2", None),
    "a5": (
        "kinh-te",
        "capnhat2",
        "2026/07/01 00:10",
        "Trần Văn Bình",
        "UBND thị trấn Đắk Tô",
        "Văn phòng HĐND - UBND",
    ),  # after the period
    "a6": (
        "kinh-te",
        "capnhat1",
        "2025/12/31 23:59",
        "Nguyễn Thị Lan",
        "UBND thị trấn Đắk Tô",
        None,
    ),  # before it
}


def set_history_time(obj, workflow_id, action, when):
    """Date the last ``action`` of ``obj`` in ``workflow_id`` at ``when`` (Viet Nam)."""
    chain = list(obj.workflow_history[workflow_id])
    for index in range(len(chain) - 1, -1, -1):
        if chain[index].get("action") == action:
            chain[index] = dict(chain[index], time=DateTime(f"{when} GMT+7"))
            break
    else:
        raise AssertionError(f"no {action}")
    obj.workflow_history[workflow_id] = tuple(chain)
    obj.reindexObject()


def modified_at(obj, when):
    obj.setModificationDate(DateTime(f"{when} GMT+7"))
    obj.reindexObject(idxs=["modified"])


def news(portal, id, folder, creator, when, author, source, unit):
    obj = api.content.create(
        container=portal["tin-tuc"][folder],
        type="News Item",
        id=id,
        title=f"Bài {id}",
        news_source=source,
        news_author=author,
    )
    obj.setCreators([creator])
    publish(obj, at=when)
    if unit:
        set_record(obj, "tin", "1", author, unit)
    return obj


def feedback(portal, id, topic, created, unit=None, answered=None, rejected=False):
    obj = make_feedback(subject=f"Phản ánh {id}", topic=topic, email="")
    obj.creation_date = DateTime(f"{created} GMT+7")
    obj.reindexObject()
    if rejected:
        obj.rejection_reason = "Quảng cáo."
        api.content.transition(obj, transition=fb.REJECT)
        return obj
    if unit is not None:
        obj.purpose = "phan-anh"
        api.content.transition(obj, transition=fb.CLASSIFY)
        obj.forwarded_to = unit.UID()
        api.content.transition(obj, transition=fb.FORWARD)
    if answered:
        obj.answer = "Đã xử lý."
        api.content.transition(obj, transition=fb.ANSWER)
        set_history_time(obj, fb.WORKFLOW_ID, fb.ANSWER, answered)
    return obj


def document(portal, type, container, id, published, modified, **fields):
    obj = api.content.create(container=container, type=type, id=id, title=f"Văn bản {id}", **fields)
    publish(obj, at=published)
    modified_at(obj, modified)
    return obj


def build(portal):
    """Everything the report counts; returns the objects by id."""
    as_manager(portal)
    create_members()
    api.portal.set_registry_record("dakto.editorial.monthly_quota", 1)
    found = {}
    for id, values in ARTICLES.items():
        found[id] = news(portal, id, *values)
    api.content.create(
        container=portal["tin-tuc"]["kinh-te"], type="News Item", id="nhap", title="Nháp"
    )  # never published

    # The intake register: received (Viet Nam) → approved with the article
    intake(portal, "i1", dt("2026-03-08 10:00"), channel="zalo", article=found["a2"])  # on time
    intake(portal, "i2", dt("2026-03-12 10:00"), channel="email", article=found["a3"])  # late
    intake(portal, "i3", dt("2026-05-04 10:00"), channel="paper")  # not approved
    intake(portal, "i5", dt("2026-06-29 10:00"), channel="zalo", article=found["a4"])  # on time
    intake(portal, "i4", dt("2026-07-02 10:00"), channel="zalo")  # after the period

    # Feedback
    units = portal["gioi-thieu"]["co-cau-to-chuc"]
    office = api.content.create(container=units, type="OrgUnit", id="vp", title="Văn phòng")
    police = api.content.create(container=units, type="OrgUnit", id="ca", title="Công an thị trấn")
    feedback(portal, "f1", "giao-thong", "2026/02/02 08:00", office, answered="2026/02/10 09:00")
    feedback(portal, "f2", "giao-thong", "2026/03/02 08:00", police, answered="2026/04/20 09:00")
    feedback(portal, "f3", "dat-dai", "2026/04/01 08:00", office)  # unanswered, late
    feedback(portal, "f4", "dat-dai", "2026/06/25 08:00")  # received, not late on TODAY
    feedback(portal, "f5", "moi-truong", "2026/05/05 08:00", rejected=True)
    feedback(portal, "f6", "giao-thong", "2026/07/05 08:00")  # after the period

    # Consultation: a draft open 20/05–15/07 with three comments (two in the period)
    drafts = portal["du-thao"]
    draft = api.content.create(
        container=drafts,
        type="DraftDocument",
        id="dt1",
        title="Dự thảo quy hoạch chợ",
        drafting_body="Văn phòng",
        comment_opens=date(2026, 5, 20),
        comment_closes=date(2026, 7, 15),
        draft_file=NamedBlobFile(PDF, "application/pdf", "du-thao.pdf"),
    )
    publish(draft, at="2026/05/19 08:00")
    for when in (
        "2026-06-01T03:00:00+00:00",
        "2026-06-10T03:00:00+00:00",
        "2026-07-02T03:00:00+00:00",
    ):
        comment = draft_comments.add(
            draft, {"name": "Y Nhi", "email": "ynhi@example.vn", "text": "Đồng ý."}, None
        )
        comment.created = datetime.fromisoformat(when)
    draft.comments_received = 5  # two more received on paper
    old = api.content.create(
        container=drafts,
        type="DraftDocument",
        id="dt0",
        title="Dự thảo cũ",
        drafting_body="Văn phòng",
        comment_opens=date(2025, 10, 1),
        comment_closes=date(2025, 12, 31),
    )
    publish(old, at="2025/09/30 08:00")

    # Legal documents and procedures
    legal = portal["van-ban"]
    document(portal, "LegalDocument", legal, "l1", "2026/02/10 09:00", "2026/02/10 09:00")
    document(portal, "LegalDocument", legal, "l2", "2025/11/01 09:00", "2026/04/01 09:00")
    document(portal, "LegalDocument", legal, "l3", "2025/10/01 09:00", "2025/12/01 09:00")
    procedures = portal["thu-tuc-hanh-chinh"]
    document(portal, "Procedure", procedures, "p1", "2026/05/05 09:00", "2026/05/05 09:00")
    document(portal, "Procedure", procedures, "p2", "2026/06/01 09:00", "2026/06/02 09:00")

    # Promotions
    promotions = portal["dau-tu"]["quang-ba-doanh-nghiep"]
    for id, start, end, online in (
        ("pr1", date(2026, 6, 15), date(2026, 8, 31), True),
        ("pr2", date(2025, 1, 1), date(2025, 12, 31), True),
        ("pr3", date(2026, 1, 1), date(2026, 2, 28), False),
    ):
        obj = api.content.create(
            container=promotions,
            type="Promotion",
            id=id,
            title=f"Quảng bá {id}",
            valid_from=start,
            valid_until=end,
            confirmation=NamedBlobFile(PDF, "application/pdf", "xac-nhan.pdf"),
        )
        if online:
            publish(obj, at="2026/01/02 08:00")
    return found
