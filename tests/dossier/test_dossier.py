"""Dossier lookup (Article 2.2): import (CSV, JSON, REST, CLI), page, endpoint."""

import json
from datetime import date
from pathlib import Path

import pytest
import transaction
from plone.testing.zope import Browser
from zope.i18n import translate

from dakto.policy.dossier import store
from tests.servers import base_env
from tests.servers import free_port
from tests.servers import run_dakto


SAMPLES = Path(store.__file__).parent
CSV_SAMPLE = (SAMPLES / "sample.csv").read_bytes()
JSON_SAMPLE = (SAMPLES / "sample.json").read_bytes()
HEADER = "code,procedure_name,procedure_code,applicant_name,received_date,appointment_date,status\n"


# Parsing and storing -----------------------------------------------------------


def test_csv_import_then_reimport_updates_by_code(portal):
    result = store.import_data(CSV_SAMPLE, "csv", portal)
    assert result.as_dict() == {"created": 4, "updated": 0, "unchanged": 0, "total": 4}
    dossier = store.get("000.00.18.H34-261116-0012", portal)
    assert dossier.procedure_name == "Chứng thực hợp đồng chuyển nhượng quyền sử dụng đất"
    assert dossier.status == "processing"  # the Vietnamese label is understood
    assert dossier.received_date == date(2026, 11, 16)
    assert dossier.appointment_date == date(2026, 11, 19)
    assert store.get("000.00.18.H34-261120-0003", portal).appointment_date is None

    changed = CSV_SAMPLE.replace(b"2026-11-11,done", b"2026-11-11,returned")
    result = store.import_data(changed, None, portal)
    assert result.as_dict() == {"created": 0, "updated": 1, "unchanged": 3, "total": 4}
    assert store.get("000.00.18.H34-261110-0007", portal).status == "returned"
    assert store.count(portal) == 4


def test_json_import_lowercase_codes_are_the_same_dossier(portal):
    store.import_data(CSV_SAMPLE, "csv", portal)
    rows = json.loads(JSON_SAMPLE)
    rows[0]["code"] = rows[0]["code"].lower()
    result = store.import_data(json.dumps({"dossiers": rows}), None, portal)
    assert (result.created, result.unchanged) == (1, 1)
    assert store.count(portal) == 5


def test_a_bad_file_is_refused_whole_with_line_numbers(portal):
    store.import_data(CSV_SAMPLE, "csv", portal)
    bad = (
        HEADER
        + "HS-0001,Đăng ký khai sinh,,Nguyễn Văn A,2026-11-01,2026-11-02,received\n"
        + "HS 0002,Đăng ký khai sinh,,,2026-11-01,,received\n"  # space in the code
        + "HS-0003,Đăng ký khai sinh,,,31/02/2026,,received\n"  # no such day
        + "HS-0004,<script>x</script>,,,2026-11-01,,received\n"
        + "HS-0005,Đăng ký khai sinh,,,2026-11-05,2026-11-01,received\n"
        + "HS-0006,Đăng ký khai sinh,,,2026-11-01,,lost\n"
        + "HS-0001,Đăng ký khai sinh,,,2026-11-01,,done\n"
        + f"HS-0007,{'x' * 301},,,2026-11-01,,done\n"
        + "HS-0008,only,three\n"
        + "000.00.18.H34-261110-0007,Đăng ký khai sinh,,,2026-11-10,,refused\n"
    )
    with pytest.raises(store.ImportRefused) as refused:
        store.import_data(bad, "csv", portal)
    by_line = {(line, field) for line, field, _m in refused.value.errors}
    assert by_line == {
        (3, "code"),
        (4, "received_date"),
        (5, "procedure_name"),
        (6, "appointment_date"),
        (7, "status"),
        (8, "code"),
        (9, "procedure_name"),
        (10, ""),
    }
    # nothing stored, the good rows neither
    assert store.get("HS-0001", portal) is None
    assert store.get("000.00.18.H34-261110-0007", portal).status == "done"
    assert store.count(portal) == 4


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"code,status\nX,done\n", "procedure_name"),
        (b'{"code": 1}', "JSON list"),
        (b"[1, 2]", "object"),
        (
            b'[{"code": "HS-1", "procedure_name": ["x"], "received_date": "2026-01-01", "status": "done"}]',
            "text",
        ),
        (
            b'[{"code": "HS-1", "procedure_name": "x", "received_date": "2026-01-01", "status": "done", "extra": 1}]',
            "Unknown column",
        ),
        (b"\xff\xfe\x00bad", "UTF-8"),
        (b"[]", "no dossier"),
    ],
)
def test_wrong_shapes_are_refused_with_a_message(portal, data, message):
    with pytest.raises(store.ImportRefused) as refused:
        store.import_data(data, None, portal)
    texts = " ".join(translate(m) for _l, _f, m in refused.value.errors)
    assert message in texts, texts
    assert store.count(portal) == 0


def test_initials_only():
    assert store.initials("Nguyễn Thị Hoa") == "N. T. H."
    assert store.initials("") == ""


# REST import -----------------------------------------------------------------------


def test_rest_import_for_administrators_only(
    functional, manager_request, anon_request, request_factory
):
    url = "/@dossier-import"
    denied = anon_request.post(url, data=CSV_SAMPLE, headers={"Content-Type": "text/csv"})
    assert denied.status_code in (401, 403)

    from plone import api

    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="bien.tap@example.vn", username="bientap", password="suoi-qua-lang-7")
        api.user.grant_roles(username="bientap", roles=["Editor", "Reviewer"])
    transaction.commit()
    editor = request_factory(basic_auth=("bientap", "suoi-qua-lang-7"))
    assert editor.post(url, data=CSV_SAMPLE, headers={"Content-Type": "text/csv"}).status_code in (
        401,
        403,
    )
    transaction.begin()
    assert store.count(portal) == 0

    ok = manager_request.post(url, data=CSV_SAMPLE, headers={"Content-Type": "text/csv"})
    assert ok.status_code == 200, ok.text
    assert ok.json() == {
        "created": 4,
        "updated": 0,
        "unchanged": 0,
        "total": 4,
        "dossiers_total": 4,
    }
    again = manager_request.post(url, json=json.loads(JSON_SAMPLE))
    assert again.status_code == 200, again.text
    assert again.json()["created"] == 1 and again.json()["unchanged"] == 1

    bad = manager_request.post(
        url,
        json=[
            {
                "code": "HS-9",
                "procedure_name": "A",
                "received_date": "2026-01-01",
                "status": "done",
            },
            {"code": "HS-10", "procedure_name": "B", "received_date": "hôm qua", "status": "done"},
        ],
    )
    assert bad.status_code == 400
    error = bad.json()["error"]
    assert error["type"] == "ImportRefused"
    assert error["errors"] == [
        {"line": 2, "field": "received_date", "message": error["errors"][0]["message"]}
    ]
    assert "2" in error["message"] and "received_date" in error["message"]
    garbage = manager_request.post(
        url, data=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert garbage.status_code == 400
    transaction.begin()
    assert store.count(portal) == 5
    assert store.get("HS-9", portal) is None


# Lookup: page and endpoint ---------------------------------------------------


def _imported(functional):
    store.import_data(CSV_SAMPLE, "csv", functional["portal"])
    transaction.commit()
    return functional["portal"].absolute_url()


def test_lookup_endpoint(functional, anon_request):
    _imported(functional)
    response = anon_request.get("/@dossier/000.00.18.H34-261105-0001")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["procedure"] == {"name": "Cấp bản sao trích lục hộ tịch", "code": "2.000635"}
    assert data["received_date"] == "2026-11-05" and data["appointment_date"] == "2026-11-06"
    assert data["status"] == "returned" and data["status_title"]
    assert data["applicant_initials"] == "N. T. H."
    assert "Nguyễn Thị Hoa" not in response.text and "Hoa" not in response.text
    assert anon_request.get("/@dossier/000.00.18.h34-261105-0001").status_code == 200
    missing = anon_request.get("/@dossier/HS-404-0000")
    assert missing.status_code == 404 and missing.json()["error"]["type"] == "NotFound"
    for bad in ("x", "<script>", "a" * 80, "HS 1"):
        response = anon_request.get(f"/@dossier/{bad}")
        assert response.status_code == 400, bad
        assert response.json()["error"]["field"] == "code"


def test_lookup_page(functional):
    site = _imported(functional)
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(f"{site}/@@tra-cuu-ho-so")
    assert '<label class="form-label" for="dossier-code"' in browser.contents
    browser.getControl(name="code").value = "000.00.18.h34-261116-0012"
    browser.getForm(action=f"{site}/@@tra-cuu-ho-so").submit()
    html = browser.contents
    assert 'id="dossier-result"' in html
    assert "Chứng thực hợp đồng chuyển nhượng quyền sử dụng đất" in html
    assert "16/11/2026" in html and "19/11/2026" in html
    assert "A Thị Nga" not in html and "A. T. N." in html
    browser.open(f"{site}/@@tra-cuu-ho-so?code=HS-NOPE-1")
    assert browser.headers["status"].startswith("404")
    assert 'id="dossier-error"' in browser.contents
    browser.open(f"{site}/@@tra-cuu-ho-so?code=%3Cb%3E")
    assert browser.headers["status"].startswith("400")
    assert "<b>" not in browser.contents.split('id="dossier-error"')[1][:300]


def test_lookup_is_rate_limited(functional, anon_request):
    _imported(functional)
    statuses = [anon_request.get(f"/@dossier/HS-GUESS-{n:04d}").status_code for n in range(31)]
    assert statuses == [404] * 30 + [429]
    refused = anon_request.get("/@dossier/000.00.18.H34-261105-0001")
    assert refused.status_code == 429 and refused.headers.get("Retry-After")


# The command -------------------------------------------------------------------


def test_dakto_import_dossiers_command(tmp_path):
    env = base_env(tmp_path / "var", free_port(), DAKTO_DEMO="0")
    created = run_dakto(env, "create-site", timeout=240)
    assert created.returncode == 0, created.stdout + created.stderr

    first = run_dakto(env, "import-dossiers", str(SAMPLES / "sample.csv"), timeout=240)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "4 new, 0 updated, 0 unchanged" in first.stdout

    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "HS-1,A,,,2026-13-01,,done\nHS-2,B,,,2026-01-01,,nope\n", "utf-8")
    refused = run_dakto(env, "import-dossiers", str(bad), timeout=240)
    assert refused.returncode == 2
    assert "line 2, received_date" in refused.stderr and "line 3, status" in refused.stderr

    again = run_dakto(env, "import-dossiers", str(SAMPLES / "sample.csv"), timeout=240)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "0 new, 0 updated, 4 unchanged" in again.stdout  # stored by the first run

    missing = run_dakto(env, "import-dossiers", str(tmp_path / "none.csv"))
    assert missing.returncode == 2 and "none.csv" in missing.stderr
