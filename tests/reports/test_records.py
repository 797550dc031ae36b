"""Article 6.3: the six-month report carries the board's proposals and
recommendations (đề xuất, kiến nghị), written by the head of the board before
export; a report once signed ("Ký và lưu hồ sơ") is kept as a record — its
ODT and its numbers — and never recomputed, changed or removed (but by a
Manager)."""

import hashlib
import io
import zipfile

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from dakto.policy.workflow.names import HEAD_OF_BOARD_GROUP
from dakto.policy.workflow.names import REVIEWERS_GROUP
from tests.editorial_board.helpers import as_manager
from tests.editorial_board.helpers import create_members
from tests.reports.site import news


PASSWORD = "mat-khau-rat-dai-42"
HEAD = ("truongban9", PASSWORD)
REVIEWER = ("kiemduyet9", PASSWORD)
MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
PERIOD = {"start": "2026-01-01", "end": "2026-06-30"}
QUERY = "?start=2026-01-01&end=2026-06-30"
JSON = {"Accept": "application/json"}
PROPOSALS = (
    "Đề nghị UBND bố trí thêm kinh phí nhuận bút cho cộng tác viên.\n"
    "Kiến nghị các đơn vị gửi tin bài đúng hạn."
)


@pytest.fixture
def server(functional):
    portal = functional["portal"]
    as_manager(portal)
    create_members()
    for (user_id, _password), group, name in (
        (HEAD, HEAD_OF_BOARD_GROUP, "Đinh Văn Trưởng"),
        (REVIEWER, REVIEWERS_GROUP, "Lý Thị Duyệt"),
    ):
        api.user.create(
            email=f"{user_id}@example.vn",
            username=user_id,
            password=PASSWORD,
            properties={"fullname": name},
        )
        api.group.add_user(groupname=group, username=user_id)
    news(portal, "b1", "kinh-te", "capnhat1", "2026/03/10 09:00", "Lan", "UBND", None)
    transaction.commit()
    return functional


def call(method, url, auth, **kwargs):
    return requests.request(method, url, auth=auth, headers=JSON, timeout=60, **kwargs)


def section(report, id):
    return next(part for part in report["sections"] if part["id"] == id)


def articles(report):
    return section(report, "articles_by_section")["footer"][1]


def odt_text(data):
    with zipfile.ZipFile(io.BytesIO(data)) as odt:
        return odt.read("content.xml").decode()


def test_the_head_of_the_board_writes_the_proposals_and_they_are_their_own_section(server):
    site = server["portal"].absolute_url()
    answer = call("GET", f"{site}/@report-proposals{QUERY}", HEAD)
    assert answer.status_code == 200, answer.text
    assert answer.json()["text"] == "" and answer.json()["can_edit"] is True
    refused = call("POST", f"{site}/@report-proposals", REVIEWER, json=dict(PERIOD, text="x"))
    assert refused.status_code == 403, refused.text
    assert refused.json()["error"]["type"] == "Forbidden"
    assert (
        call("POST", f"{site}/@report-proposals", None, json=dict(PERIOD, text="x")).status_code
        == 401
    )
    bad = call("POST", f"{site}/@report-proposals", HEAD, json=dict(PERIOD, text="x" * 20001))
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "text"

    saved = call("POST", f"{site}/@report-proposals", HEAD, json=dict(PERIOD, text=PROPOSALS))
    assert saved.status_code == 200, saved.text
    assert saved.json()["text"] == PROPOSALS and saved.json()["author"] == "truongban9"

    report = call("GET", f"{site}/@activity-report{QUERY}", REVIEWER).json()
    part = report["sections"][-1]
    assert part["id"] == "proposals" and part["text"] is True
    assert part["title"] == "Đề xuất, kiến nghị"
    assert part["rows"] == [[line] for line in PROPOSALS.split("\n")]
    # Another period has none.
    other = call("GET", f"{site}/@activity-report?start=2025-07-01&end=2025-12-31", HEAD).json()
    assert section(other, "proposals")["rows"] == []

    page = requests.get(f"{site}/@@activity-report{QUERY}", auth=HEAD, timeout=60)
    assert "Kiến nghị các đơn vị gửi tin bài đúng hạn." in page.text
    assert "Ký và lưu hồ sơ" in page.text
    odt = requests.get(f"{site}/@@activity-report{QUERY}&format=odt", auth=HEAD, timeout=60)
    assert "Đề nghị UBND bố trí thêm kinh phí" in odt_text(odt.content)
    # A reviewer reads the report but has no form to write or sign.
    page = requests.get(f"{site}/@@activity-report{QUERY}", auth=REVIEWER, timeout=60)
    assert page.status_code == 200 and "Ký và lưu hồ sơ" not in page.text


def test_a_signed_report_is_kept_as_a_record_and_not_recomputed(server):
    portal = server["portal"]
    site = portal.absolute_url()
    call("POST", f"{site}/@report-proposals", HEAD, json=dict(PERIOD, text=PROPOSALS))
    assert call("POST", f"{site}/@signed-reports", REVIEWER, json=PERIOD).status_code == 403
    signed = call("POST", f"{site}/@signed-reports", HEAD, json=PERIOD)
    assert signed.status_code == 201, signed.text
    record = signed.json()
    assert record["signer"] == "Đinh Văn Trưởng"
    assert (record["start"], record["end"]) == ("2026-01-01", "2026-06-30")
    assert signed.headers["Location"] == record["@id"]
    first_odt = requests.get(record["odt"], auth=REVIEWER, timeout=60)
    assert first_odt.status_code == 200
    assert hashlib.sha256(first_odt.content).hexdigest() == record["sha256"]
    assert "Đinh Văn Trưởng" in odt_text(first_odt.content)
    kept = call("GET", record["@id"], REVIEWER).json()
    assert articles(kept["report"]) == 1
    assert kept["proposals"] == PROPOSALS

    # Later, more news is published in the period: today's report changes...
    news(portal, "b2", "kinh-te", "capnhat1", "2026/04/10 09:00", "Lan", "UBND", None)
    news(portal, "b3", "van-hoa-xa-hoi", "capnhat2", "2026/05/10 09:00", "Bình", "UBND", None)
    transaction.commit()
    assert articles(call("GET", f"{site}/@activity-report{QUERY}", HEAD).json()) == 3
    # ...the signed one does not: the same numbers, the same ODT bytes.
    again = call("GET", record["@id"], REVIEWER).json()
    assert again["report"] == kept["report"]
    assert articles(again["report"]) == 1
    assert requests.get(record["odt"], auth=HEAD, timeout=60).content == first_odt.content
    listed = call("GET", f"{site}/@signed-reports", REVIEWER).json()
    assert [item["id"] for item in listed["items"]] == [record["id"]]
    page = requests.get(f"{site}/@@signed-reports", auth=REVIEWER, timeout=60)
    assert "01/01/2026 – 30/06/2026" in page.text and "Đinh Văn Trưởng" in page.text
    numbers = requests.get(
        f"{site}/@@signed-reports?id={record['id']}&format=json", auth=HEAD, timeout=60
    )
    assert numbers.json() == kept["report"]

    # The period is signed: no second signature, its proposals no longer change.
    assert call("POST", f"{site}/@signed-reports", HEAD, json=PERIOD).status_code == 409
    changed = call("POST", f"{site}/@report-proposals", HEAD, json=dict(PERIOD, text="Khác"))
    assert changed.status_code == 409
    page = requests.get(f"{site}/@@activity-report{QUERY}", auth=HEAD, timeout=60)
    assert "đã được ký và lưu hồ sơ" in page.text


def test_only_a_manager_removes_a_signed_report(server):
    site = server["portal"].absolute_url()
    record = call("POST", f"{site}/@signed-reports", HEAD, json=PERIOD).json()
    for auth in (HEAD, REVIEWER):
        refused = call("DELETE", record["@id"], auth)
        assert refused.status_code == 403, refused.text
        patched = call("PATCH", record["@id"], auth, json={"signer": "Người khác"})
        assert patched.status_code == 403, patched.text
    assert call("PATCH", record["@id"], MANAGER, json={"signer": "x"}).status_code == 403
    assert call("GET", record["@id"], HEAD).json()["signer"] == "Đinh Văn Trưởng"
    assert call("DELETE", f"{site}/@signed-reports/khong-co", MANAGER).status_code == 404
    assert call("DELETE", record["@id"], MANAGER).status_code == 204
    assert call("GET", record["@id"], HEAD).status_code == 404
    assert call("GET", f"{site}/@signed-reports", HEAD).json()["items"] == []


def test_the_head_of_the_board_signs_on_the_report_page(server):
    site = server["portal"].absolute_url()
    browser = Browser(server["app"])
    browser.addHeader("Authorization", "Basic truongban9:" + PASSWORD)
    browser.open(f"{site}/@@activity-report{QUERY}")
    form = browser.getForm(id="report-proposals-form")
    form.getControl(name="proposals_text").value = PROPOSALS
    form.getControl(name="proposals").click()
    assert "Đã lưu đề xuất, kiến nghị." in browser.contents
    assert "Đề nghị UBND bố trí thêm kinh phí" in browser.contents
    # A last line typed and "Sign" pressed at once: the line is kept and signed.
    form = browser.getForm(id="report-proposals-form")
    form.getControl(name="proposals_text").value = PROPOSALS + "\nĐề nghị tập huấn biên tập viên."
    form.getControl(name="sign").click()
    assert "@@signed-reports" in browser.url
    assert "Đinh Văn Trưởng" in browser.contents
    kept = call("GET", f"{site}/@signed-reports", HEAD).json()["items"][0]["@id"]
    assert call("GET", kept, HEAD).json()["proposals"].endswith("Đề nghị tập huấn biên tập viên.")
    # Without the form's authenticator nothing is signed.
    forged = requests.post(
        f"{site}/@@activity-report{QUERY}", data={"sign": "1"}, auth=HEAD, timeout=60
    )
    assert forged.status_code == 403
    assert len(call("GET", f"{site}/@signed-reports", HEAD).json()["items"]) == 1
