"""The demo items: plain data, created by :mod:`dakto.policy.demo.setup`.

The people, numbers and events are invented for the demonstration; the
places and the regulation are real.
"""

from datetime import datetime


FRONT_PAGE_TEXT = (
    "<p>Chào mừng bạn đến với Trang thông tin điện tử của Ủy ban nhân dân xã "
    "Đắk Tô. Tại đây, người dân và doanh nghiệp tra cứu tin tức, văn bản pháp luật, "
    "thủ tục hành chính, góp ý dự thảo văn bản và gửi phản ánh, kiến nghị.</p>"
)

PAGES = (
    {
        "container": "gioi-thieu",
        "id": "chuc-nang-nhiem-vu",
        "title": "Chức năng, nhiệm vụ của UBND xã Đắk Tô",
        "description": "Vị trí, chức năng, nhiệm vụ và quyền hạn của Ủy ban nhân dân xã.",
        "text": (
            "<p>Ủy ban nhân dân xã Đắk Tô là cơ quan hành chính nhà nước ở địa "
            "phương, chịu trách nhiệm trước Hội đồng nhân dân xã và cơ quan hành "
            "chính nhà nước cấp trên.</p>"
            "<ul><li>Tổ chức thực hiện Hiến pháp, pháp luật và nghị quyết của HĐND xã;</li>"
            "<li>Quản lý nhà nước về kinh tế, văn hóa - xã hội, quốc phòng - an ninh trên địa bàn;</li>"
            "<li>Giải quyết thủ tục hành chính cho tổ chức, công dân theo cơ chế một cửa.</li></ul>"
        ),
    },
    {
        "container": "gioi-thieu",
        "id": "tong-quan-dia-ban",
        "title": "Tổng quan về xã Đắk Tô",
        "description": "Vị trí địa lý, dân cư và điều kiện tự nhiên của xã.",
        "text": (
            "<p>Xã Đắk Tô nằm trên Quốc lộ 14, cách phường Kon Tum khoảng 42 km về "
            "phía Bắc. Xã có 10 tổ dân phố và 12 thôn, với đồng bào các dân tộc Kinh, "
            "Xơ Đăng, Ba Na cùng sinh sống.</p>"
        ),
    },
    {
        "container": "lien-he",
        "id": "thong-tin-lien-he",
        "title": "Thông tin liên hệ",
        "description": "Địa chỉ, điện thoại và thư điện tử của UBND xã và Ban Biên tập.",
        "text": (
            "<p><strong>Ủy ban nhân dân xã Đắk Tô</strong><br/>"
            "Địa chỉ: số 01 đường Hùng Vương, xã Đắk Tô, tỉnh Quảng Ngãi<br/>"
            "Điện thoại: 0260 3831 234<br/>Thư điện tử: ubnd.xadakto@quangngai.gov.vn</p>"
            "<p>Bài viết gửi Ban Biên tập qua công chức Văn phòng - Thống kê: bằng văn bản "
            "(kèm bản mềm), qua Zalo hoặc thư điện tử.</p>"
        ),
    },
)

NEWS = (
    {
        "container": "tin-tuc/kinh-te",
        "id": "thu-hoach-ca-phe-nien-vu-2026",
        "news_source": "UBND xã Đắk Tô",
        "news_author": "Nguyễn Thị Hoa",
        "title": "Nông dân xã Đắk Tô thu hoạch cà phê niên vụ 2026",
        "description": "Năng suất cà phê bình quân ước đạt 3,2 tấn nhân/ha, tăng 8% so với năm trước.",
        "text": (
            "<p>Những ngày này, bà con các tổ dân phố tập trung thu hoạch cà phê. Theo "
            "báo cáo của UBND xã, toàn xã có 615 ha cà phê, trong đó 540 ha "
            "đang cho thu hoạch.</p>"
        ),
        "effective": datetime(2026, 11, 20, 8, 30),
    },
    {
        "container": "tin-tuc/kinh-te",
        "id": "hoi-nghi-xuc-tien-dau-tu-nong-nghiep",
        "news_source": "Văn phòng - Thống kê",
        "news_author": "Trần Văn Bình",
        "title": "Hội nghị xúc tiến đầu tư vào nông nghiệp công nghệ cao",
        "description": "Năm doanh nghiệp đăng ký tìm hiểu cơ hội đầu tư trên địa bàn xã.",
        "text": "<p>Ngày 05/11/2026, UBND xã tổ chức hội nghị giới thiệu quỹ đất sạch.</p>",
        "effective": datetime(2026, 11, 5, 14, 0),
    },
    {
        "container": "tin-tuc/van-hoa-xa-hoi",
        "id": "ngay-hoi-dai-doan-ket-toan-dan-toc",
        "news_source": "Ủy ban MTTQ Việt Nam xã",
        "news_author": "Y Hlê",
        "title": "Tổ dân phố 3 tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
        "description": "Ngày hội thu hút đông đảo bà con các dân tộc tham gia.",
        "text": "<p>Nhân kỷ niệm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11), ...</p>",
        "effective": datetime(2026, 11, 18, 9, 0),
    },
    {
        "container": "tin-tuc/van-hoa-xa-hoi",
        "id": "khai-giang-lop-xoa-mu-chu",
        "news_source": "Trường Tiểu học xã",
        "news_author": "A Thuận",
        "title": "Khai giảng lớp xóa mù chữ cho đồng bào dân tộc thiểu số",
        "description": "Lớp học có 32 học viên, học vào buổi tối tại nhà văn hóa thôn.",
        "text": "<p>Lớp học do Trường Tiểu học xã phối hợp tổ chức.</p>",
        "effective": datetime(2026, 10, 12, 19, 0),
    },
    {
        "container": "tin-tuc/quoc-phong-an-ninh",
        "id": "dien-tap-phong-thu-2026",
        "news_source": "Ban Chỉ huy Quân sự xã",
        "news_author": "Lê Minh Tuấn",
        "title": "Xã Đắk Tô hoàn thành diễn tập khu vực phòng thủ năm 2026",
        "description": "Cuộc diễn tập được Ban Chỉ đạo đánh giá đạt loại khá.",
        "text": "<p>Lực lượng dân quân tự vệ và công an xã tham gia đầy đủ.</p>",
        "effective": datetime(2026, 9, 25, 7, 30),
    },
    {
        "container": "tin-tuc/chi-dao-dieu-hanh",
        "id": "lich-cong-tac-tuan-48",
        "news_source": "Văn phòng HĐND - UBND",
        "news_author": "Nguyễn Điền Bình",
        "title": "Lịch công tác tuần 48 của lãnh đạo UBND xã",
        "description": "Lịch làm việc từ ngày 23/11 đến ngày 29/11/2026.",
        "text": (
            "<table><thead><tr><th>Ngày</th><th>Nội dung</th><th>Chủ trì</th></tr></thead>"
            "<tbody><tr><td>Thứ Hai 23/11</td><td>Giao ban UBND xã</td><td>Chủ tịch UBND</td></tr>"
            "<tr><td>Thứ Tư 25/11</td><td>Tiếp công dân định kỳ</td><td>Phó Chủ tịch UBND</td></tr>"
            "</tbody></table>"
        ),
        "effective": datetime(2026, 11, 23, 7, 0),
    },
    {
        "container": "tin-tham-khao",
        "id": "du-bao-gia-ca-phe-cuoi-nam",
        "news_source": "Thương lái địa phương",
        "news_author": "Phạm Văn Cường",
        "news_topics": ["kinh-te"],
        "reference_news": True,
        "title": "Tin tham khảo: dự báo giá cà phê những tháng cuối năm",
        "description": "Thông tin chỉ có giá trị tham khảo, chưa được cơ quan có thẩm quyền xác nhận.",
        "text": "<p>Một số thương lái dự báo giá cà phê nhân có thể tăng nhẹ.</p>",
        "effective": datetime(2026, 11, 22, 10, 0),
    },
)
