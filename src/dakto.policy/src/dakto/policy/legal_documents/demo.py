"""Demo legal documents of the town: decisions, a plan, a notice, a resolution
of the People's Council, an official letter, central decrees (one expired, one
replaced), each with a small generated file in an open format.

The people named are invented; numbers and dates are realistic.
"""

import io
import logging
import zipfile
from datetime import date

from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

from dakto.policy.legal_documents.content import PORTAL_TYPE
from dakto.policy.procedures.forms import simple_pdf
from dakto.policy.registrations import DemoContent


logger = logging.getLogger(__name__)

SECTION = "van-ban"
UBND = "UBND thị trấn Đắk Tô"
HDND = "HĐND thị trấn Đắk Tô"
# Since 1 July 2025 (two levels of local government) the town is part of the commune.
UBND_XA = "UBND xã Đắk Tô"
CHU_TICH = "Nguyễn Văn Hùng - Chủ tịch UBND"
PHO_CHU_TICH = "Trần Thị Mai - Phó Chủ tịch UBND"
CHU_TICH_HDND = "A Thuận - Chủ tịch HĐND"


def odt_bytes(title, lines=()):
    """A minimal valid OpenDocument text (ODF 1.2): mimetype first, stored."""
    paragraphs = "".join(
        f"<text:p>{line.replace('&', '&amp;').replace('<', '&lt;')}</text:p>"
        for line in (title, *lines)
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{paragraphs}</office:text></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def make_file(kind, filename, title, lines=()):
    if kind == "pdf":
        return NamedBlobFile(simple_pdf(title, lines), "application/pdf", filename)
    if kind == "odt":
        return NamedBlobFile(
            odt_bytes(title, lines), "application/vnd.oasis.opendocument.text", filename
        )
    text = "\n".join((title, *lines)) + "\n"
    return NamedBlobFile(text.encode("utf-8"), "text/plain", filename)


DOCUMENTS = (
    {
        "id": "qd-33-2024-quy-che-trang-thong-tin-dien-tu",
        "title": "Quyết định ban hành Quy chế hoạt động của Trang thông tin điện tử thị trấn Đắk Tô",
        "document_number": "33/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND,
        "signer": CHU_TICH,
        "issue_date": date(2024, 3, 20),
        "legal_field": "thong-tin-truyen-thong",
        "abstract": "Ban hành Quy chế hoạt động của Trang thông tin điện tử thị trấn Đắk Tô, "
        "huyện Đắk Tô, tỉnh Kon Tum.",
        "files": (("pdf", "33-QD-UBND.pdf"), ("odt", "33-QD-UBND-quy-che.odt")),
    },
    {
        "id": "kh-45-2024-cai-cach-hanh-chinh",
        "title": "Kế hoạch cải cách hành chính năm 2024",
        "document_number": "45/KH-UBND",
        "document_type": "ke-hoach",
        "issuing_body": UBND,
        "signer": PHO_CHU_TICH,
        "issue_date": date(2024, 1, 12),
        "valid_until": date(2025, 1, 1),
        "legal_field": "hanh-chinh",
        "abstract": "Kế hoạch cải cách hành chính năm 2024 trên địa bàn thị trấn Đắk Tô.",
        "files": (("odt", "45-KH-UBND.odt"),),
    },
    {
        "id": "kh-08-2025-cai-cach-hanh-chinh",
        "title": "Kế hoạch cải cách hành chính năm 2025",
        "document_number": "08/KH-UBND",
        "document_type": "ke-hoach",
        "issuing_body": UBND,
        "signer": PHO_CHU_TICH,
        "issue_date": date(2025, 1, 10),
        "legal_field": "hanh-chinh",
        "abstract": "Kế hoạch cải cách hành chính năm 2025: cải cách thể chế, thủ tục hành chính, "
        "tổ chức bộ máy và chuyển đổi số.",
        "files": (("pdf", "08-KH-UBND.pdf"),),
        "replaces": ("kh-45-2024-cai-cach-hanh-chinh",),
    },
    {
        "id": "tb-12-2025-lich-tiep-cong-dan",
        "title": "Thông báo lịch tiếp công dân định kỳ năm 2025",
        "document_number": "12/TB-UBND",
        "document_type": "thong-bao",
        "issuing_body": UBND,
        "signer": CHU_TICH,
        "issue_date": date(2025, 2, 10),
        "legal_field": "hanh-chinh",
        "abstract": "Lịch tiếp công dân định kỳ của Chủ tịch UBND thị trấn vào thứ Năm hằng tuần "
        "tại Trụ sở UBND thị trấn.",
        "files": (("txt", "12-TB-UBND.txt"), ("pdf", "12-TB-UBND.pdf")),
    },
    {
        "id": "nq-05-2024-dau-tu-cong",
        "title": "Nghị quyết về kế hoạch đầu tư công năm 2025",
        "document_number": "05/NQ-HĐND",
        "document_type": "nghi-quyet",
        "issuing_body": HDND,
        "signer": CHU_TICH_HDND,
        "issue_date": date(2024, 12, 18),
        "valid_from": date(2025, 1, 1),
        "partly_expired": True,
        "legal_field": "tai-chinh-ngan-sach",
        "abstract": "Thông qua kế hoạch đầu tư công năm 2025 của thị trấn Đắk Tô; điều chỉnh "
        "danh mục công trình đường giao thông nông thôn.",
        "files": (("pdf", "05-NQ-HDND.pdf"),),
    },
    {
        "id": "cv-15-2025-phong-chong-sot-xuat-huyet",
        "title": "Về việc tăng cường công tác phòng, chống dịch sốt xuất huyết",
        "document_number": "15/UBND-VP",
        "document_type": "cong-van",
        "issuing_body": UBND,
        "signer": PHO_CHU_TICH,
        "issue_date": date(2025, 6, 2),
        "legal_field": "y-te",
        "abstract": "Đề nghị các tổ dân phố, thôn tổ chức tổng vệ sinh môi trường, diệt lăng quăng, "
        "bọ gậy phòng, chống dịch sốt xuất huyết.",
        "files": (("pdf", "15-UBND-VP.pdf"),),
    },
    {
        "id": "qd-90-2026-chat-thai-ran",
        "title": "Quyết định ban hành Quy định quản lý chất thải rắn sinh hoạt trên địa bàn xã",
        "document_number": "90/QĐ-UBND",
        "document_type": "quyet-dinh",
        "issuing_body": UBND_XA,
        "signer": CHU_TICH,
        "issue_date": date(2026, 11, 20),
        "valid_from": date(2027, 1, 1),
        "legal_field": "tai-nguyen-moi-truong",
        "abstract": "Quy định phân loại, thu gom, vận chuyển chất thải rắn sinh hoạt và mức giá "
        "dịch vụ thu gom trên địa bàn xã Đắk Tô.",
        "files": (("pdf", "90-QD-UBND.pdf"),),
    },
    {
        "id": "nd-42-2022-thong-tin-dich-vu-cong-truc-tuyen",
        "title": "Nghị định quy định về việc cung cấp thông tin và dịch vụ công trực tuyến "
        "của cơ quan nhà nước trên môi trường mạng",
        "document_number": "42/2022/NĐ-CP",
        "document_type": "nghi-dinh",
        "issuing_body": "Chính phủ",
        "signer": "Lê Minh Khái - Phó Thủ tướng",
        "issue_date": date(2022, 6, 24),
        "valid_from": date(2022, 8, 1),
        "valid_until": date(2026, 7, 1),
        "legal_field": "thong-tin-truyen-thong",
        "abstract": "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà "
        "nước trên môi trường mạng.",
        "files": (("pdf", "42-2022-ND-CP.pdf"),),
    },
    {
        "id": "nd-123-2015-ho-tich",
        "title": "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
        "document_number": "123/2015/NĐ-CP",
        "document_type": "nghi-dinh",
        "issuing_body": "Chính phủ",
        "signer": "Nguyễn Tấn Dũng - Thủ tướng",
        "issue_date": date(2015, 11, 15),
        "valid_from": date(2016, 1, 1),
        "partly_expired": True,
        "legal_field": "tu-phap",
        "abstract": "Quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch.",
        "files": (("pdf", "123-2015-ND-CP.pdf"),),
    },
)

FIELDS = (
    "document_number",
    "document_type",
    "issuing_body",
    "signer",
    "issue_date",
    "valid_from",
    "valid_until",
    "partly_expired",
    "legal_field",
    "abstract",
)


def create_demo(portal):
    """Create the demo documents if missing; return the ones created."""
    section = portal.get(SECTION)
    if section is None:
        return []
    intids = getUtility(IIntIds)
    created = []
    for item in DOCUMENTS:
        if item["id"] in section.objectIds():
            continue
        obj = createContentInContainer(
            section,
            PORTAL_TYPE,
            checkConstraints=False,
            id=item["id"],
            title=item["title"],
            description=item["abstract"],
        )
        for name in FIELDS:
            setattr(obj, name, item.get(name, False if name == "partly_expired" else None))
        lines = (
            f"So: {item['document_number']}",
            f"Ngay ban hanh: {item['issue_date']:%d/%m/%Y}",
            item["abstract"],
        )
        kinds = item["files"]
        obj.file = make_file(kinds[0][0], kinds[0][1], item["title"], lines)
        if len(kinds) > 1:
            obj.other_file = make_file(kinds[1][0], kinds[1][1], item["title"], lines)
        obj.replaces = [
            RelationValue(intids.getId(section[target]))
            for target in item.get("replaces", ())
            if target in section.objectIds()
        ]
        api.content.transition(obj=obj, to_state="published")
        modified(obj)
        obj.reindexObject()
        created.append(obj)
    if created:
        logger.info("Demo legal documents: %d created", len(created))
    return created


demo = DemoContent(create_demo)
