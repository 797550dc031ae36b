"""Issue 17.7: a site-wide urgent notice (floods, storms, outages) that an
editor who may publish sets with a start and an end, Viet Nam time, in a
control panel page or over REST; shown at the top of every page from its
start to its end, never before or after; bad input refused with a reason,
nothing stored."""

import re

import requests
import transaction
from plone import api

from dakto.policy.homepage.notice import current_notice
from dakto.policy.homepage.notice import stored_notice
from tests.homepage.helpers import set_notice
from tests.homepage.helpers import user


JSON = {"Accept": "application/json"}
HEADING = "Cảnh báo lũ quét"


def notice_of(url):
    html = requests.get(url, timeout=60).text
    if 'id="dakto-urgent-notice"' not in html:
        return None
    start = html.index('id="dakto-urgent-notice"')
    return html[start : html.index("</section>", start)]


def authenticator(url, auth):
    """The form's CSRF token (plone.protect), as a browser sends it back."""
    page = requests.get(url, auth=auth, timeout=60).text
    return re.search(r'name="_authenticator" type="hidden" value="([^"]+)"', page).group(1)


def pages(portal):
    root = portal.absolute_url()
    return (root, root + "/tin-tuc", root + "/gioi-thieu", root + "/van-ban")


def test_shown_on_every_page_from_its_start_to_its_end(functional_portal):
    set_notice(starts=-1, ends=5, link="https://dakto.gov.vn/tin-tuc/lu")
    for url in pages(functional_portal):
        notice = notice_of(url)
        assert notice is not None, url
        assert "Thông báo khẩn" in notice and HEADING in notice
        assert "Không qua ngầm tràn khi nước lên." in notice
        assert 'href="https://dakto.gov.vn/tin-tuc/lu"' in notice and "Xem chi tiết" in notice
    notice = notice_of(functional_portal.absolute_url())
    shown = current_notice()
    # times as people read them, the machine-readable ones with the offset
    assert f">{shown['starts_text']}</time>" in notice and "+07:00" in shown["starts"]
    assert f'datetime="{shown["ends"]}"' in notice
    assert "Asia/Ho_Chi_Minh" not in notice


def test_not_shown_before_its_start_nor_after_its_end(functional_portal):
    set_notice(starts=2, ends=5)
    assert notice_of(functional_portal.absolute_url()) is None
    set_notice(starts=-5, ends=-1)
    assert notice_of(functional_portal.absolute_url()) is None
    set_notice(starts=None, ends=None)
    assert notice_of(functional_portal.absolute_url()) is None


def test_publishers_set_it_in_the_control_panel(functional_portal):
    url = functional_portal.absolute_url() + "/@@dakto-urgent-notice"
    publisher = user("bientap", "Publisher")
    page = requests.get(url, auth=publisher, timeout=60)
    assert page.status_code == 200
    assert "Thông báo khẩn" in page.text and 'name="form.widgets.starts"' in page.text
    assert 'type="datetime-local"' in page.text  # works without JavaScript
    overview = requests.get(
        functional_portal.absolute_url() + "/@@overview-controlpanel",
        auth=user("quantri", "Site Administrator"),
        timeout=60,
    )
    assert "@@dakto-urgent-notice" in overview.text
    saved = requests.post(
        url,
        auth=publisher,
        timeout=60,
        data={
            "form.widgets.heading": "Mất điện toàn xã",
            "form.widgets.message": "Điện lực cắt điện để sửa đường dây.",
            "form.widgets.link": "",
            "form.widgets.starts": "2026-01-01T07:00",
            "form.widgets.ends": "2099-01-01T17:00",
            "form.buttons.save": "Lưu",
            "_authenticator": authenticator(url, publisher),
        },
    )
    assert saved.status_code == 200
    transaction.begin()
    assert stored_notice()["heading"] == "Mất điện toàn xã"
    assert "Mất điện toàn xã" in notice_of(functional_portal.absolute_url())


def test_the_control_panel_refuses_bad_input_and_keeps_what_was_stored(functional_portal):
    set_notice(starts=-1, ends=5)
    url = functional_portal.absolute_url() + "/@@dakto-urgent-notice"
    publisher = user("bientap", "Publisher")
    for fields, reason in (
        ({"starts": "2026-12-05T10:00", "ends": "2026-12-05T08:00"}, "phải sau thời điểm"),
        ({"starts": "2026-12-05T10:00", "ends": ""}, "Nhập cả thời điểm"),
        ({"heading": "", "message": ""}, "Nhập tiêu đề hoặc nội dung"),
        ({"link": "javascript:alert(1)"}, "bắt đầu bằng https://"),
    ):
        data = {
            "form.widgets.heading": HEADING,
            "form.widgets.message": "Nội dung",
            "form.widgets.link": "",
            "form.widgets.starts": "2026-12-01T08:00",
            "form.widgets.ends": "2099-12-01T08:00",
            "form.buttons.save": "Lưu",
            "_authenticator": authenticator(url, publisher),
        }
        data.update({f"form.widgets.{name}": value for name, value in fields.items()})
        page = requests.post(url, auth=publisher, data=data, timeout=60)
        assert page.status_code == 200, fields
        assert reason in page.text, fields
        transaction.begin()
        assert stored_notice()["message"] == "Không qua ngầm tràn khi nước lên.", fields


def test_only_those_who_may_publish_set_it(functional_portal):
    url = functional_portal.absolute_url() + "/@@dakto-urgent-notice"
    editor = user("phongvien", "Editor", "Contributor")
    assert requests.get(url, auth=editor, timeout=60, allow_redirects=False).status_code in (
        302,
        401,
        403,
    )
    assert requests.get(url, timeout=60, allow_redirects=False).status_code in (302, 401, 403)
    rest = functional_portal.absolute_url() + "/@urgent-notice"
    body = {"heading": "Tin giả", "starts": "2026-01-01T00:00", "ends": "2099-01-01T00:00"}
    assert requests.patch(rest, json=body, headers=JSON, timeout=60).status_code == 401
    refused = requests.patch(rest, json=body, headers=JSON, auth=editor, timeout=60)
    assert refused.status_code in (401, 403)
    transaction.begin()
    assert stored_notice()["heading"] is None


def test_rest_get_and_patch(functional_portal):
    rest = functional_portal.absolute_url() + "/@urgent-notice"
    publisher = user("bientap", "Publisher")
    anonymous = requests.get(rest, headers=JSON, timeout=60).json()
    assert anonymous["notice"] is None and "settings" not in anonymous
    response = requests.patch(
        rest,
        json={
            "heading": "Bão số 13",
            "message": "Người dân ở trong nhà, chằng chống nhà cửa.",
            "starts": "2026-12-01T06:00",
            "ends": "2099-12-01T18:00:00+07:00",
        },
        headers=JSON,
        auth=publisher,
        timeout=60,
    )
    assert response.status_code == 200, response.text
    assert response.json()["settings"]["starts"] == "2026-12-01T06:00:00+07:00"
    shown = requests.get(rest, headers=JSON, timeout=60).json()
    assert shown["notice"]["heading"] == "Bão số 13"
    assert shown["notice"]["ends"] == "2099-12-01T18:00:00+07:00"
    assert shown["notice"]["ends_text"] == "01/12/2099 18:00"
    assert "settings" not in shown
    # an offset other than Viet Nam's is converted: 00:00 UTC is 07:00 here
    requests.patch(
        rest, json={"starts": "2026-12-01T00:00:00Z"}, headers=JSON, auth=publisher, timeout=60
    )
    transaction.begin()
    assert stored_notice()["starts"].isoformat() == "2026-12-01T07:00:00"
    # withdrawn: both times cleared
    cleared = requests.patch(
        rest, json={"starts": None, "ends": None}, headers=JSON, auth=publisher, timeout=60
    )
    assert cleared.status_code == 200 and cleared.json()["notice"] is None
    assert notice_of(functional_portal.absolute_url()) is None


def test_rest_refuses_bad_input_with_a_reason_and_stores_nothing(functional_portal):
    set_notice(starts=-1, ends=5)
    rest = functional_portal.absolute_url() + "/@urgent-notice"
    publisher = user("bientap", "Publisher")
    for body, field, reason in (
        ({"starts": "ngày mai"}, "starts", "2026-12-04T08:00"),
        ({"ends": 20261205}, "ends", "2026-12-04T08:00"),
        ({"ends": "2020-01-01T00:00"}, "", "phải sau thời điểm bắt đầu"),
        ({"ends": None}, "", "Nhập cả thời điểm"),
        ({"heading": "", "message": None}, "", "Nhập tiêu đề hoặc nội dung"),
        ({"link": "javascript:alert(1)"}, "link", "bắt đầu bằng https://"),
        ({"link": "không phải địa chỉ"}, "link", "bắt đầu bằng https://"),
        ({"heading": ["Bão"]}, "heading", "Nhập một đoạn văn bản"),
        ({"colour": "red"}, "colour", "Không phải một trường"),
        (["heading"], "", "JSON"),
    ):
        response = requests.patch(rest, json=body, headers=JSON, auth=publisher, timeout=60)
        assert response.status_code == 400, (body, response.text)
        error = response.json()["error"]
        if field:
            assert error["field"] == field, (body, error)
        assert reason in error["message"], (body, error)
        assert "Traceback" not in response.text
    transaction.begin()
    assert stored_notice()["heading"] == HEADING
    assert stored_notice()["message"] == "Không qua ngầm tràn khi nước lên."


def test_the_records_are_in_the_registry_empty_at_install(portal):
    registry = api.portal.get_tool("portal_registry")
    for name in ("heading", "message", "link", "starts", "ends"):
        assert registry[f"dakto.urgent_notice.{name}"] is None
