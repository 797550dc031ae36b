"""Demo promotions (invented businesses): two running, one expired.

The validity periods are relative to the day the demo is created.
"""

import io
from datetime import timedelta

from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage

from dakto.policy import SITE_LANGUAGE
from dakto.policy.promotion.lifecycle import sync_publication_dates
from dakto.policy.promotion.lifecycle import today
from dakto.policy.registrations import DemoContent


SECTION = "dau-tu/quang-ba-doanh-nghiep"

PROMOTIONS = (
    {
        "id": "hop-tac-xa-ca-phe-dak-to",
        "title": "Hợp tác xã Cà phê Đắk Tô Xanh",
        "description": "Cà phê robusta rang xay đạt chứng nhận OCOP 3 sao, trồng theo hướng hữu cơ "
        "tại xã Đắk Tô.",
        "link": "https://caphedaktoxanh.example.vn",
        "start": -20,
        "end": 160,
        "fee": 1500000,
        "receipt_number": "BL-0000125",
        "color": (111, 78, 55),
    },
    {
        "id": "cong-ty-tnhh-sam-ngoc-linh-kon-tum",
        "title": "Công ty TNHH Dược liệu Ngọc Linh Kon Tum",
        "description": "Trồng và chế biến sâm dây, đảng sâm và các dược liệu bản địa; tham quan "
        "vườn dược liệu theo hẹn.",
        "link": "https://duoclieungoclinh.example.vn",
        "start": -5,
        "end": 85,
        "fee": 0,
        "receipt_number": "",
        "color": (46, 125, 50),
    },
    {
        "id": "co-so-det-tho-cam-xo-dang",
        "title": "Cơ sở dệt thổ cẩm Xơ Đăng làng Kon Đào",
        "description": "Sản phẩm thổ cẩm dệt tay truyền thống (chương trình quảng bá đã kết thúc).",
        "link": "https://thocamkondao.example.vn",
        "start": -120,
        "end": -30,
        "fee": 800000,
        "receipt_number": "BL-0000087",
        "color": (183, 28, 28),
    },
)


def _logo(color, filename):
    from PIL import Image
    from PIL import ImageDraw

    image = Image.new("RGB", (256, 256), (255, 255, 255))
    ImageDraw.Draw(image).ellipse((28, 28, 228, 228), fill=color)
    data = io.BytesIO()
    image.save(data, format="PNG")
    return NamedBlobImage(data=data.getvalue(), contentType="image/png", filename=filename)


def _confirmation(item):
    text = (
        f"%PDF-1.4\n% Giấy xác nhận thông tin quảng bá - {item['title']}\n"
        "% (tệp mẫu của dữ liệu trình diễn)\n%%EOF\n"
    )
    return NamedBlobFile(
        data=text.encode("utf-8"),
        contentType="application/pdf",
        filename=f"xac-nhan-{item['id']}.pdf",
    )


def create_demo(portal):
    """Create the demo items if missing; return the ones created."""
    section = portal.unrestrictedTraverse(SECTION)
    day = today()
    created = []
    for item in PROMOTIONS:
        if item["id"] in section.objectIds():
            continue
        promotion = api.content.create(
            container=section,
            type="Promotion",
            id=item["id"],
            title=item["title"],
            description=item["description"],
            language=SITE_LANGUAGE,
            safe_id=False,
            logo=_logo(item["color"], f"logo-{item['id']}.png"),
            logo_alt=f"Logo {item['title']}",
            link=item["link"],
            confirmation=_confirmation(item),
            valid_from=day + timedelta(days=item["start"]),
            valid_until=day + timedelta(days=item["end"]),
            fee=item["fee"],
            receipt_number=item["receipt_number"],
        )
        sync_publication_dates(promotion)
        api.content.transition(obj=promotion, to_state="published")
        promotion.reindexObject()
        created.append(promotion)
    return created


demo = DemoContent(create_demo)
