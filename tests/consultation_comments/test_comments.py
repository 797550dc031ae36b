"""Comments on drafts (Article 4.1e): the public form, REST, moderation, export."""

import csv
import io
from datetime import timedelta

import transaction
from odf.opendocument import load
from odf.table import Table
from odf.table import TableCell
from odf.table import TableRow
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser

from dakto.policy.antispam import HONEYPOT_FIELD
from dakto.policy.consultation import comments as store
from dakto.policy.consultation.period import today
from dakto.policy.personal_data.holders import export as export_person


GOOD = {
    "name": "Trần Văn Bình",
    "email": "binh.tran@example.vn",
    "organisation": "Hợp tác xã cà phê Đắk Tô",
    "article": "Điều 2",
    "text": "Đề nghị bổ sung trách nhiệm của tổ dân phố trong việc báo cáo vi phạm.",
    "consent": ["comment_draft"],
}


def make_draft(portal, id="du-thao-x", opens=-2, closes=10, comments_received=0):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        day = today()
        obj = api.content.create(
            container=portal["du-thao"], type="DraftDocument", id=id, title="Dự thảo Quy chế"
        )
        obj.drafting_body = "Văn phòng HĐND - UBND thị trấn"
        obj.draft_file = NamedBlobFile(
            data=b"%PDF-1.4 du thao", contentType="application/pdf", filename="d.pdf"
        )
        obj.comment_opens = day + timedelta(days=opens)
        obj.comment_closes = day + timedelta(days=closes)
        obj.comments_received = comments_received
        api.content.transition(obj, to_state="published")
        obj.reindexObject()
    return obj


def anon_browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    return browser


def owner_browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def fill(browser, values):
    for name in ("name", "email", "organisation", "article"):
        browser.getControl(name=name).value = values.get(name, "")
    browser.getControl(name="text").value = values.get("text", "")
    if values.get("consent"):
        browser.getControl(name="consent:list").value = values["consent"]


# The HTML form ---------------------------------------------------------------


def test_anonymous_comments_through_the_page_and_moderation_publishes_it(functional):
    portal = functional["portal"]
    draft = make_draft(portal, comments_received=3)
    transaction.commit()
    browser = anon_browser(functional)
    browser.open(draft.absolute_url())
    assert 'id="draft-comment-form"' in browser.contents
    assert f'name="{HONEYPOT_FIELD}"' in browser.contents
    assert "chinh-sach-du-lieu-ca-nhan" in browser.contents  # the notice is linked
    fill(browser, GOOD)
    browser.getControl(name="form.submitted").click()
    assert 'id="comment-sent"' in browser.contents
    transaction.begin()
    [comment] = store.comments(draft)
    assert comment.state == store.PENDING
    assert comment.name == GOOD["name"] and comment.article == "Điều 2"
    assert comment.consent["purposes"] == ["comment_draft"]
    assert comment.consent["notice_version"] and comment.consent["time"]
    assert draft.comments_received == 4  # 3 on paper + this one
    brain = api.content.find(UID=draft.UID(), unrestricted=True)[0]
    assert brain.comments_received == 4

    # pending: not shown to anonymous
    browser.open(draft.absolute_url())
    assert GOOD["text"] not in browser.contents

    # the board approves it on the moderation page
    board = owner_browser(functional)
    board.open(f"{draft.absolute_url()}/@@draft-comments-moderation")
    assert GOOD["email"] in board.contents
    board.getForm(index=_moderation_form_index(board)).getControl(name="state", index=0).click()
    transaction.begin()
    assert store.comments(draft)[0].state == store.APPROVED
    assert [h["state"] for h in comment.history] == ["pending", "approved"]
    assert comment.history[-1]["actor"] == SITE_OWNER_NAME

    browser.open(draft.absolute_url())
    assert GOOD["text"] in browser.contents
    assert "Trần Văn Bình (Hợp tác xã cà phê Đắk Tô)" in browser.contents
    assert GOOD["email"] not in browser.contents  # never the e-mail address


def _moderation_form_index(browser):
    forms = browser.contents.split("<form")
    for index, chunk in enumerate(forms[1:]):
        if "@@draft-comments-moderation" in chunk.split(">", 1)[0]:
            return index
    raise AssertionError("no moderation form")


def test_bad_input_in_the_form_is_shown_at_the_fields_and_nothing_is_stored(functional):
    draft = make_draft(functional["portal"])
    transaction.commit()
    browser = anon_browser(functional)
    browser.open(draft.absolute_url())
    fill(
        browser,
        dict(
            GOOD,
            name="<script>alert(1)</script>",
            email="not-an-address",
            text="x" * 5001,
            consent=[],
        ),
    )
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("400")
    html = browser.contents
    assert 'id="dc-name-error"' in html and "HTML" in html
    assert 'id="dc-email-error"' in html
    assert 'id="dc-text-error"' in html and "5000" in html
    assert 'id="consent-error"' in html
    assert "<script>alert(1)</script>" not in html  # escaped when shown back
    transaction.begin()
    assert store.comments(draft) == []
    assert draft.comments_received == 0


def test_the_honeypot_refuses_and_stores_nothing(functional):
    draft = make_draft(functional["portal"])
    transaction.commit()
    browser = anon_browser(functional)
    browser.open(draft.absolute_url())
    fill(browser, GOOD)
    browser.getControl(name=HONEYPOT_FIELD).value = "http://spam.example"
    browser.getControl(name="form.submitted").click()
    assert 'id="comment-error"' in browser.contents
    transaction.begin()
    assert store.comments(draft) == []


def test_closed_draft_has_no_form_and_a_late_post_is_refused(functional, anon_request):
    draft = make_draft(functional["portal"], opens=-30, closes=-1)
    transaction.commit()
    browser = anon_browser(functional)
    browser.open(draft.absolute_url())
    assert 'id="draft-comment-form"' not in browser.contents
    assert 'id="comments-closed"' in browser.contents
    # a late POST of the old form
    browser.post(
        f"{draft.absolute_url()}/@@draft-comment",
        "name=A&email=a%40example.vn&text=muon&consent%3Alist=comment_draft&form.submitted=1",
    )
    assert browser.headers["status"].startswith("403")
    assert 'id="comment-error"' in browser.contents
    # and over REST
    response = anon_request.post(f"{draft.absolute_url()}/@draft-comments", json=GOOD)
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "CommentPeriodClosed"
    assert response.json()["error"]["message"]
    transaction.begin()
    assert store.comments(draft) == []


def test_not_yet_open_draft_refuses(functional, anon_request):
    draft = make_draft(functional["portal"], opens=3, closes=10)
    transaction.commit()
    response = anon_request.post(f"{draft.absolute_url()}/@draft-comments", json=GOOD)
    assert response.status_code == 403


# REST ------------------------------------------------------------------------


def test_rest_comment_moderation_and_listing(functional, anon_request, manager_request):
    draft = make_draft(functional["portal"])
    transaction.commit()
    url = f"{draft.absolute_url()}/@draft-comments"
    response = anon_request.post(url, json=GOOD)
    assert response.status_code == 201, response.text
    comment_id = response.json()["id"]
    assert response.json()["state"] == "pending"

    assert anon_request.get(url).json()["items"] == []  # pending: not public
    everything = manager_request.get(url).json()["items"]
    assert everything[0]["email"] == GOOD["email"] and everything[0]["state"] == "pending"

    # anonymous cannot moderate
    assert anon_request.patch(f"{url}/{comment_id}", json={"state": "approved"}).status_code in (
        401,
        403,
    )
    bad = manager_request.patch(f"{url}/{comment_id}", json={"state": "published"})
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "state"
    assert manager_request.patch(f"{url}/nope", json={"state": "approved"}).status_code == 404
    ok = manager_request.patch(f"{url}/{comment_id}", json={"state": "approved"})
    assert ok.status_code == 200, ok.text

    public = anon_request.get(url).json()["items"]
    assert [c["text"] for c in public] == [GOOD["text"]]
    assert "email" not in public[0]

    # rejected: the count goes back down
    manager_request.patch(f"{url}/{comment_id}", json={"state": "rejected"})
    transaction.begin()
    assert draft.comments_received == 0


def test_rest_bad_input_answers_400_naming_the_field(functional, anon_request):
    draft = make_draft(functional["portal"])
    transaction.commit()
    url = f"{draft.absolute_url()}/@draft-comments"
    cases = {
        "name": dict(GOOD, name="<b>Bình</b>"),
        "email": dict(GOOD, email="x@"),
        "text": dict(GOOD, text="y" * 6000),
        "article": dict(GOOD, article=["Điều 1"]),
        "consent": dict(GOOD, consent=[]),
    }
    for field, body in cases.items():
        response = anon_request.post(url, json=body)
        assert response.status_code == 400, (field, response.text)
        assert response.json()["error"]["field"] == field, response.text
    response = anon_request.post(url, data="not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    response = anon_request.post(url, json=dict(GOOD, **{HONEYPOT_FIELD: "x"}))
    assert response.status_code == 400 and response.json()["error"]["type"] == "Spam"
    transaction.begin()
    assert store.comments(draft) == []


def test_rate_limit(functional, anon_request):
    draft = make_draft(functional["portal"])
    transaction.commit()
    url = f"{draft.absolute_url()}/@draft-comments"
    statuses = [anon_request.post(url, json=GOOD).status_code for _ in range(6)]
    assert statuses == [201] * 5 + [429]


# Export ----------------------------------------------------------------------


def _stored(draft, **values):
    clean, errors = store.validate(dict(GOOD, **values))
    assert not errors
    return store.add(draft, clean, {"purposes": ["comment_draft"]})


def _ods_rows(data):
    document = load(io.BytesIO(data))
    [sheet] = document.spreadsheet.getElementsByType(Table)
    rows = []
    for row in sheet.getElementsByType(TableRow):
        rows.append([str(cell) for cell in row.getElementsByType(TableCell)])
    return rows


def test_export_ods_and_csv(functional, manager_request, anon_request):
    draft = make_draft(functional["portal"])
    first = _stored(draft, name="Nguyễn Thị Hoa", text="Góp ý thứ nhất")
    _stored(draft, name="Lê Văn Nam", organisation="", article="", text="Góp ý, thứ hai\n2 dòng")
    store.moderate(draft, first, store.APPROVED, "admin")
    transaction.commit()

    browser = owner_browser(functional)
    browser.open(f"{draft.absolute_url()}/@@draft-comments-export?format=ods")
    assert browser.headers["Content-Type"].startswith(
        "application/vnd.oasis.opendocument.spreadsheet"
    )
    rows = [
        r
        for r in _ods_rows(
            browser.contents.encode("latin-1")
            if isinstance(browser.contents, str)
            else browser.contents
        )
        if r
    ]
    header = rows.index(next(r for r in rows if r and r[0] == "STT"))
    assert rows[header][:4] == ["STT", "Ngày giờ gửi", "Họ và tên", "Thư điện tử"]
    assert rows[header + 1][2] == "Nguyễn Thị Hoa" and rows[header + 1][7] == "Đã duyệt"
    assert rows[header + 2][2] == "Lê Văn Nam" and rows[header + 2][7] == "Chờ duyệt"

    response = manager_request.get(f"{draft.absolute_url()}/@draft-comments-export?format=csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    parsed = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert parsed[0] == [
        "STT",
        "Ngày giờ gửi",
        "Họ và tên",
        "Thư điện tử",
        "Cơ quan, tổ chức",
        "Điều khoản góp ý",
        "Nội dung góp ý",
        "Trạng thái",
    ]
    assert parsed[2][2] == "Lê Văn Nam" and parsed[2][6] == "Góp ý, thứ hai\n2 dòng"
    ods = manager_request.get(f"{draft.absolute_url()}/@draft-comments-export?format=ods")
    assert ods.status_code == 200 and ods.content[:2] == b"PK"
    assert (
        manager_request.get(f"{draft.absolute_url()}/@draft-comments-export?format=xls").status_code
        == 400
    )
    assert anon_request.get(
        f"{draft.absolute_url()}/@draft-comments-export?format=csv"
    ).status_code in (401, 403)


def test_comments_are_registered_as_personal_data(portal):
    draft = make_draft(portal)
    comment = _stored(draft)
    found = export_person(email=GOOD["email"].upper())["holders"]["draft_comments"]
    assert found[0]["data"]["name"] == GOOD["name"]
    from dakto.policy.personal_data.holders import holder

    comments_holder = holder("draft_comments")
    assert comments_holder.erase(found[0]["uid"])
    assert comment.email is None and comment.name is None
    assert comment.text == GOOD["text"]
