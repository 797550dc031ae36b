"""The unit's answer and the board's review over REST (Quy chế Điều 9.1–9.2),
as on ``@@tra-loi-phan-anh`` and ``@@duyet-tra-loi``: ``GET``/``POST
@unit-answer?t=<token>`` opens exactly the one item of the token, without an
account, and keeps the unit's answer for the board; ``GET @unit-answers``
and ``GET``/``POST @unit-answer-review/<code>`` are for those who may review
the item (Review portal content). Mails go to a real SMTP server."""

import json
from urllib.parse import quote

import requests
import transaction
from plone import api

from dakto.policy.feedback import names
from dakto.policy.feedback import status
from dakto.policy.feedback import unit_answer
from dakto.policy.feedback.content import MAX_ANSWER
from tests.feedback.helpers import GOOD
from tests.feedback.helpers import PASSWORD
from tests.feedback.helpers import PNG
from tests.feedback.helpers import forward_to_unit
from tests.servers import http_get


RECEIVER = "tiep-nhan-5"
EDITOR = "cap-nhat-5"
UNIT_EMAIL = "kt-ht5@dakto.kontum.gov.vn"
SUBJECT = "Cống thoát nước tổ 5 bị tắc"
CONTENT = "Sau mỗi trận mưa nước tràn vào nhà dân ở tổ 5."
ANSWER = "Ngày 10/12 Phòng Kinh tế - Hạ tầng đã nạo vét cống tổ 5."
BY = "Trần Văn Bình, Trưởng phòng"


def _setup(portal, count=1, files=()):
    """A receiver, an editor, and ``count`` items forwarded to units (committed)."""
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="tn5@example.vn", username=RECEIVER, password=PASSWORD)
        api.group.add_user(groupname=names.RECEIVERS_GROUP, username=RECEIVER)
        api.user.create(email="cn5@example.vn", username=EDITOR, password=PASSWORD)
        api.group.add_user(groupname="cap-nhat", username=EDITOR)
        items = [
            forward_to_unit(
                portal,
                f"don-vi-{n}",
                email=UNIT_EMAIL,
                files=files,
                subject=f"{SUBJECT} ({n})",
                content=CONTENT,
            )
            for n in range(count)
        ]
    transaction.commit()
    return items


def _call(url, body=None, user=None, method=None):
    code, text = http_get(
        url,
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        data=None if body is None else json.dumps(body).encode(),
        method=method or ("GET" if body is None else "POST"),
        auth=(user, PASSWORD) if user else None,
    )
    return code, json.loads(text) if text.strip() else {}


def _unit_url(portal, token):
    return f"{portal.absolute_url()}/@unit-answer?t={quote(token)}"


def _fresh(obj):
    transaction.begin()
    return status.find(obj.tracking_code)


def test_the_unit_reads_its_item_and_answers_for_the_board(functional, mail):
    portal = functional["portal"]
    (obj,) = _setup(portal, files=[("anh-cong-tac.png", PNG)])
    # the token of the link in the forward mail
    mail.wait_for(1)
    token = unit_answer.current_token(obj)
    assert f"?t={token}" in mail.body(mail.to(UNIT_EMAIL)[0])
    mail.messages.clear()
    url = _unit_url(portal, token)

    code, data = _call(url)
    assert code == 200, data
    assert data["tracking_code"] == obj.tracking_code and data["subject"] == obj.title
    assert data["content"] == CONTENT and data["unit"] == "Phòng Kinh tế - Hạ tầng"
    assert data["topic"] == {"token": GOOD["topic"], "title": "Giao thông, đường sá"}
    assert data["answer_due"] and data["received"]
    assert data["page"] == unit_answer.link(token)
    # what the citizen attached, downloaded with the same link
    [attached] = data["attachments"]
    assert attached["filename"] == "anh-cong-tac.png" and attached["size"] == len(PNG)
    download = requests.get(attached["download"], timeout=30)
    assert download.status_code == 200 and download.content == PNG
    assert "no-store" in download.headers["Cache-Control"]
    # never the sender's details
    text = json.dumps(data, ensure_ascii=False)
    for private in (GOOD["name"], GOOD["email"], GOOD["phone"], GOOD["address"]):
        assert private not in text
    # the token is a key: not cached, not sent on, no login cookie
    response = requests.get(url, headers={"Accept": "application/json"}, timeout=30)
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "__ac" not in response.headers.get("Set-Cookie", "")

    # bad input: 400 names the field, nothing is kept
    for body, field in (
        ({"answer": "   ", "by": BY}, "answer"),
        ({"by": BY}, "answer"),
        ({"answer": "x" * (MAX_ANSWER + 1), "by": BY}, "answer"),
        ({"answer": ANSWER, "by": ""}, "by"),
        ({"answer": ANSWER, "by": "x" * 201}, "by"),
        ({"answer": ["a"], "by": BY}, "answer"),
    ):
        code, data = _call(url, body)
        assert code == 400 and data["error"]["field"] == field, (body, data)
    code, data = _call(url, b"[1, 2]".decode(), method="POST")
    assert code == 400 and data["error"]["field"] == "body"
    assert unit_answer.draft(_fresh(obj)) is None
    assert not mail.wait_for(1, timeout=1)

    code, data = _call(url, {"answer": ANSWER, "by": BY})
    assert code == 200, data
    assert data["tracking_code"] == obj.tracking_code
    assert data["message"].startswith("Ban biên tập")
    obj = _fresh(obj)
    assert unit_answer.draft(obj)["text"] == ANSWER and unit_answer.draft(obj)["by"] == BY
    # for the board's review: not answered, the citizen is told nothing
    assert api.content.get_state(obj) == names.FORWARDED and not obj.answer
    mail.wait_for(1)
    [review_mail] = mail.to("tn5@example.vn")
    assert obj.tracking_code in review_mail["subject"]
    assert not mail.to(GOOD["email"])
    # the token is used: it opens nothing any more
    for body in (None, {"answer": "Lần nữa.", "by": BY}):
        code, data = _call(url, body)
        assert code == 410 and data["error"]["type"] == "ExpiredLink", data
        assert data["error"]["message"] == "Liên kết đã hết hạn"
        assert data["error"]["detail"] and SUBJECT not in json.dumps(data, ensure_ascii=False)
    assert requests.get(attached["download"], timeout=30).status_code == 410
    assert unit_answer.draft(_fresh(obj))["text"] == ANSWER


def test_a_token_opens_its_own_item_only(functional):
    portal = functional["portal"]
    first, second = _setup(portal, count=2)
    token = unit_answer.current_token(first)
    uid, nonce, signature = token.split(".")
    other_uid, other_nonce, other_signature = unit_answer.current_token(second).split(".")
    for bad in (
        "",
        "khong-phai-token",
        f"{other_uid}.{nonce}.{signature}",  # the other item with this token's signature
        f"{other_uid}.{other_nonce}.{signature}",
        f"{uid}.{nonce}.{other_signature}",
        f"{uid}.{nonce}.{'0' * len(signature)}",
        f"{token}.{token}",
    ):
        for body in (None, {"answer": ANSWER, "by": BY}):
            code, data = _call(_unit_url(portal, bad), body)
            assert code == 403 and data["error"]["type"] == "InvalidLink", (bad, data)
            assert data["error"]["message"] == "Liên kết không hợp lệ"
            assert "Cống" not in json.dumps(data, ensure_ascii=False)
    code, data = _call(f"{portal.absolute_url()}/@unit-answer")
    assert code == 403 and data["error"]["type"] == "InvalidLink"
    # the token answers its own item, never the other one
    code, data = _call(_unit_url(portal, token), {"answer": ANSWER, "by": BY})
    assert code == 200 and data["tracking_code"] == first.tracking_code
    assert unit_answer.draft(_fresh(first)) and not unit_answer.draft(_fresh(second))
    # the token is not a login: the board's services stay closed to it
    for url in (
        f"{portal.absolute_url()}/@unit-answers?t={token}",
        f"{portal.absolute_url()}/@unit-answer-review/{first.tracking_code}?t={token}",
        f"{first.absolute_url()}/@unit-answer-review?t={token}",
    ):
        code, data = _call(url)
        assert code == 401 and ANSWER not in json.dumps(data, ensure_ascii=False), url


def test_the_board_lists_reviews_sends_back_and_approves(functional, mail):
    portal = functional["portal"]
    first, second = _setup(portal, count=2)
    mail.wait_for(2)
    mail.messages.clear()
    site = portal.absolute_url()
    review_url = f"{site}/@unit-answer-review/{first.tracking_code}"

    # who may review: the receivers (Review portal content on the item)
    code, data = _call(f"{site}/@unit-answers")
    assert code == 401 and data["error"]["message"]
    code, data = _call(f"{site}/@unit-answers", user=EDITOR)
    assert code == 200 and data["items"] == [] and data["items_total"] == 0
    for user, expected in ((None, 401), (EDITOR, 403)):
        for body in (None, {"action": "approve", "answer": ANSWER}):
            code, data = _call(review_url, body, user=user)
            assert code == expected and data["error"]["type"] == "Unauthorized", (user, data)
    code, data = _call(f"{site}/@unit-answer-review/PA-2222-3333", user=RECEIVER)
    assert code == 404 and data["error"]["type"] == "NotFound"

    code, data = _call(f"{site}/@unit-answers", user=RECEIVER)
    assert code == 200 and data["items_total"] == 2
    listed = {i["tracking_code"]: i for i in data["items"]}
    assert listed[first.tracking_code]["waiting"]["token"] == "unit"
    assert listed[first.tracking_code]["unit_token"] == unit_answer.current_token(first)
    assert listed[first.tracking_code]["draft"] is None
    code, data = _call(f"{site}/@unit-answers?waiting=review", user=RECEIVER)
    assert code == 200 and data["items"] == []
    code, data = _call(f"{site}/@unit-answers?waiting=khac", user=RECEIVER)
    assert code == 400 and "waiting" in data["message"]
    # nothing to review before the unit answers
    code, data = _call(review_url, {"action": "approve", "answer": ANSWER}, user=RECEIVER)
    assert code == 409 and data["error"]["type"] == "NotOpen"

    token = unit_answer.current_token(first)
    assert _call(_unit_url(portal, token), {"answer": "Sẽ xem xét.", "by": BY})[0] == 200
    mail.wait_for(1)
    mail.messages.clear()
    code, data = _call(f"{site}/@unit-answers?waiting=review", user=RECEIVER)
    assert [i["tracking_code"] for i in data["items"]] == [first.tracking_code]
    code, data = _call(review_url, user=RECEIVER)
    assert code == 200 and data["draft"]["text"] == "Sẽ xem xét." and data["draft"]["by"] == BY
    assert data["waiting"]["token"] == "review" and data["unit_token"] is None

    # bad decisions: 400 names the field, nothing changes
    note = "Đề nghị nêu rõ ngày nạo vét và đơn vị thực hiện."
    for body, field in (
        ({"action": "send_back"}, "note"),
        ({"action": "send_back", "note": "x" * 2001}, "note"),
        ({"action": "approve", "answer": "  "}, "answer"),
        ({"action": "xoa"}, "action"),
        ({"note": note}, "action"),
    ):
        code, data = _call(review_url, body, user=RECEIVER)
        assert code == 400 and data["error"]["field"] == field, (body, data)
    assert unit_answer.draft(_fresh(first))["text"] == "Sẽ xem xét."

    # sent back: the unit gets a new link with the note; the old one ends
    code, data = _call(review_url, {"action": "send_back", "note": note}, user=RECEIVER)
    assert code == 200, data
    assert data["message"] and data["draft"] is None and data["unit_token"] not in (None, token)
    mail.wait_for(1)
    [unit_mail] = mail.to(UNIT_EMAIL)
    assert note in mail.body(unit_mail) and data["unit_token"] in mail.body(unit_mail)
    assert _call(_unit_url(portal, token))[0] == 410
    new_token = data["unit_token"]
    assert _call(_unit_url(portal, new_token), {"answer": "Đã nạo vét.", "by": BY})[0] == 200

    # approved, corrected, on the item itself: the citizen is told
    code, data = _call(
        f"{first.absolute_url()}/@unit-answer-review",
        {"action": "approve", "answer": ANSWER},
        user=RECEIVER,
    )
    assert code == 200, data
    assert data["status"] == names.ANSWERED and data["answer"] == ANSWER
    obj = _fresh(first)
    assert obj.answer == ANSWER and obj.unit_answer["approved_by"] == RECEIVER
    mail.wait_for(2)
    [answer_mail] = mail.to(GOOD["email"])
    assert ANSWER in mail.body(answer_mail)
    assert status.status_info(obj, obj.REQUEST)["answer"] == ANSWER
    code, data = _call(review_url, {"action": "approve"}, user=RECEIVER)
    assert code == 409 and data["error"]["type"] == "NotOpen"
    code, data = _call(f"{site}/@unit-answers", user=RECEIVER)
    assert [i["tracking_code"] for i in data["items"]] == [second.tracking_code]


def test_approving_without_an_answer_sends_the_units_text(functional, mail):
    portal = functional["portal"]
    (obj,) = _setup(portal)
    token = unit_answer.current_token(obj)
    assert _call(_unit_url(portal, token), {"answer": ANSWER, "by": BY})[0] == 200
    code, data = _call(
        f"{portal.absolute_url()}/@unit-answer-review/{obj.tracking_code.lower()}",
        {"action": "approve"},
        user=RECEIVER,
    )
    assert code == 200 and data["answer"] == ANSWER
    assert _fresh(obj).answer == ANSWER
