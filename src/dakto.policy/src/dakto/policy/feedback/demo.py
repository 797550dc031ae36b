"""Demo feedback: what citizens of the town send, at several steps of the
workflow, so that the Q&A page, the tracking lookup and the editorial
board's list have something to show. The senders give no e-mail address
and nothing is forwarded: creating the demo mails nobody."""

import logging

from plone import api

from dakto.policy.feedback import names
from dakto.policy.feedback import submit
from dakto.policy.personal_data.consent import record_consent
from dakto.policy.registrations import DemoContent


logger = logging.getLogger(__name__)

FEEDBACK = (
    {
        "data": {
            "name": "Nguyễn Thị Hoa",
            "phone": "0905 123 456",
            "address": "Tổ dân phố 3, xã Đắk Tô",
            "subject": "Hồ sơ đăng ký khai sinh có cần bản sao giấy tờ tùy thân của cha mẹ?",
            "content": "Tôi chuẩn bị đăng ký khai sinh cho con. Xin hỏi có phải nộp bản sao "
            "căn cước của cả cha và mẹ không, hay chỉ cần xuất trình bản chính?",
            "topic": "thu-tuc-hanh-chinh",
        },
        "purpose": "hoi-dap",
        "answer": "Chào chị Hoa. Theo Nghị định số 123/2015/NĐ-CP, người đi đăng ký khai sinh "
        "chỉ cần xuất trình bản chính giấy tờ tùy thân của mình; không phải nộp bản sao "
        "căn cước của cha, mẹ. Hồ sơ gồm tờ khai và giấy chứng sinh.",
        "steps": (names.CLASSIFY, names.ANSWER, names.PUBLISH_QA),
    },
    {
        "data": {
            "name": "A Luân",
            "phone": "0978 456 123",
            "address": "Tổ dân phố 6, xã Đắk Tô",
            "subject": "Đèn đường hỏng trên đường Hùng Vương",
            "content": "Đoạn đường Hùng Vương từ chợ xã đến trường tiểu học mất đèn "
            "từ ba tuần nay, buổi tối học sinh đi lại rất nguy hiểm.",
            "topic": "giao-thong",
        },
        "purpose": "phan-anh",
        "steps": (names.CLASSIFY,),
    },
    {
        "data": {
            "name": "Trần Văn Bình",
            "phone": "0914 222 333",
            "address": "Tổ dân phố 1, xã Đắk Tô",
            "subject": "Đề nghị bố trí thêm thùng rác ở khu chợ",
            "content": "Khu vực chợ xã buổi sáng rất đông, rác thải để tràn ra đường. "
            "Đề nghị bố trí thêm thùng rác và tăng số lần thu gom.",
            "topic": "moi-truong",
        },
        "steps": (),
    },
)


def create_demo(portal):
    """Create the demo feedback if missing (by subject); return what was created."""
    catalog = api.portal.get_tool("portal_catalog")
    existing = {b.Title for b in catalog.unrestrictedSearchResults(portal_type=names.PORTAL_TYPE)}
    consent = record_consent(["answer_feedback"])
    created = []
    for item in FEEDBACK:
        subject = item["data"]["subject"]
        if subject in existing:
            continue
        clean, errors = submit.validate(dict(item["data"], email=""), [])
        if errors:
            raise ValueError(f"demo feedback {subject!r}: {errors}")
        obj = submit.create(clean, [], consent)
        if item.get("purpose"):
            obj.purpose = item["purpose"]
        if item.get("answer"):
            obj.answer = item["answer"]
        for step in item["steps"]:
            api.content.transition(obj=obj, transition=step)
        obj.reindexObject()
        created.append(obj)
    logger.info("demo feedback: %d created", len(created))
    return created


demo = DemoContent(create_demo)
