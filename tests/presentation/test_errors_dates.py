"""Error pages in the theme and in Vietnamese, never a traceback; Vietnamese dates;
alternative text required on uploaded images."""

import sys
from datetime import date
from datetime import datetime

import transaction
from DateTime import DateTime
from plone import api

from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_date
from dakto.policy.dates import local_datetime
from dakto.policy.dates import long_date
from dakto.policy.dates import rfc822_datetime
from dakto.policy.presentation.errors import ErrorView
from tests.presentation.helpers import create
from tests.presentation.helpers import visitor


def test_vietnamese_dates():
    assert long_date(date(2024, 3, 20)) == "ngày 20 tháng 3 năm 2024"
    assert long_date(DateTime("2024/03/05 23:30 GMT+7")) == "ngày 5 tháng 3 năm 2024"
    assert long_date(DateTime("2024/03/05 20:00 UTC")) == "ngày 6 tháng 3 năm 2024"
    assert long_date(date(2024, 3, 20), "en") == "20 March 2024"
    assert long_date(None) == ""
    assert local_date(date(2024, 3, 20)) == "20/03/2024"
    assert local_datetime(DateTime("2024/03/20 08:05 GMT+7")) == "20/03/2024 08:05"
    assert iso_datetime(DateTime("2024/03/20 08:05 GMT+7")) == "2024-03-20T08:05:00+07:00"
    assert iso_datetime(datetime(2024, 3, 20, 8, 5)) == "2024-03-20T08:05:00+07:00"
    assert rfc822_datetime(DateTime("2024/03/20 01:05 UTC")) == "Wed, 20 Mar 2024 08:05:00 +0700"


def test_not_found_page(functional):
    browser = visitor(functional)
    browser.open(functional["portal"].absolute_url() + "/khong-co-trang-nay")
    assert browser.headers["status"].startswith("404")
    html = browser.contents
    assert 'id="dakto-banner"' in html  # in the theme
    assert "Không tìm thấy trang" in html
    assert 'name="SearchableText"' in html and "Tìm kiếm trên cổng" in html
    assert "Về trang chủ" in html
    assert "Traceback" not in html


def test_server_error_page_shows_no_traceback(portal):
    from zope.component import getMultiAdapter
    from zope.interface import alsoProvides

    from dakto.policy.interfaces import IDaktoPolicyLayer

    request = portal.REQUEST
    request.environ["HTTP_ACCEPT"] = "text/html"
    alsoProvides(request, IDaktoPolicyLayer)
    try:
        raise ValueError("secret detail of the failure")
    except ValueError as error:
        view = getMultiAdapter((error, request), name="index.html")
        assert isinstance(view, ErrorView)
        view.__parent__ = portal
        assert sys.exc_info()[0] is ValueError
        html = view()
    assert "Đã xảy ra lỗi" in html
    assert "secret detail" not in html
    assert "Traceback" not in html
    assert 'name="SearchableText"' in html


def test_private_page_for_anonymous_asks_to_log_in(functional):
    page = create(functional, "gioi-thieu", "Document", "noi-bo", "Trang nội bộ", publish=False)
    browser = visitor(functional)
    browser.open(page.absolute_url())
    html = browser.contents
    assert "Trang nội bộ" not in html
    assert 'id="dakto-banner"' in html
    assert "Traceback" not in html
    assert 'name="__ac_name"' in html or "đăng nhập" in html.lower()


def test_private_page_for_a_member_without_rights(functional):
    page = create(functional, "gioi-thieu", "Document", "mat", "Trang mật", publish=False)
    api.user.create(email="thanh.vien@example.vn", username="thanhvien", password="gio-qua-nuong-9")
    transaction.commit()
    browser = visitor(functional)
    browser.addHeader("Authorization", "Basic thanhvien:gio-qua-nuong-9")
    browser.open(page.absolute_url())
    html = browser.contents
    assert "Trang mật" not in html
    assert "Traceback" not in html
    assert 'id="dakto-banner"' in html
    assert "Bạn không có quyền xem trang này" in html or "quyền" in html


def test_uploaded_images_need_an_alternative_text(manager_request):
    import base64

    session = manager_request
    pixel = base64.b64encode(
        base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        )
    ).decode()
    image = {
        "data": pixel,
        "encoding": "base64",
        "filename": "anh.png",
        "content-type": "image/png",
    }
    response = session.post("/gioi-thieu", json={"@type": "Image", "title": "Ảnh", "image": image})
    assert response.status_code == 400, response.text
    assert "alt_text" in response.text
    response = session.post(
        "/gioi-thieu",
        json={"@type": "Image", "title": "Ảnh", "image": image, "alt_text": "Trụ sở UBND thị trấn"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["alt_text"] == "Trụ sở UBND thị trấn"
