"""Mails of the workflow, delivered to a real SMTP server (the `mail` fixture)."""

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.names import REJECT
from dakto.policy.workflow.names import SUBMIT
from tests.editorial_board.helpers import article
from tests.editorial_board.helpers import create_members
from tests.editorial_board.helpers import email


def setup_article(functional):
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    create_members()
    obj = article(portal, "le-hoi", "Lễ hội cồng chiêng Đắk Tô 2026", creator="capnhat1")
    transaction.commit()
    return obj


def transition(obj, name, user, comment=""):
    with api.env.adopt_user(username=user):
        api.content.transition(obj=obj, transition=name, comment=comment)
    transaction.commit()


def test_submit_notifies_the_reviewers(mail, functional):
    obj = setup_article(functional)
    transition(obj, SUBMIT, "capnhat1")
    messages = mail.wait_for(1)
    assert [m["to"] for m in messages] == [[email("kiemduyet")]]
    message = messages[0]["message"]
    assert message["Subject"] == "[Chờ kiểm duyệt] Lễ hội cồng chiêng Đắk Tô 2026"
    body = mail.body(message)
    assert "Lễ hội cồng chiêng Đắk Tô 2026" in body
    assert obj.absolute_url() in body
    assert "Nguyễn Thị Lan" in body  # who submitted
    assert messages[0]["from"] == "bbt@dakto.kontum.gov.vn"


def test_approve_notifies_the_publishers_and_reject_the_author(mail, functional):
    obj = setup_article(functional)
    transition(obj, SUBMIT, "capnhat1")
    mail.wait_for(1)
    mail.messages.clear()
    transition(obj, APPROVE, "kiemduyet")
    messages = mail.wait_for(1)
    assert [m["to"] for m in messages] == [[email("xuatban")]]
    assert "[Chờ xuất bản]" in messages[0]["message"]["Subject"]
    assert "Lê Văn Cường" in mail.body(messages[0]["message"])
    mail.messages.clear()
    transition(obj, REJECT, "kiemduyet", comment="Thiếu ảnh minh họa và nguồn tin.")
    messages = mail.wait_for(1)
    assert [m["to"] for m in messages] == [[email("capnhat1")]]
    body = mail.body(messages[0]["message"])
    assert "Thiếu ảnh minh họa và nguồn tin." in body
    assert "Lý do" in body and obj.absolute_url() in body
    assert messages[0]["message"]["Subject"] == "[Bị trả lại] Lễ hội cồng chiêng Đắk Tô 2026"


def test_no_mail_without_a_commit(mail, functional):
    obj = setup_article(functional)
    with api.env.adopt_user(username="capnhat1"):
        api.content.transition(obj=obj, transition=SUBMIT)
    transaction.abort()
    assert mail.wait_for(1, timeout=1) == []
