"""The portal's sections: one place for their ids, titles, order, addable
types and default views.

Ids are short ASCII; titles are in the section's language (Vietnamese but for
the English part). Each entry names the article of the regulation, or the
law, that asks for it.
"""

from dataclasses import dataclass
from dataclasses import field

from dakto.policy import SITE_LANGUAGE


# What editors may add in a section that has no types of its own: Plone's
# page-like types, never the portal's own types, which live in their sections.
GENERAL = ("Document", "Folder", "File", "Image", "Link", "Collection", "EasyForm")


@dataclass(frozen=True)
class Section:
    """One folder of the site structure.

    ``allowed_types``: what editors may add in it;
    ``layout``: the view that lists it (empty: Plone's folder listing).
    """

    id: str
    title: str
    description: str
    article: str
    children: tuple = field(default_factory=tuple)
    allowed_types: tuple = GENERAL
    layout: str = ""
    language: str = SITE_LANGUAGE


NEWS = ("News Item",)
NEWS_LISTING = "news-listing"
NEWS_SECTION = "tin-tuc"
REFERENCE_NEWS_SECTION = "tin-tham-khao"  # Article 7.1: the only place for reference news


def news_section(id, title, description, article="4.1b", children=()):
    return Section(
        id, title, description, article, children, allowed_types=NEWS, layout=NEWS_LISTING
    )


NEWS_TOPICS = (
    news_section(
        "chu-truong-chinh-sach",
        "Chủ trương - Chính sách",
        "Chủ trương, chính sách của Đảng, pháp luật của Nhà nước và việc thực hiện trên địa bàn.",
    ),
    news_section("kinh-te", "Kinh tế", "Tình hình phát triển kinh tế trên địa bàn."),
    news_section("van-hoa-xa-hoi", "Văn hóa - Xã hội", "Văn hóa, giáo dục, y tế, an sinh xã hội."),
    news_section(
        "quoc-phong-an-ninh", "Quốc phòng - An ninh", "Quốc phòng, an ninh, trật tự an toàn xã hội."
    ),
    news_section(
        "chi-dao-dieu-hanh",
        "Chỉ đạo - Điều hành",
        "Sự chỉ đạo, điều hành của Đảng ủy, HĐND và UBND; lịch công tác của lãnh đạo.",
        children=(
            Section(
                "lich-cong-tac",
                "Lịch công tác",
                "Lịch công tác hằng tuần của lãnh đạo UBND.",
                "4.1b",
                allowed_types=("Event",),
                layout="work-schedule",
            ),
        ),
    ),
)

SECTIONS = (
    Section(
        "gioi-thieu",
        "Giới thiệu",
        "Chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của chính quyền địa phương.",
        "4.1a",
        (
            Section(
                "co-cau-to-chuc",
                "Cơ cấu tổ chức",
                "Sơ đồ tổ chức, lãnh đạo và thông tin liên hệ.",
                "4.1a",
                allowed_types=("OrgUnit", "Person", "Document"),
                layout="organisation-view",
            ),
        ),
    ),
    news_section(
        NEWS_SECTION,
        "Tin tức - Sự kiện",
        "Chủ trương, chính sách của Đảng, pháp luật của Nhà nước và tin tức trên địa bàn.",
        children=NEWS_TOPICS,
    ),
    Section(
        "van-ban",
        "Văn bản pháp luật",
        "Hệ thống văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành.",
        "4.1d",
        allowed_types=("LegalDocument",),
        layout="legal-document-lookup",
    ),
    Section(
        "du-thao",
        "Dự thảo lấy ý kiến",
        "Dự thảo văn bản cần lấy ý kiến góp ý của nhân dân.",
        "4.1e",
        allowed_types=("DraftDocument",),
        layout="draft-listing",
    ),
    Section(
        "thu-tuc-hanh-chinh",
        "Thủ tục hành chính",
        "Trình tự, thủ tục hành chính, biểu mẫu và dịch vụ công trực tuyến.",
        "4.1c",
        allowed_types=("Procedure", "Document", "Link"),
        layout="procedure-lookup",
    ),
    Section(
        "cai-cach-hanh-chinh",
        "Cải cách hành chính",
        "Chương trình, kế hoạch và kết quả cải cách hành chính.",
        "4.1f",
    ),
    Section(
        "dau-tu",
        "Tiềm năng - Đầu tư",
        "Tiềm năng, thế mạnh, cơ hội đầu tư và quảng bá doanh nghiệp.",
        "4.1g",
        (
            Section(
                "quang-ba-doanh-nghiep",
                "Quảng bá doanh nghiệp",
                "Giới thiệu doanh nghiệp, tổ chức và sản phẩm tiêu biểu đã được xác nhận bằng văn bản.",
                "10",
                allowed_types=("Promotion",),
                layout="promotion-listing",
            ),
            Section(
                "du-an-dau-thau",
                "Dự án đầu tư - Đấu thầu",
                "Dự án đầu tư, thông tin đấu thầu và mua sắm công.",
                "4.1g",
            ),
        ),
    ),
    news_section(
        REFERENCE_NEWS_SECTION,
        "Tin tham khảo",
        "Thông tin chưa được cơ quan có thẩm quyền xác nhận, chỉ có giá trị tham khảo.",
        article="7.1",
    ),
    Section(
        "phan-anh-kien-nghi",
        "Phản ánh - Kiến nghị",
        "Tiếp nhận phản ánh, kiến nghị của tổ chức, công dân và trả lời hỏi đáp.",
        "4.1c, 9",
        (
            Section(
                "hoi-dap",
                "Hỏi đáp",
                "Câu hỏi của công dân và trả lời của cơ quan có thẩm quyền.",
                "9",
                allowed_types=("Document",),
                layout="hoi-dap-listing",  # feedback/: the published Q&A
            ),
        ),
        allowed_types=("Feedback",),  # feedback/: citizens send through the public form
        layout="gui-phan-anh",
    ),
    Section(
        "thong-tin-cong-khai",
        "Thông tin công khai",
        "Chiến lược, kế hoạch, ngân sách, thống kê và thông tin công dân được tiếp cận.",
        "4.1h",
        (
            Section(
                "chien-luoc-ke-hoach",
                "Chiến lược - Kế hoạch",
                "Chiến lược, chương trình, kế hoạch phát triển kinh tế - xã hội.",
                "4.1h",
            ),
            Section(
                "ngan-sach",
                "Ngân sách",
                "Dự toán, quyết toán và báo cáo ngân sách hằng năm.",
                "4.1h",
            ),
            Section(
                "thong-ke",
                "Số liệu thống kê",
                "Số liệu thống kê kinh tế - xã hội trên địa bàn.",
                "4.1h",
            ),
            Section(
                "tiep-can-thong-tin",
                "Tiếp cận thông tin",
                "Danh mục thông tin công khai, đầu mối cung cấp thông tin và mẫu phiếu yêu cầu cung cấp thông tin.",
                "Luật Tiếp cận thông tin 2016",
            ),
        ),
    ),
    Section(
        "lien-he",
        "Liên hệ",
        "Địa chỉ, điện thoại, thư điện tử của cơ quan và Ban Biên tập.",
        "4.1a",
    ),
    Section(
        "en",
        "English",
        "Structure, functions and contacts of the People's Committee in English.",
        "NĐ 42/2022 Art. 7",
        language="en",
    ),
)


def walk(sections=SECTIONS, parent_path=()):
    """Yield ``(path, section)`` for every section, parents before children."""
    for section in sections:
        path = parent_path + (section.id,)
        yield path, section
        yield from walk(section.children, path)
