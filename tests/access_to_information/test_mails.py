"""The requester is told in writing (Luật Tiếp cận thông tin 2016): the code
and the deadline on receipt; every step after it — processing, the extension
with its reason (Art. 31.2: "phải có văn bản thông báo về việc gia hạn"),
the answer, the refusal with its reasons (Art. 28.2: "thông báo bằng văn
bản và nêu rõ lý do"). The board is told of every new request. Real SMTP
(tests/servers.py)."""

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from dakto.policy.access_to_information import actions
from dakto.policy.access_to_information import requests as store
from dakto.policy.dates import local_date
from tests.browsers import anon
from tests.browsers import owner

from .test_requests import GOOD
from .test_requests import _form_index
from .test_requests import send


BOARD = "kiem-duyet-1@example.vn"


def _reviewer():
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(email=BOARD, username="kd1", password="Ca-phe-Dak-2026-xanh")
        api.group.add_user(groupname="kiem-duyet", username="kd1")
    transaction.commit()


def test_on_receipt_the_requester_gets_the_code_and_deadline_and_the_board_is_told(
    functional, mail
):
    _reviewer()
    folder = store.section(functional["portal"])
    browser = anon(functional)
    send(browser, folder, GOOD)
    assert "Mã này cũng đã được gửi đến địa chỉ thư điện tử của bạn." in browser.contents
    mail.wait_for(2)
    transaction.begin()
    [request] = store.all_requests(folder)
    [to_requester] = mail.to(GOOD["email"])
    body = mail.body(to_requester)
    assert request.code in to_requester["Subject"]
    assert request.code in body
    assert local_date(store.deadline(request)) in body
    assert f"@@tra-cuu-yeu-cau-thong-tin?code={request.code}" in body
    [to_board] = mail.to(BOARD)
    assert request.code in to_board["Subject"]
    assert f"@@information-requests#request-{request.code}" in mail.body(to_board)
    assert GOOD["id_number"] not in mail.body(to_board)  # the board reads it on its page


def test_each_step_is_mailed_with_its_reason(functional, mail):
    folder = store.section(functional["portal"])
    send(anon(functional), folder, GOOD)
    mail.wait_for(1)
    transaction.begin()
    [request] = store.all_requests(folder)
    board = owner(functional)
    board.open(f"{folder.absolute_url()}/@@information-requests")
    form = board.getForm(index=_form_index(board))
    form.getControl(name="step", index=0).click()  # processing
    board.open(f"{folder.absolute_url()}/@@information-requests")
    form = board.getForm(index=_form_index(board))
    form.getControl(name="note").value = "Thông tin cần tập hợp từ ba bộ phận."
    form.getControl(name="step", index=2).click()  # extend (after answered, refused)
    mail.wait_for(3)
    transaction.begin()
    request = store.get(folder, request.code)
    assert request.extended_days == store.EXTENSION_DAYS
    messages = mail.to(GOOD["email"])
    assert len(messages) == 3
    [processing] = [m for m in messages if "đang được xử lý" in m["Subject"]]
    [extended] = [m for m in messages if "gia hạn" in m["Subject"].lower()]
    assert request.code in processing["Subject"]
    assert "Thông tin cần tập hợp từ ba bộ phận." in mail.body(extended)
    assert local_date(store.deadline(request)) in mail.body(extended)


def test_a_refusal_is_mailed_with_the_reasons(functional, mail):
    folder = store.section(functional["portal"])
    clean, _errors = store.validate(GOOD)
    request, _mailed = actions.submit(folder, clean)
    actions.take_step(request, store.REFUSED, "admin", "Thông tin thuộc bí mật nhà nước (Điều 6).")
    transaction.commit()
    mail.wait_for(2)
    [refusal] = [m for m in mail.to(GOOD["email"]) if "từ chối" in m["Subject"].lower()]
    body = mail.body(refusal)
    assert "Thông tin thuộc bí mật nhà nước (Điều 6)." in body
    assert "Điều 28" in body


def test_an_answer_is_mailed(functional, mail):
    folder = store.section(functional["portal"])
    clean, _errors = store.validate(GOOD)
    request, _mailed = actions.submit(folder, clean)
    actions.take_step(request, store.ANSWERED, "admin", "Gửi kèm Quyết định số 12/QĐ-UBND.")
    transaction.commit()
    mail.wait_for(2)
    [answer] = [m for m in mail.to(GOOD["email"]) if m["Subject"].startswith("Trả lời")]
    assert request.code in answer["Subject"]
    assert "Gửi kèm Quyết định số 12/QĐ-UBND." in mail.body(answer)


def test_without_an_email_nothing_is_mailed_to_the_requester(functional, mail):
    folder = store.section(functional["portal"])
    clean, _errors = store.validate({**GOOD, "email": "", "delivery": "tai-noi"})
    _request, mailed = actions.submit(folder, clean)
    transaction.commit()
    assert mailed is False
    browser = anon(functional)
    send(browser, folder, {**GOOD, "email": "", "delivery": "tai-noi"})
    assert 'id="information-request-sent"' in browser.contents
    assert "Mã này cũng đã được gửi" not in browser.contents  # the receipt does not claim it
    assert mail.wait_for(1, timeout=1) == []  # nobody in the reviewers' group has an address here


def test_nothing_leaves_when_the_transaction_is_aborted(functional, mail):
    folder = store.section(functional["portal"])
    clean, _errors = store.validate(GOOD)
    actions.submit(folder, clean)
    transaction.abort()
    assert mail.wait_for(1, timeout=1) == []
