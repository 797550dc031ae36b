"""Demo drafts for public comment: one open, one closed with its summary, one upcoming.

Dates are relative to the day the demo is created, so that the open draft is
open when someone first looks at the portal.
"""

import io
import zipfile
from datetime import timedelta
from xml.sax.saxutils import escape

from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile

from dakto.policy import SITE_LANGUAGE
from dakto.policy.consultation.period import today
from dakto.policy.registrations import DemoContent


SECTION = "du-thao"

DRAFTS = (
    {
        "id": "du-thao-quy-che-quan-ly-trat-tu-xay-dung",
        "title": "Dự thảo Quy chế quản lý trật tự xây dựng trên địa bàn xã Đắk Tô",
        "description": "Lấy ý kiến nhân dân về dự thảo Quy chế quản lý trật tự xây dựng, cấp phép và kiểm tra công trình.",
        "drafting_body": "Công chức Địa chính - Xây dựng - Đô thị và Môi trường",
        "opens": -8,
        "closes": 22,
        "comments_received": 6,
        "paragraphs": (
            "Quy chế này quy định việc quản lý trật tự xây dựng trên địa bàn xã Đắk Tô.",
            "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng.",
            "Điều 2. Trách nhiệm của tổ dân phố, thôn trong việc phát hiện, báo cáo vi phạm.",
        ),
        "filename": "du-thao-quy-che-trat-tu-xay-dung.odt",
    },
    {
        "id": "du-thao-de-an-phat-trien-ca-phe-chat-luong-cao",
        "title": "Dự thảo Đề án phát triển cây cà phê chất lượng cao giai đoạn 2026 - 2030",
        "description": "Đề án hỗ trợ tái canh, chứng nhận và liên kết tiêu thụ cà phê trên địa bàn xã.",
        "drafting_body": "Công chức Nông nghiệp - Kinh tế",
        "opens": -75,
        "closes": -45,
        "comments_received": 37,
        "paragraphs": (
            "Mục tiêu: đến năm 2030, 300 ha cà phê được tái canh và 150 ha đạt chứng nhận bền vững.",
            "Giải pháp: hỗ trợ giống, tập huấn kỹ thuật, liên kết với doanh nghiệp thu mua.",
        ),
        "filename": "du-thao-de-an-ca-phe.odt",
        "summary": (
            "<p>Trong thời gian lấy ý kiến, UBND xã nhận được 37 ý kiến góp ý của tổ chức "
            "và công dân (29 ý kiến qua Cổng thông tin, 8 ý kiến bằng văn bản).</p>"
            "<ul><li>Tiếp thu: nâng mức hỗ trợ giống cho hộ nghèo, hộ cận nghèo; bổ sung lớp "
            "tập huấn bằng tiếng Xơ Đăng.</li>"
            "<li>Giải trình: chưa đưa cây sầu riêng vào đề án vì không thuộc phạm vi điều chỉnh.</li></ul>"
        ),
    },
    {
        "id": "du-thao-ke-hoach-phat-trien-kinh-te-xa-hoi-2027",
        "title": "Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2027",
        "description": "Các chỉ tiêu, nhiệm vụ và giải pháp phát triển kinh tế - xã hội của xã năm 2027.",
        "drafting_body": "Văn phòng HĐND - UBND xã",
        "opens": 5,
        "closes": 35,
        "comments_received": 0,
        "paragraphs": ("Phần I. Đánh giá tình hình năm 2026.", "Phần II. Kế hoạch năm 2027."),
        "filename": "du-thao-ke-hoach-ktxh-2027.odt",
    },
)


def odt(title, paragraphs):
    """A small OpenDocument text (ODF, TCVN 7978:2009) with a title and paragraphs."""
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in (title, *paragraphs))
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def create_demo(portal):
    """Create the demo drafts if missing; return the ones created."""
    section = portal.get(SECTION)
    if section is None:
        return []
    day = today()
    created = []
    for item in DRAFTS:
        if item["id"] in section.objectIds():
            continue
        obj = api.content.create(
            container=section,
            type="DraftDocument",
            id=item["id"],
            title=item["title"],
            description=item["description"],
            language=SITE_LANGUAGE,
            safe_id=False,
        )
        obj.drafting_body = item["drafting_body"]
        obj.draft_file = NamedBlobFile(
            data=odt(item["title"], item["paragraphs"]),
            contentType="application/vnd.oasis.opendocument.text",
            filename=item["filename"],
        )
        obj.comment_opens = day + timedelta(days=item["opens"])
        obj.comment_closes = day + timedelta(days=item["closes"])
        obj.comments_received = item["comments_received"]
        if item.get("summary"):
            obj.comment_summary = RichTextValue(item["summary"], "text/html", "text/x-html-safe")
        api.content.transition(obj=obj, to_state="published")
        obj.reindexObject()
        created.append(obj)
    return created


demo = DemoContent(create_demo)
