"""The portal's sections: one place for their ids, titles and order.

Ids are short ASCII; titles are Vietnamese (the content language). Each entry
names the article of the regulation that asks for the section.
"""

from dataclasses import dataclass
from dataclasses import field


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    description: str
    article: str
    children: tuple = field(default_factory=tuple)


NEWS_TOPICS = (
    Section("kinh-te", "Kinh tế", "Tình hình phát triển kinh tế trên địa bàn.", "4.1b"),
    Section(
        "van-hoa-xa-hoi", "Văn hóa - Xã hội", "Văn hóa, giáo dục, y tế, an sinh xã hội.", "4.1b"
    ),
    Section(
        "quoc-phong-an-ninh",
        "Quốc phòng - An ninh",
        "Quốc phòng, an ninh, trật tự an toàn xã hội.",
        "4.1b",
    ),
    Section(
        "chi-dao-dieu-hanh",
        "Chỉ đạo - Điều hành",
        "Sự chỉ đạo, điều hành của Đảng ủy, HĐND và UBND; lịch công tác của lãnh đạo.",
        "4.1b",
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
            ),
        ),
    ),
    Section(
        "tin-tuc",
        "Tin tức - Sự kiện",
        "Chủ trương, chính sách của Đảng, pháp luật của Nhà nước và tin tức trên địa bàn.",
        "4.1b",
        NEWS_TOPICS,
    ),
    Section(
        "van-ban",
        "Văn bản pháp luật",
        "Hệ thống văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành.",
        "4.1d",
    ),
    Section(
        "du-thao",
        "Dự thảo lấy ý kiến",
        "Dự thảo văn bản cần lấy ý kiến góp ý của nhân dân.",
        "4.1e",
    ),
    Section(
        "thu-tuc-hanh-chinh",
        "Thủ tục hành chính",
        "Trình tự, thủ tục hành chính, biểu mẫu và dịch vụ công trực tuyến.",
        "4.1c",
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
    ),
    Section(
        "tin-tham-khao",
        "Tin tham khảo",
        "Thông tin chưa được cơ quan có thẩm quyền xác nhận, chỉ có giá trị tham khảo.",
        "7.1",
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
            ),
        ),
    ),
    Section(
        "lien-he",
        "Liên hệ",
        "Địa chỉ, điện thoại, thư điện tử của cơ quan và Ban Biên tập.",
        "4.1a",
    ),
)


def walk(sections=SECTIONS, parent_path=()):
    """Yield ``(path, section)`` for every section, parents before children."""
    for section in sections:
        path = parent_path + (section.id,)
        yield path, section
        yield from walk(section.children, path)
