"""RelStorage on a real PostgreSQL: two Zope processes share one database."""

import json

import pytest

from tests.servers import http_get


pytestmark = pytest.mark.server

ADMIN = ("admin", "admin")
JSON = {"Accept": "application/json"}


def test_content_written_by_one_process_is_read_by_another(postgres, dakto_server, tmp_path):
    dsn = postgres.createdb("dakto_two_processes")
    first = dakto_server(
        var=tmp_path / "one", DAKTO_STORAGE="relstorage", DAKTO_PG_DSN=dsn, DAKTO_DEMO="0"
    )
    assert "Site created" in first.output
    second = dakto_server(var=tmp_path / "two", DAKTO_STORAGE="relstorage", DAKTO_PG_DSN=dsn)
    assert "Existing site kept" in second.output

    body = json.dumps(
        {"@type": "Document", "id": "viet-boi-mot", "title": "Viết bởi tiến trình thứ nhất"}
    ).encode()
    status, answer = http_get(
        first.url + "/gioi-thieu",
        headers=JSON | {"Content-Type": "application/json"},
        auth=ADMIN,
        data=body,
        method="POST",
    )
    assert status == 201, answer

    status, answer = http_get(second.url + "/gioi-thieu/viet-boi-mot", headers=JSON, auth=ADMIN)
    assert status == 200, answer
    assert json.loads(answer)["title"] == "Viết bởi tiến trình thứ nhất"

    # And back: an edit in the second process shows in the first.
    status, _ = http_get(
        second.url + "/gioi-thieu/viet-boi-mot",
        headers=JSON | {"Content-Type": "application/json"},
        auth=ADMIN,
        data=json.dumps({"title": "Sửa bởi tiến trình thứ hai"}).encode(),
        method="PATCH",
    )
    assert status == 204
    status, answer = http_get(first.url + "/gioi-thieu/viet-boi-mot", headers=JSON, auth=ADMIN)
    assert json.loads(answer)["title"] == "Sửa bởi tiến trình thứ hai"
