"""Demo pages of the English part and of the public-information sections
(NĐ 42/2022 Art. 7; Law on Access to Information 104/2016)."""

PUBLIC_INFORMATION_PAGES = (
    {
        "container": "en",
        "id": "about",
        "title": "About the People's Committee of Đắk Tô town",
        "description": "Functions, duties and structure of the town's People's Committee.",
        "language": "en",
        "text": (
            "<p>The People's Committee of Đắk Tô town is the local state administrative body. "
            "It carries out the Constitution, the laws and the resolutions of the town's "
            "People's Council, and manages the economy, culture, society, defence and security "
            "of the town.</p>"
            "<h2>Structure</h2><ul><li>Chairman</li><li>Two Vice-Chairmen</li>"
            "<li>Office - Statistics; Justice - Civil Status; Land Administration - Construction; "
            "Culture - Society; Finance - Accounting</li></ul>"
        ),
    },
    {
        "container": "en",
        "id": "contact",
        "title": "Contact",
        "description": "Address, phone and e-mail of the People's Committee.",
        "language": "en",
        "text": (
            "<p>People's Committee of Đắk Tô town<br/>No. 01 Hùng Vương street, Đắk Tô, "
            "Quang Ngai province, Viet Nam<br/>Phone: +84 260 3831 234<br/>"
            "E-mail: ubnd.xadakto@quangngai.gov.vn</p>"
        ),
    },
    {
        "container": "thong-tin-cong-khai/tiep-can-thong-tin",
        "id": "danh-muc-thong-tin-cong-khai",
        "title": "Danh mục thông tin phải được công khai",
        "description": "Danh mục thông tin công khai của UBND xã theo Luật Tiếp cận thông tin năm 2016.",
        "text": (
            "<ol><li>Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung;</li>"
            "<li>Thủ tục hành chính, quy trình giải quyết công việc;</li>"
            "<li>Chiến lược, chương trình, kế hoạch phát triển kinh tế - xã hội;</li>"
            "<li>Dự toán, quyết toán ngân sách hằng năm;</li>"
            "<li>Danh mục dự án đầu tư, thông tin đấu thầu.</li></ol>"
        ),
    },
    {
        "container": "thong-tin-cong-khai/tiep-can-thong-tin",
        "id": "dau-moi-cung-cap-thong-tin",
        "title": "Đầu mối cung cấp thông tin và mẫu phiếu yêu cầu",
        "description": "Người làm đầu mối cung cấp thông tin cho công dân và cách gửi yêu cầu.",
        "text": (
            "<p>Đầu mối: công chức Văn phòng - Thống kê, UBND xã Đắk Tô. "
            "Điện thoại: 0260 3831 234.</p>"
            "<p>Công dân gửi Phiếu yêu cầu cung cấp thông tin (Mẫu số 01 ban hành kèm theo "
            "Nghị định 13/2018/NĐ-CP) trực tiếp, qua bưu điện hoặc thư điện tử.</p>"
        ),
    },
)
