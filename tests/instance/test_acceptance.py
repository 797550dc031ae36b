"""`dakto start` for real: a WSGI server on a free port, pages over HTTP,
and a second start that keeps everything."""

import json

import pytest

from tests.servers import free_port
from tests.servers import http_get


pytestmark = pytest.mark.server

ADMIN = ("admin", "admin")
SECTIONS = (
    "Giới thiệu",
    "Tin tức - Sự kiện",
    "Văn bản pháp luật",
    "Dự thảo lấy ý kiến",
    "Thủ tục hành chính",
    "Liên hệ",
)


def _post_json(url, body):
    return http_get(
        url,
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        auth=ADMIN,
        data=json.dumps(body).encode(),
        method="POST",
    )


def test_start_serves_the_portal_and_a_restart_keeps_everything(dakto_server, tmp_path):
    var = tmp_path / "var"
    port = free_port()
    server = dakto_server(var=var, port=port)
    assert f"Site created at {server.url}" in server.output
    assert "log in as admin" in server.output

    status, html = http_get(server.url)
    assert status == 200
    assert '<html xmlns="http://www.w3.org/1999/xhtml" lang="vi"' in html
    assert "Trang thông tin điện tử xã Đắk Tô" in html
    assert 'class="dakto-body-name">Ủy ban nhân dân xã Đắk Tô<' in html
    for title in SECTIONS:
        assert title in html, title
    assert "Chào mừng bạn đến với Trang thông tin điện tử" in html

    status, html = http_get(server.url + "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026")
    assert status == 200 and "Nông dân xã Đắk Tô thu hoạch cà phê" in html

    status, body = http_get(server.url, headers={"Accept": "application/json"})
    assert status == 200 and json.loads(body)["title"] == "Trang thông tin điện tử xã Đắk Tô"

    news = {"@type": "News Item", "id": "tin-them", "title": "Tin thêm sau khi khởi động"}
    status, body = _post_json(server.url + "/tin-tuc", news)
    # Article 7.1: source and author are required; the API says so in Vietnamese.
    message = json.loads(body)["message"]
    assert (
        status == 400 and "news_source: Hãy nhập nguồn tin" in message and "news_author:" in message
    )
    attribution = {"news_source": "UBND thị trấn", "news_author": "Văn phòng"}
    status, body = _post_json(server.url + "/tin-tuc", news | attribution)
    assert status == 201, body

    status, _ = http_get(server.url + "/khong-ton-tai")
    assert status == 404

    server.stop()
    again = dakto_server(var=var, port=port)
    assert f"Existing site kept at {again.url}" in again.output
    status, body = http_get(
        again.url + "/tin-tuc/tin-them", headers={"Accept": "application/json"}, auth=ADMIN
    )
    assert status == 200 and json.loads(body)["title"] == "Tin thêm sau khi khởi động"
    status, body = http_get(
        again.url + "/@search?portal_type=News+Item&b_size=100",
        headers={"Accept": "application/json"},
        auth=ADMIN,
    )
    ids = [item["@id"].rsplit("/", 1)[1] for item in json.loads(body)["items"]]
    assert ids.count("thu-hoach-ca-phe-nien-vu-2026") == 1  # demo content not added twice


def test_second_process_on_the_same_filestorage_is_refused(dakto_server, tmp_path):
    from tests.servers import base_env
    from tests.servers import run_dakto

    server = dakto_server(var=tmp_path / "var", DAKTO_DEMO="0")
    result = run_dakto(base_env(tmp_path / "var", free_port()), "start", timeout=120)
    assert result.returncode == 2
    assert "is in use by another Zope process" in result.stderr
    assert http_get(server.url)[0] == 200


def test_without_demo_the_structure_is_bare(dakto_server, tmp_path):
    server = dakto_server(var=tmp_path / "var", DAKTO_DEMO="0")
    status, body = http_get(
        server.url + "/@search?portal_type=News+Item", headers={"Accept": "application/json"}
    )
    assert status == 200 and json.loads(body)["items_total"] == 0
    assert http_get(server.url + "/tin-tuc/kinh-te")[0] == 200


def test_admin_password_from_the_environment(dakto_server, tmp_path):
    server = dakto_server(
        var=tmp_path / "var", DAKTO_DEMO="0", DAKTO_ADMIN_PASSWORD="mat-khau-rat-dai-2026"
    )
    headers = {"Accept": "application/json"}
    assert (
        http_get(server.url + "/@users", headers=headers, auth=("admin", "mat-khau-rat-dai-2026"))[
            0
        ]
        == 200
    )
    assert http_get(server.url + "/@users", headers=headers, auth=ADMIN)[0] == 401
