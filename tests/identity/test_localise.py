"""The demo's texts in another unit's names, the install's texts following
the identity (identity/localise.py, issue 15)."""

from types import SimpleNamespace

from plone import api

from dakto.policy.demo.content import FRONT_PAGE_TEXT
from dakto.policy.identity.kinds import identity_values
from dakto.policy.identity.kinds import province_name
from dakto.policy.identity.kinds import unit_place
from dakto.policy.identity.localise import is_demo_unit
from dakto.policy.identity.localise import localise
from dakto.policy.identity.localise import localise_site
from dakto.policy.identity.localise import replacements
from dakto.policy.personal_data.interfaces import NOTICE_ID
from tests.platform.sites import foreign_names


WARD = SimpleNamespace(
    **identity_values(
        "Ủy ban nhân dân phường Hải Châu", "phuong", "Đà Nẵng", "haichau.danang.gov.vn"
    )
)
ISLAND = SimpleNamespace(**identity_values("Lý Sơn", "dac-khu", "Quảng Ngãi"))


def test_identity_values_of_a_ward():
    assert WARD.body_name == "Ủy ban nhân dân phường Hải Châu"
    assert WARD.town == "phường Hải Châu"
    assert WARD.portal_title == "Trang thông tin điện tử phường Hải Châu"
    assert WARD.related_links == []  # the footer's national portals, nothing of another province
    assert ISLAND.body_name == "Ủy ban nhân dân đặc khu Lý Sơn"
    assert unit_place("phường Hải Châu", "phuong") == "Hải Châu"
    assert province_name("Đà Nẵng") == "thành phố Đà Nẵng"
    assert province_name("Quảng Ngãi") == "tỉnh Quảng Ngãi"
    assert province_name("tỉnh Gia Lai") == "tỉnh Gia Lai"


def test_the_demo_names_become_the_wards():
    rules = replacements(WARD)
    texts = [
        FRONT_PAGE_TEXT,
        "Quy chế hoạt động của Trang thông tin điện tử thị trấn Đắk Tô, huyện Đắk Tô, tỉnh Kon Tum.",
        "Tầng 1, trụ sở UBND xã Đắk Tô; HĐND thị trấn Đắk Tô; Chủ tịch UBND thị trấn",
        "Xã Đắk Tô hoàn thành diễn tập; quê quán Đắk Tô, Quảng Ngãi",
        "nvthanh.xadakto@quangngai.gov.vn, ubnd.xadakto@quangngai.gov.vn",
        "About the People's Committee of Đắk Tô town",
        "No. 01 Hùng Vương street, Đắk Tô, Quang Ngai province, Viet Nam",
    ]
    for text in texts:
        assert foreign_names(localise(text, rules)) == [], text
        assert foreign_names(text)  # the test can fail: each text names the demo commune
    assert localise(texts[1], rules) == (
        "Quy chế hoạt động của Trang thông tin điện tử phường Hải Châu, thành phố Đà Nẵng."
    )
    assert localise(texts[4], rules) == "nvthanh@haichau.danang.gov.vn, ubnd@haichau.danang.gov.vn"
    assert "Ủy ban nhân dân phường Hải Châu" in localise(FRONT_PAGE_TEXT, rules)
    assert (
        localise(texts[-1], rules) == "No. 01 Hùng Vương street, Hải Châu, Đà Nẵng city, Viet Nam"
    )


def test_the_demo_communes_own_site_is_kept(portal):
    identity = SimpleNamespace(town="xã Đắk Tô", kind="xa")
    assert is_demo_unit(identity)
    notice = portal[NOTICE_ID].text.raw
    assert localise_site(portal, identity) == 0
    assert portal[NOTICE_ID].text.raw == notice


def test_the_notice_follows_the_body_name(portal, manager):
    assert "Ủy ban nhân dân xã Đắk Tô" in portal[NOTICE_ID].text.raw
    api.portal.set_registry_record("dakto.identity.body_name", "Ủy ban nhân dân phường Hải Châu")
    text = portal[NOTICE_ID].text.raw
    assert "Ủy ban nhân dân phường Hải Châu (Ban Biên tập Cổng thông tin)" in text
    assert "Đắk Tô" not in text


def test_the_demo_files_become_the_wards():
    """The demo's PDFs (text without diacritics), ODT and plain-text files."""
    from plone.namedfile.file import NamedBlobFile

    from dakto.policy.identity.localise import Localiser
    from dakto.policy.identity.localise import _rewrite
    from dakto.policy.legal_documents.demo import odt_bytes
    from dakto.policy.procedures.forms import simple_pdf
    from tests.platform.test_no_foreign_names import document_text

    change = Localiser(replacements(WARD))
    title = "Quy chế hoạt động của Trang thông tin điện tử thị trấn Đắk Tô"
    lines = ("UBND thị trấn Đắk Tô, huyện Đắk Tô, tỉnh Kon Tum",)
    files = [
        NamedBlobFile(simple_pdf(title, lines), "application/pdf", "qd.pdf"),
        NamedBlobFile(odt_bytes(title, lines), "application/vnd.oasis.opendocument.text", "qd.odt"),
        NamedBlobFile("\n".join((title, *lines)).encode(), "text/plain", "qd.txt"),
    ]

    class Response:
        def __init__(self, data):
            self.content, self.headers, self.encoding = data, {}, "utf-8"

    for file in files:
        assert foreign_names(document_text(Response(file.data))), file.filename
        new = _rewrite(file, change)
        assert new is not file and new.filename == file.filename
        text = document_text(Response(new.data))
        assert foreign_names(text) == [], (file.filename, text)
        assert "Hai Chau" in text or "Hải Châu" in text
    unchanged = NamedBlobFile(simple_pdf("Tờ khai đăng ký khai sinh"), "application/pdf", "tk.pdf")
    assert _rewrite(unchanged, change) is unchanged
