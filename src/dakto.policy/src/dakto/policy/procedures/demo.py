"""Demo procedures: what the town's one-stop desk (bộ phận một cửa) handles.

Codes, fees and times follow the national procedure database as of 2026;
the forms are small generated PDFs standing in for the official templates.
"""

import logging

from plone import api
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

from dakto.policy.procedures.forms import simple_pdf
from dakto.policy.registrations import DemoContent


logger = logging.getLogger(__name__)

SECTION = "thu-tuc-hanh-chinh"
NATIONAL_PORTAL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
)
BODY = "Ủy ban nhân dân cấp xã"
SAME_DAY = "Ngay trong ngày tiếp nhận hồ sơ; nếu nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"

HO_TICH_BASIS = (
    "Luật Hộ tịch số 60/2014/QH13",
    "Nghị định số 123/2015/NĐ-CP",
    "Thông tư số 04/2020/TT-BTP",
    "Thông tư số 85/2019/TT-BTC",
)


def _ways(time, fee, channels=("truc-tiep", "truc-tuyen", "buu-chinh"), online_fee=None):
    notes = {
        "truc-tiep": "Nộp tại Bộ phận tiếp nhận và trả kết quả của UBND xã",
        "truc-tuyen": "Nộp trên Cổng Dịch vụ công quốc gia",
        "buu-chinh": "Gửi qua dịch vụ bưu chính công ích",
    }
    return [
        {
            "channel": channel,
            "processing_time": time,
            "fee": online_fee if channel == "truc-tuyen" and online_fee else fee,
            "description": notes[channel],
        }
        for channel in channels
    ]


def _steps(*steps):
    return "<ol>" + "".join(f"<li>{step}</li>" for step in steps) + "</ol>"


PROCEDURES = (
    {
        "id": "dang-ky-khai-sinh",
        "title": "Đăng ký khai sinh",
        "description": "Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam, cha mẹ là công dân Việt Nam.",
        "procedure_code": "1.001193",
        "procedure_field": "ho-tich",
        "procedure_level": ["xa"],
        "service_level": "toan-trinh",
        "applicants": "Cha, mẹ, ông, bà hoặc người thân thích khác có trách nhiệm đi khai sinh cho trẻ em.",
        "steps": _steps(
            "Người yêu cầu nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến.",
            "Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung ngay.",
            "Hồ sơ hợp lệ: ghi vào Sổ hộ tịch, cập nhật Cơ sở dữ liệu hộ tịch điện tử, trình Chủ tịch UBND ký Giấy khai sinh.",
            "Trả Giấy khai sinh bản chính; cấp bản sao nếu người yêu cầu đề nghị.",
        ),
        "submission_ways": _ways(SAME_DAY, "Miễn lệ phí"),
        "processing_time": SAME_DAY,
        "fees": "Miễn lệ phí đăng ký khai sinh đúng hạn.\nCấp bản sao trích lục: 8.000 đồng/bản (trực tuyến: 4.000 đồng/bản).",
        "dossier_components": [
            {
                "name": "Tờ khai đăng ký khai sinh",
                "originals": 1,
                "copies": 0,
                "form": "to-khai-dang-ky-khai-sinh.pdf",
            },
            {
                "name": "Giấy chứng sinh",
                "originals": 1,
                "copies": 0,
                "note": "Không có giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh",
            },
        ],
        "result": "Giấy khai sinh (bản chính); bản sao Giấy khai sinh nếu có yêu cầu.",
        "requirements": "",
        "legal_basis": HO_TICH_BASIS,
        "forms": (
            (
                "to-khai-dang-ky-khai-sinh.pdf",
                "Tờ khai đăng ký khai sinh",
                (
                    "Mau ban hanh kem theo Thong tu 04/2020/TT-BTP",
                    "Ho, chu dem, ten nguoi duoc khai sinh: ...",
                ),
            ),
        ),
    },
    {
        "id": "dang-ky-ket-hon",
        "title": "Đăng ký kết hôn",
        "description": "Đăng ký kết hôn giữa công dân Việt Nam với nhau cư trú trong nước.",
        "procedure_code": "1.000894",
        "procedure_field": "ho-tich",
        "procedure_level": ["xa"],
        "service_level": "mot-phan",
        "applicants": "Nam, nữ đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình.",
        "steps": _steps(
            "Hai bên nam, nữ nộp tờ khai; có thể nộp trực tuyến, khi nhận kết quả phải có mặt cả hai bên.",
            "Công chức tư pháp - hộ tịch kiểm tra, xác minh nếu cần.",
            "Hai bên ký vào Giấy chứng nhận kết hôn và Sổ hộ tịch; Chủ tịch UBND trao Giấy chứng nhận kết hôn.",
        ),
        "submission_ways": _ways(
            "Ngay trong ngày; trường hợp cần xác minh không quá 05 ngày làm việc",
            "Miễn lệ phí",
            channels=("truc-tiep", "truc-tuyen"),
        ),
        "processing_time": "Ngay trong ngày; trường hợp cần xác minh không quá 05 ngày làm việc",
        "fees": "Miễn lệ phí.",
        "dossier_components": [
            {
                "name": "Tờ khai đăng ký kết hôn",
                "originals": 1,
                "copies": 0,
                "form": "to-khai-dang-ky-ket-hon.pdf",
            },
            {
                "name": "Giấy xác nhận tình trạng hôn nhân (nếu đăng ký thường trú ở xã khác)",
                "originals": 1,
                "copies": 0,
            },
        ],
        "result": "Giấy chứng nhận kết hôn.",
        "requirements": (
            "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi.\nViệc kết hôn do nam và nữ tự nguyện quyết định.\n"
            "Không bị mất năng lực hành vi dân sự; không thuộc trường hợp cấm kết hôn."
        ),
        "legal_basis": HO_TICH_BASIS + ("Luật Hôn nhân và gia đình số 52/2014/QH13",),
        "forms": (
            (
                "to-khai-dang-ky-ket-hon.pdf",
                "Tờ khai đăng ký kết hôn",
                (
                    "Mau ban hanh kem theo Thong tu 04/2020/TT-BTP",
                    "Thong tin ben nu / ben nam: ...",
                ),
            ),
        ),
    },
    {
        "id": "xac-nhan-tinh-trang-hon-nhan",
        "title": "Cấp Giấy xác nhận tình trạng hôn nhân",
        "description": "Xác nhận tình trạng hôn nhân để kết hôn hoặc dùng vào mục đích khác.",
        "procedure_code": "1.004873",
        "procedure_field": "ho-tich",
        "procedure_level": ["xa"],
        "service_level": "toan-trinh",
        "applicants": "Công dân Việt Nam thường trú tại địa phương.",
        "steps": _steps(
            "Người yêu cầu nộp tờ khai và giấy tờ liên quan.",
            "Công chức tư pháp - hộ tịch kiểm tra, xác minh tình trạng hôn nhân.",
            "Chủ tịch UBND ký Giấy xác nhận tình trạng hôn nhân.",
        ),
        "submission_ways": _ways(
            "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
            "3.000 đồng/bản",
            online_fee="Miễn lệ phí",
        ),
        "processing_time": "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "fees": "Lệ phí theo nghị quyết của HĐND tỉnh: 3.000 đồng/bản; miễn khi nộp trực tuyến.",
        "dossier_components": [
            {
                "name": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
                "originals": 1,
                "copies": 0,
                "form": "to-khai-xac-nhan-tinh-trang-hon-nhan.pdf",
            },
            {
                "name": "Bản án, quyết định ly hôn đã có hiệu lực (nếu đã ly hôn)",
                "originals": 0,
                "copies": 1,
            },
        ],
        "result": "Giấy xác nhận tình trạng hôn nhân (có giá trị 06 tháng kể từ ngày cấp).",
        "requirements": "",
        "legal_basis": HO_TICH_BASIS,
        "forms": (
            (
                "to-khai-xac-nhan-tinh-trang-hon-nhan.pdf",
                "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
                ("Mau ban hanh kem theo Thong tu 04/2020/TT-BTP", "Muc dich su dung: ..."),
            ),
        ),
    },
    {
        "id": "dang-ky-khai-tu",
        "title": "Đăng ký khai tử",
        "description": "Đăng ký khai tử cho người chết tại địa phương.",
        "procedure_code": "1.000656",
        "procedure_field": "ho-tich",
        "procedure_level": ["xa"],
        "service_level": "toan-trinh",
        "applicants": "Vợ, chồng, con, cha, mẹ hoặc người thân thích khác của người chết.",
        "steps": _steps(
            "Trong 15 ngày kể từ ngày có người chết, người thân nộp hồ sơ.",
            "Công chức tư pháp - hộ tịch ghi Sổ hộ tịch, trình Chủ tịch UBND ký Trích lục khai tử.",
        ),
        "submission_ways": _ways(SAME_DAY, "Miễn lệ phí"),
        "processing_time": SAME_DAY,
        "fees": "Miễn lệ phí.",
        "dossier_components": [
            {
                "name": "Tờ khai đăng ký khai tử",
                "originals": 1,
                "copies": 0,
                "form": "to-khai-dang-ky-khai-tu.pdf",
            },
            {"name": "Giấy báo tử hoặc giấy tờ thay giấy báo tử", "originals": 1, "copies": 0},
        ],
        "result": "Trích lục khai tử (bản chính).",
        "requirements": "",
        "legal_basis": HO_TICH_BASIS,
        "forms": (
            (
                "to-khai-dang-ky-khai-tu.pdf",
                "Tờ khai đăng ký khai tử",
                (
                    "Mau ban hanh kem theo Thong tu 04/2020/TT-BTP",
                    "Ho, chu dem, ten nguoi chet: ...",
                ),
            ),
        ),
    },
    {
        "id": "chung-thuc-ban-sao-tu-ban-chinh",
        "title": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "description": "Chứng thực bản sao từ bản chính giấy tờ do cơ quan có thẩm quyền của Việt Nam cấp.",
        "procedure_code": "2.000815",
        "procedure_field": "chung-thuc",
        "procedure_level": ["xa"],
        "implementing_body": "Ủy ban nhân dân cấp xã",
        "service_level": "khong",
        "applicants": "Cá nhân, tổ chức có yêu cầu chứng thực.",
        "steps": _steps(
            "Người yêu cầu xuất trình bản chính và bản sao cần chứng thực.",
            "Người thực hiện chứng thực đối chiếu bản sao với bản chính, ghi lời chứng, ký, đóng dấu.",
        ),
        "submission_ways": [
            {
                "channel": "truc-tiep",
                "processing_time": SAME_DAY,
                "fee": "2.000 đồng/trang; từ trang thứ ba: 1.000 đồng/trang; tối đa 200.000 đồng/bản",
                "description": "Xuất trình bản chính tại Bộ phận tiếp nhận và trả kết quả",
            }
        ],
        "processing_time": SAME_DAY,
        "fees": "Phí chứng thực: 2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản.",
        "dossier_components": [
            {
                "name": "Bản chính giấy tờ, văn bản làm cơ sở chứng thực",
                "originals": 1,
                "copies": 0,
            },
            {"name": "Bản sao cần chứng thực", "originals": 0, "copies": 1},
        ],
        "result": "Bản sao được chứng thực từ bản chính.",
        "requirements": "Bản chính không thuộc các trường hợp bị tẩy xóa, sửa chữa, hư hỏng, cũ nát không xác định được nội dung.",
        "legal_basis": (
            "Nghị định số 23/2015/NĐ-CP",
            "Thông tư số 01/2020/TT-BTP",
            "Thông tư số 226/2016/TT-BTC",
        ),
        "forms": (),
    },
    {
        "id": "tro-cap-xa-hoi-hang-thang",
        "title": "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng",
        "description": "Trợ cấp xã hội hàng tháng cho người cao tuổi, người khuyết tật, trẻ em có hoàn cảnh đặc biệt.",
        "procedure_code": "1.001776",
        "procedure_field": "bao-tro-xa-hoi",
        "procedure_level": ["xa"],
        "implementing_body": "Ủy ban nhân dân cấp xã; Chủ tịch UBND cấp xã quyết định",
        "service_level": "mot-phan",
        "applicants": "Đối tượng bảo trợ xã hội theo Nghị định 20/2021/NĐ-CP hoặc người giám hộ.",
        "steps": _steps(
            "Nộp tờ khai tại UBND xã hoặc trực tuyến.",
            "Hội đồng xét duyệt cấp xã xét, niêm yết công khai 02 ngày làm việc.",
            "UBND xã gửi hồ sơ lên Phòng Văn hóa - Xã hội; Chủ tịch UBND cấp có thẩm quyền quyết định.",
        ),
        "submission_ways": _ways(
            "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
            "Không",
            channels=("truc-tiep", "truc-tuyen", "buu-chinh"),
        ),
        "processing_time": "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "fees": "Không.",
        "dossier_components": [
            {
                "name": "Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a-1d)",
                "originals": 1,
                "copies": 0,
                "form": "mau-1a-to-khai.pdf",
            },
            {
                "name": "Giấy xác nhận khuyết tật (đối với người khuyết tật)",
                "originals": 0,
                "copies": 1,
            },
        ],
        "result": "Quyết định trợ cấp xã hội hàng tháng.",
        "requirements": "Thuộc đối tượng bảo trợ xã hội theo quy định.",
        "legal_basis": ("Nghị định số 20/2021/NĐ-CP", "Thông tư số 02/2021/TT-BLĐTBXH"),
        "forms": (
            (
                "mau-1a-to-khai.pdf",
                "Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a)",
                ("Mau so 1a ban hanh kem theo Nghi dinh 20/2021/ND-CP", "Thong tin doi tuong: ..."),
            ),
        ),
    },
)

FIELDS = (
    "procedure_code",
    "procedure_field",
    "procedure_level",
    "service_level",
    "applicants",
    "submission_ways",
    "processing_time",
    "fees",
    "dossier_components",
    "result",
    "requirements",
)


def _legal_documents_on_site(references):
    """RelationValues to the LegalDocuments whose number appears in ``references``; the rest as text."""
    catalog = api.portal.get_tool("portal_catalog")
    intids = getUtility(IIntIds)
    documents = [
        brain.getObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="LegalDocument")
    ]
    relations, text = [], []
    for reference in references:
        number = reference.split()[-1]
        match = None
        for doc in documents:
            values = [
                getattr(doc, name, None)
                for name in ("number", "document_number", "number_symbol", "title")
            ]
            if any(isinstance(v, str) and number in v for v in values):
                match = doc
                break
        if match is not None:
            relations.append(RelationValue(intids.getId(match)))
        else:
            text.append(reference)
    return relations, "\n".join(text)


def create_demo(portal):
    """Create the demo procedures if missing; return the ones created."""
    section = portal.get(SECTION)
    if section is None:
        return []
    created = []
    for item in PROCEDURES:
        if item["id"] in section.objectIds():
            continue
        obj = createContentInContainer(
            section,
            "Procedure",
            checkConstraints=False,
            id=item["id"],
            title=item["title"],
            description=item["description"],
        )
        for name in FIELDS:
            setattr(obj, name, item[name])
        obj.implementing_body = item.get("implementing_body", BODY)
        obj.steps = RichTextValue(item["steps"], "text/html", "text/x-html-safe")
        if obj.service_level != "khong":
            obj.service_url = NATIONAL_PORTAL + item["procedure_code"]
        obj.legal_basis, obj.legal_basis_text = _legal_documents_on_site(item["legal_basis"])
        for file_id, title, lines in item["forms"]:
            form = createContentInContainer(
                obj, "File", checkConstraints=False, id=file_id, title=title
            )
            form.file = NamedBlobFile(
                simple_pdf(title, lines), contentType="application/pdf", filename=file_id
            )
            form.reindexObject()
        api.content.transition(obj=obj, to_state="published")
        modified(obj)
        obj.reindexObject()
        created.append(obj)
    if created:
        logger.info("Demo procedures: %d created", len(created))
    return created


# After the legal documents: a procedure links to the ones on the site.
demo = DemoContent(create_demo, after=("legal_documents",))
