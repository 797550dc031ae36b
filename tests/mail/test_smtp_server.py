"""The SMTP server the tests start is real: Plone's MailHost delivers to it."""

import transaction
from plone import api


def test_mailhost_delivers_to_the_test_smtp_server(mail):
    api.portal.send_email(
        recipient="chu-tich@example.org",
        subject="Thử gửi thư",
        body="Nội dung có dấu: Đắk Tô",
    )
    transaction.commit()
    (received,) = mail.wait_for(1)
    assert received["to"] == ["chu-tich@example.org"]
    assert received["message"]["Subject"] == "Thử gửi thư"
    assert "Đắk Tô" in mail.body(received["message"])


def test_nothing_is_delivered_without_a_commit(mail):
    api.portal.send_email(recipient="x@example.org", subject="Không gửi", body="-")
    transaction.abort()
    assert mail.wait_for(1, timeout=1) == []
