"""Issue 19.10: the dates, subjects and image of each page's DC/OG tags."""

import transaction
from DateTime import DateTime
from plone.namedfile.file import NamedBlobImage

from tests.presentation.helpers import anonymous
from tests.presentation.helpers import metas
from tests.presentation.helpers import news


def _png():
    import io

    from PIL import Image

    data = io.BytesIO()
    Image.new("RGB", (800, 500), (10, 75, 120)).save(data, format="PNG")
    return data.getvalue()


def test_a_legal_document_is_dated_by_its_issue_date(functional):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import login

    from tests.legal_documents.helpers import make
    from tests.legal_documents.helpers import prepare

    login(functional["app"], SITE_OWNER_NAME)
    document = make(prepare(functional["portal"]), "qd-7", "7/QĐ-UBND")  # issued 20/03/2024
    transaction.commit()
    browser = anonymous(functional)
    browser.open(document.absolute_url())
    tags = metas(browser.contents)
    assert tags["DC.date"] == "2024-03-20"
    assert tags["article:published_time"] == "2024-03-20"
    assert tags["DC.subject"] == "Hành chính"  # the field's label, not 'hanh-chinh'


def test_article_dates_in_order_and_subjects_as_labels(functional):
    item = news(functional, "lui-ngay", "Tin đăng lùi ngày", effective="2026/03/20 08:30")
    # back-dated: typed in today, posted and last changed on 20/03/2026
    item.setModificationDate(DateTime("2026/03/20 08:30 GMT+7"))
    item.reindexObject(idxs=["modified"])
    transaction.commit()
    assert item.created() > item.modified()
    browser = anonymous(functional)
    browser.open(item.absolute_url())
    tags = metas(browser.contents)
    assert tags["DC.date.created"] <= tags["DC.date.modified"]
    assert tags["DC.date.created"] == "2026-03-20T08:30:00+07:00"
    assert tags["DC.subject"] == "Kinh tế"
    assert "kinh-te" not in tags["DC.subject"]


def test_every_page_has_an_image_to_share(functional):
    plain = news(functional, "khong-anh", "Tin không có ảnh")
    pictured = news(functional, "co-anh", "Tin có ảnh")
    pictured.image = NamedBlobImage(_png(), "image/png", "anh.png")
    pictured.alt_text = "Cánh đồng cà phê ở Đắk Tô"
    transaction.commit()
    browser = anonymous(functional)
    portal_url = functional["portal"].absolute_url()
    for url in (portal_url, portal_url + "/van-ban", plain.absolute_url()):
        browser.open(url)
        tags = metas(browser.contents)
        assert tags["og:image"] == portal_url + "/++theme++dakto/share.png", url
        assert tags["og:image:alt"] and tags["og:image:width"] == "1200"
    browser.open(tags["og:image"])
    assert browser.headers["Content-Type"].startswith("image/png")
    browser.open(pictured.absolute_url())
    tags = metas(browser.contents)
    assert tags["og:image"] == pictured.absolute_url() + "/@@images/image/large"
    assert tags["og:image:alt"] == "Cánh đồng cà phê ở Đắk Tô"
    browser.open(tags["og:image"])
    assert browser.headers["Content-Type"].startswith("image/")
