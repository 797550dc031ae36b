"""Quy chế Điều 9.1–9.2: feedback the board forwards to a unit or a leader is
answered by them. The forward mail (a real SMTP server) carries a signed
link that opens that one item's answer page without a portal account; it
stops working once the unit has answered, when the item is answered or
withdrawn, and after the deadline (15 working days from receipt, or the day
a progress notice announced). The board reviews the unit's answer before
the citizen gets it: approved (it may correct it), it is mailed to the
citizen and shown on the follow-up page; sent back, the unit gets a new
link with the board's note."""

import re
from datetime import timedelta
from urllib.parse import quote

import transaction
from DateTime import DateTime
from plone import api

from dakto.policy.dates import today
from dakto.policy.feedback import names
from dakto.policy.feedback import progress
from dakto.policy.feedback import status
from dakto.policy.feedback import unit_answer
from dakto.policy.feedback.content import MAX_ANSWER
from tests.feedback.helpers import GOOD
from tests.feedback.helpers import PASSWORD
from tests.feedback.helpers import PDF
from tests.feedback.helpers import PNG
from tests.feedback.helpers import browser_as
from tests.feedback.helpers import forward_to_unit


RECEIVER = "tiep-nhan-3"
RECEIVER_EMAIL = "tn3@example.vn"
UNIT_EMAIL = "kt-ht@dakto.kontum.gov.vn"
SUBJECT = "Cống thoát nước tổ 5 bị tắc"
CONTENT = "Sau mỗi trận mưa nước tràn vào nhà dân ở tổ 5."
LINK = re.compile(r"https?://\S+/@@" + unit_answer.ANSWER_VIEW + r"\?t=[0-9a-f.]+")


def _forwarded(portal, email=UNIT_EMAIL, unit_id="phong-kinh-te-ha-tang", files=()):
    """A receiver, a unit, and one item forwarded to the unit (committed)."""
    with api.env.adopt_roles(["Manager"]):
        if api.user.get(username=RECEIVER) is None:
            api.user.create(email=RECEIVER_EMAIL, username=RECEIVER, password=PASSWORD)
            api.group.add_user(groupname=names.RECEIVERS_GROUP, username=RECEIVER)
        obj = forward_to_unit(
            portal, unit_id, email=email, files=files, subject=SUBJECT, content=CONTENT
        )
    transaction.commit()
    return obj


def _status(browser):
    return int(browser.headers["status"].split()[0])


def _link_in(mail, address, count=1):
    mail.wait_for(count)
    messages = mail.to(address)
    assert len(messages) == count, [m["subject"] for m in messages]
    found = LINK.findall(mail.body(messages[-1]))
    assert len(found) == 1, mail.body(messages[-1])
    return found[0], messages[-1]


def _answer(
    functional, link, text="Đã nạo vét cống tổ 5 ngày 10/12.", by="Trần Văn Bình, Trưởng phòng"
):
    browser = browser_as(functional)
    browser.open(link)
    browser.getControl(name="answer").value = text
    browser.getControl(name="by").value = by
    browser.getControl(name="form.submitted").click()
    return browser


def _fresh(obj):
    transaction.begin()
    return status.find(obj.tracking_code)


def test_the_forward_mail_has_a_link_that_opens_that_one_item_without_an_account(functional, mail):
    obj = _forwarded(functional["portal"])
    link, message = _link_in(mail, UNIT_EMAIL)
    assert obj.tracking_code in message["subject"]
    body = mail.body(message)
    assert SUBJECT in body and "không cần đăng nhập" in body
    browser = browser_as(functional)
    browser.open(link)
    assert _status(browser) == 200
    assert SUBJECT in browser.contents and CONTENT in browser.contents
    assert obj.tracking_code in browser.contents
    # the unit sees what it needs to answer, never who sent it
    for private in (GOOD["name"], GOOD["email"], GOOD["phone"], GOOD["address"]):
        assert private not in browser.contents
    # the token is a key: not cached, not sent on, no login cookie
    assert "no-store" in browser.headers["Cache-Control"]
    assert browser.headers["Referrer-Policy"] == "no-referrer"
    assert "__ac" not in (browser.headers.get("Set-Cookie") or "")
    assert 'name="robots" content="noindex, nofollow"' in browser.contents


def test_the_link_opens_nothing_else(functional, mail):
    portal = functional["portal"]
    obj = _forwarded(portal)
    link, _message = _link_in(mail, UNIT_EMAIL)
    token = link.split("?t=")[1]
    other = _forwarded(portal, email="khac@dakto.kontum.gov.vn", unit_id="don-vi-khac")
    uid, nonce, signature = token.split(".")
    browser = browser_as(functional)
    for bad in (
        "",
        "khong-phai-token",
        f"{uid}.{nonce}.{'0' * len(signature)}",  # signature changed
        f"{other.UID()}.{nonce}.{signature}",  # another item with this signature
        f"{uid}.{'a' * len(nonce)}.{signature}",  # nonce changed
        f"{token}.{token}",
    ):
        browser.open(f"{portal.absolute_url()}/@@{unit_answer.ANSWER_VIEW}?t={quote(bad)}")
        assert _status(browser) == 403, bad
        assert "Liên kết không hợp lệ" in browser.contents
        assert SUBJECT not in browser.contents
    # the token is not a login: the item itself stays closed to the unit
    browser.handleErrors = True
    for path in ("", "/@@feedback-view", "/@@duyet-tra-loi", "/@@giay-bien-nhan"):
        browser.open(f"{obj.absolute_url()}{path}?t={token}")
        assert _status(browser) in (401, 403) or "/login" in browser.url, path
        assert CONTENT not in browser.contents, path


def test_the_unit_answers_and_the_board_approves_before_the_citizen_is_told(functional, mail):
    portal = functional["portal"]
    obj = _forwarded(portal)
    link, _message = _link_in(mail, UNIT_EMAIL)
    mail.messages.clear()

    # bad input: the form says why, nothing is kept
    for text, by, error_id in (
        ("   ", "Trần Văn Bình", "unit-answer-error"),
        ("x" * (MAX_ANSWER + 1), "Trần Văn Bình", "unit-answer-error"),
        ("Đã nạo vét cống.", "", "unit-by-error"),
    ):
        browser = _answer(functional, link, text=text, by=by)
        assert _status(browser) == 400, (text[:10], by)
        assert f'id="{error_id}"' in browser.contents
    assert unit_answer.draft(_fresh(obj)) is None

    browser = _answer(functional, link)
    assert _status(browser) == 200
    assert 'id="unit-answer-sent"' in browser.contents
    # the board is asked to review; the citizen is told nothing yet
    mail.wait_for(1)
    [review_mail] = mail.to(RECEIVER_EMAIL)
    assert obj.tracking_code in review_mail["subject"]
    assert f"{obj.absolute_url()}/@@{unit_answer.REVIEW_VIEW}" in mail.body(review_mail)
    assert not mail.to(GOOD["email"])
    obj = _fresh(obj)
    assert api.content.get_state(obj) == names.FORWARDED and not obj.answer
    assert status.status_info(obj, obj.REQUEST)["answer"] is None
    # answered: the link no longer opens the item
    browser = browser_as(functional)
    browser.open(link)
    assert _status(browser) == 410 and SUBJECT not in browser.contents
    assert "Liên kết đã hết hạn" in browser.contents

    # anonymous cannot review
    anonymous = browser_as(functional)
    anonymous.handleErrors = True
    anonymous.open(f"{obj.absolute_url()}/@@{unit_answer.REVIEW_VIEW}")
    assert "Đã nạo vét" not in anonymous.contents

    # the board sees the draft on the item and approves it, corrected
    board = browser_as(functional, RECEIVER)
    board.open(f"{obj.absolute_url()}/@@feedback-view")
    assert 'id="unit-draft"' in board.contents and "Trần Văn Bình" in board.contents
    board.open(f"{obj.absolute_url()}/@@{unit_answer.REVIEW_VIEW}")
    assert _status(board) == 200
    board.getControl(name="answer").value = ""
    board.getControl(name="form.approve").click()
    assert _status(board) == 400 and 'id="review-answer-error"' in board.contents
    assert api.content.get_state(_fresh(obj)) == names.FORWARDED
    corrected = "Ngày 10/12 Phòng Kinh tế - Hạ tầng đã nạo vét cống tổ 5."
    board.open(f"{obj.absolute_url()}/@@{unit_answer.REVIEW_VIEW}")
    board.getControl(name="answer").value = corrected
    board.getControl(name="form.approve").click()
    assert _status(board) == 200 and board.url.endswith("/@@feedback-view")
    obj = _fresh(obj)
    assert api.content.get_state(obj) == names.ANSWERED and obj.answer == corrected
    assert obj.unit_answer["by"] == "Trần Văn Bình, Trưởng phòng"
    assert obj.unit_answer["approved_by"] == RECEIVER
    # the citizen: by mail and on the follow-up page
    mail.wait_for(2)
    [answer_mail] = mail.to(GOOD["email"])
    assert obj.tracking_code in answer_mail["subject"] and corrected in mail.body(answer_mail)
    assert status.status_info(obj, obj.REQUEST)["answer"] == corrected
    citizen = browser_as(functional)
    citizen.open(f"{portal.absolute_url()}/@@{names.STATUS_VIEW}?code={obj.tracking_code}")
    assert corrected in citizen.contents


def test_the_board_sends_the_answer_back_and_the_unit_gets_a_new_link(functional, mail):
    obj = _forwarded(functional["portal"])
    first, _message = _link_in(mail, UNIT_EMAIL)
    assert _status(_answer(functional, first, text="Sẽ xem xét.")) == 200
    board = browser_as(functional, RECEIVER)
    board.open(f"{obj.absolute_url()}/@@{unit_answer.REVIEW_VIEW}")
    board.getControl(name="form.send_back").click()  # no note
    assert _status(board) == 400 and 'id="review-note-error"' in board.contents
    note = "Đề nghị nêu rõ ngày nạo vét và đơn vị thực hiện."
    board.getControl(name="note").value = note
    board.getControl(name="form.send_back").click()
    assert _status(board) == 200
    second, message = _link_in(mail, UNIT_EMAIL, count=2)
    assert second != first and note in mail.body(message)
    obj = _fresh(obj)
    assert unit_answer.draft(obj) is None and obj.unit_answer_returned["note"] == note
    browser = browser_as(functional)
    browser.open(first)
    assert _status(browser) == 410
    browser.open(second)
    assert _status(browser) == 200 and SUBJECT in browser.contents


def test_the_link_ends_with_the_deadline_or_when_the_board_answers_itself(functional, mail):
    portal = functional["portal"]
    obj = _forwarded(portal)
    link, _message = _link_in(mail, UNIT_EMAIL)
    browser = browser_as(functional)
    # received 40 days ago: the 15 working days are over
    obj.creation_date = DateTime() - 40
    obj.reindexObject()
    transaction.commit()
    browser.open(link)
    assert _status(browser) == 410
    # a progress notice announced a later day (NĐ 43/2011 Art. 17): the link works until then
    obj = _fresh(obj)
    progress.add(obj, "Cần thêm thời gian khảo sát hiện trường.", today() + timedelta(days=10))
    transaction.commit()
    browser.open(link)
    assert _status(browser) == 200
    # the board answers without waiting for the unit: the link ends
    obj = _fresh(obj)
    obj.answer = "Ban biên tập trả lời trực tiếp."
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj, transition=names.ANSWER)
    transaction.commit()
    browser.open(link)
    assert _status(browser) == 410


def test_a_unit_without_an_email_gets_the_link_from_the_board(functional, mail):
    obj = _forwarded(functional["portal"], email=None, unit_id="to-dan-pho-5")
    assert not mail.wait_for(1, timeout=1)
    board = browser_as(functional, RECEIVER)
    board.open(f"{obj.absolute_url()}/@@feedback-view")
    [link] = LINK.findall(board.contents.replace("&amp;", "&"))
    browser = browser_as(functional)
    browser.open(link)
    assert _status(browser) == 200 and SUBJECT in browser.contents


def test_the_unit_sees_and_downloads_what_the_citizen_attached(functional, mail):
    portal = functional["portal"]
    files = [("anh-cong-tac.png", PNG), ("don-phan-anh.pdf", PDF)]
    obj = _forwarded(portal, files=files)
    link, _message = _link_in(mail, UNIT_EMAIL)
    browser = browser_as(functional)
    browser.open(link)
    assert 'id="unit-answer-attachments"' in browser.contents
    for (name, data), index in zip(files, range(len(files)), strict=True):
        download = browser.getLink(name)
        assert download.url == unit_answer.attachment_link(link.split("?t=")[1], index)
        viewer = browser_as(functional)
        viewer.open(download.url)
        assert _status(viewer) == 200 and viewer.contents == data
        assert name in viewer.headers["Content-Disposition"]
        assert "no-store" in viewer.headers["Cache-Control"]
    browser.open(f"{link}&file=7")
    assert _status(browser) == 404
    # the link's key only: the staff's download stays closed to anonymous
    anonymous = browser_as(functional)
    anonymous.handleErrors = True
    anonymous.open(f"{obj.absolute_url()}/@@feedback-attachment?i=0&t={link.split('?t=')[1]}")
    assert _status(anonymous) in (401, 403) or "/login" in anonymous.url
    # answered: the files close with the link
    assert _status(_answer(functional, link)) == 200
    browser.open(f"{link}&file=0")
    assert _status(browser) == 410 and "Liên kết đã hết hạn" in browser.contents
