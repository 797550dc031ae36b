"""Demo organisation of a town People's Committee (invented people), its
contact officer, and a week of the leaders' work schedule (the current week)."""

import io
from datetime import time
from datetime import timedelta

from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobImage

from dakto.policy import SITE_LANGUAGE
from dakto.policy.organisation.schedule import at
from dakto.policy.organisation.schedule import monday_of
from dakto.policy.organisation.schedule import today
from dakto.policy.organisation.schedule import week_id
from dakto.policy.registrations import DemoContent


SECTION = "gioi-thieu/co-cau-to-chuc"
SCHEDULE = "tin-tuc/chi-dao-dieu-hanh/lich-cong-tac"

LEADERS = (
    {
        "id": "nguyen-van-thanh",
        "title": "Nguyễn Văn Thành",
        "position": "Chủ tịch UBND xã",
        "phone": "0260 3831 101",
        "email": "nvthanh.xadakto@quangngai.gov.vn",
        "listing_order": 1,
        "duties": "Lãnh đạo, điều hành chung hoạt động của UBND xã; trực tiếp phụ trách "
        "công tác nội chính, tổ chức cán bộ, tài chính - ngân sách.",
        "biography": "Sinh năm 1975, quê quán Đắk Tô, Quảng Ngãi. Thạc sĩ Quản lý công. "
        "Nguyên Phó Chủ tịch UBND thị trấn nhiệm kỳ 2016 - 2021.",
        "color": (40, 90, 150),
    },
    {
        "id": "tran-thi-mai",
        "title": "Trần Thị Mai",
        "position": "Phó Chủ tịch UBND xã",
        "phone": "0260 3831 102",
        "email": "ttmai.xadakto@quangngai.gov.vn",
        "listing_order": 2,
        "duties": "Phụ trách lĩnh vực kinh tế, địa chính, xây dựng, đô thị, tài nguyên và môi trường.",
        "biography": "Sinh năm 1982. Cử nhân Kinh tế nông nghiệp. Có 15 năm công tác tại UBND xã.",
        "color": (150, 60, 60),
    },
    {
        "id": "a-luu",
        "title": "A Lưu",
        "position": "Phó Chủ tịch UBND xã",
        "phone": "0260 3831 103",
        "email": "aluu.xadakto@quangngai.gov.vn",
        "listing_order": 3,
        "duties": "Phụ trách lĩnh vực văn hóa - xã hội, giáo dục, y tế, dân tộc, tôn giáo.",
        "biography": "Sinh năm 1986, dân tộc Xơ Đăng. Cử nhân Công tác xã hội.",
        "color": (60, 120, 70),
    },
)

UNITS = (
    {
        "id": "van-phong-thong-ke",
        "title": "Văn phòng - Thống kê",
        "description": "Tham mưu tổng hợp, văn thư - lưu trữ, thống kê và bộ phận một cửa.",
        "functions": "<p>Tham mưu, giúp UBND xã xây dựng chương trình, kế hoạch công tác; "
        "tổng hợp, báo cáo; quản lý văn thư, lưu trữ; thống kê kinh tế - xã hội; "
        "tiếp nhận và trả kết quả thủ tục hành chính tại bộ phận một cửa.</p>",
        "address": "Tầng 1, trụ sở UBND xã Đắk Tô",
        "phone": "0260 3831 110",
        "email": "vanphong.xadakto@quangngai.gov.vn",
        "people": (
            {
                "id": "le-thi-hong-nhung",
                "title": "Lê Thị Hồng Nhung",
                "position": "Công chức Văn phòng - Thống kê; đầu mối cung cấp thông tin",
                "phone": "0260 3831 111",
                "email": "lthnhung.xadakto@quangngai.gov.vn",
                "listing_order": 10,
                "is_contact_officer": True,
                "duties": "Văn thư, lưu trữ, thống kê; quản trị nội dung Trang thông tin điện tử.",
            },
        ),
    },
    {
        "id": "tu-phap-ho-tich",
        "title": "Tư pháp - Hộ tịch",
        "description": "Tư pháp, hộ tịch, chứng thực, phổ biến giáo dục pháp luật.",
        "functions": "<p>Đăng ký hộ tịch, chứng thực; phổ biến, giáo dục pháp luật; hòa giải "
        "ở cơ sở; kiểm tra, rà soát văn bản quy phạm pháp luật của xã.</p>",
        "address": "Tầng 1, trụ sở UBND xã Đắk Tô",
        "phone": "0260 3831 120",
        "email": "tuphap.xadakto@quangngai.gov.vn",
        "people": (
            {
                "id": "pham-van-tu",
                "title": "Phạm Văn Tú",
                "position": "Công chức Tư pháp - Hộ tịch",
                "phone": "0260 3831 121",
                "email": "pvtu.xadakto@quangngai.gov.vn",
                "listing_order": 20,
                "duties": "Đăng ký khai sinh, kết hôn, khai tử; chứng thực bản sao, chữ ký.",
            },
        ),
    },
    {
        "id": "dia-chinh-xay-dung",
        "title": "Địa chính - Xây dựng",
        "description": "Đất đai, xây dựng, đô thị và môi trường.",
        "functions": "<p>Quản lý đất đai, trật tự xây dựng, đô thị, giao thông và môi trường "
        "trên địa bàn; tham mưu giải quyết tranh chấp đất đai.</p>",
        "address": "Tầng 2, trụ sở UBND xã Đắk Tô",
        "phone": "0260 3831 130",
        "email": "diachinh.xadakto@quangngai.gov.vn",
        "people": (
            {
                "id": "hoang-van-quan",
                "title": "Hoàng Văn Quân",
                "position": "Công chức Địa chính - Xây dựng - Đô thị và Môi trường",
                "phone": "0260 3831 131",
                "email": "hvquan.xadakto@quangngai.gov.vn",
                "listing_order": 30,
                "duties": "Đo đạc, chỉnh lý biến động đất đai; kiểm tra trật tự xây dựng.",
            },
        ),
    },
    {
        "id": "van-hoa-xa-hoi",
        "title": "Văn hóa - Xã hội",
        "description": "Văn hóa, thông tin, thể thao, lao động - thương binh và xã hội.",
        "functions": "<p>Quản lý văn hóa, thông tin, thể dục thể thao; lao động, người có công, "
        "bảo trợ xã hội, giảm nghèo; trẻ em và bình đẳng giới.</p>",
        "address": "Tầng 2, trụ sở UBND xã Đắk Tô",
        "phone": "0260 3831 140",
        "email": "vhxh.xadakto@quangngai.gov.vn",
        "people": (
            {
                "id": "dinh-thi-huong",
                "title": "Đinh Thị Hương",
                "position": "Công chức Văn hóa - Xã hội",
                "phone": "0260 3831 141",
                "email": "dthuong.xadakto@quangngai.gov.vn",
                "listing_order": 40,
                "duties": "Chính sách người có công, bảo trợ xã hội, giảm nghèo.",
            },
        ),
    },
)

# (weekday 0 = Monday, start, end, title, chair, location)
WEEK = (
    (
        0,
        "07:30",
        "09:00",
        "Giao ban đầu tuần lãnh đạo UBND xã",
        "Chủ tịch UBND xã",
        "Phòng họp UBND xã",
    ),
    (1, "08:00", "11:00", "Tiếp công dân định kỳ", "Chủ tịch UBND xã", "Phòng tiếp công dân"),
    (
        2,
        "14:00",
        "16:30",
        "Kiểm tra trật tự xây dựng tại tổ dân phố 3",
        "Phó Chủ tịch Trần Thị Mai",
        "Tổ dân phố 3",
    ),
    (
        3,
        "08:00",
        "11:30",
        "Họp triển khai chương trình giảm nghèo bền vững",
        "Phó Chủ tịch A Lưu",
        "Hội trường UBND xã",
    ),
    (
        4,
        "15:00",
        "17:00",
        "Làm việc với Đoàn kiểm tra cải cách hành chính của tỉnh",
        "Chủ tịch UBND xã",
        "Phòng họp UBND xã",
    ),
)


def _html(text):
    if not text.startswith("<"):
        text = f"<p>{text}</p>"
    return RichTextValue(text, "text/html", "text/x-html-safe")


def _portrait(color, filename):
    """A plain placeholder portrait (the demo has no real photos)."""
    from PIL import Image
    from PIL import ImageDraw

    image = Image.new("RGB", (240, 300), (235, 238, 242))
    draw = ImageDraw.Draw(image)
    draw.ellipse((70, 40, 170, 150), fill=color)
    draw.rounded_rectangle((30, 170, 210, 320), radius=60, fill=color)
    data = io.BytesIO()
    image.save(data, format="PNG")
    return NamedBlobImage(data=data.getvalue(), contentType="image/png", filename=filename)


def _publish(obj):
    if api.content.get_state(obj, default=None) != "published":
        api.content.transition(obj=obj, to_state="published")
    obj.reindexObject()


def _person(container, item, unit=None, leader=False):
    if item["id"] in container.objectIds():
        return None
    person = api.content.create(
        container=container,
        type="Person",
        id=item["id"],
        title=item["title"],
        language=SITE_LANGUAGE,
        safe_id=False,
        position=item["position"],
        phone=item["phone"],
        email=item["email"],
        listing_order=item["listing_order"],
        is_leader=leader,
        is_contact_officer=item.get("is_contact_officer", False),
        duties=_html(item["duties"]),
    )
    if item.get("biography"):
        person.biography = _html(item["biography"])
    if item.get("color"):
        person.photo = _portrait(item["color"], f"{item['id']}.png")
        person.photo_alt = f"Ảnh chân dung {item['title']}, {item['position']}"
    _publish(person)
    return person


def create_organisation(portal):
    section = portal.unrestrictedTraverse(SECTION)
    created = [p for p in (_person(section, i, leader=True) for i in LEADERS) if p]
    for item in UNITS:
        if item["id"] in section.objectIds():
            continue
        unit = api.content.create(
            container=section,
            type="OrgUnit",
            id=item["id"],
            title=item["title"],
            description=item["description"],
            language=SITE_LANGUAGE,
            safe_id=False,
            functions=_html(item["functions"]),
            address=item["address"],
            phone=item["phone"],
            email=item["email"],
        )
        _publish(unit)
        created.append(unit)
        created.extend(p for p in (_person(unit, i) for i in item["people"]) if p)
    return created


def _at(day, hhmm):
    hours, minutes = (int(x) for x in hhmm.split(":"))
    return at(day, time(hours, minutes))


def create_schedule(portal):
    """This week's and next week's engagements (a commune publishes next week's
    schedule before the weekend, so the homepage always has upcoming events);
    ids carry the week, so a later run adds the weeks that are missing."""
    section = portal.unrestrictedTraverse(SCHEDULE)
    this_monday = monday_of(today())
    created = []
    for monday in (this_monday, this_monday + timedelta(days=7)):
        created.extend(_create_week(section, monday))
    return created


def _create_week(section, monday):
    week = week_id(monday).lower()
    created = []
    for index, (weekday, start, end, title, chair, location) in enumerate(WEEK, 1):
        id = f"{week}-{index}"
        if id in section.objectIds():
            continue
        day = monday + timedelta(days=weekday)
        event = api.content.create(
            container=section,
            type="Event",
            id=id,
            title=title,
            language=SITE_LANGUAGE,
            safe_id=False,
            start=_at(day, start),
            end=_at(day, end),
            location=location,
            chaired_by=chair,
        )
        _publish(event)
        created.append(event)
    return created


def create_demo(portal):
    """Create the demo items if missing; return the ones created."""
    return create_organisation(portal) + create_schedule(portal)


demo = DemoContent(create_demo)
