"""The daily digest: its content, its recipients, the command."""

from datetime import datetime
from datetime import timedelta

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from dakto.policy.editorial_board import deadlines
from dakto.policy.editorial_board.digest import late_items
from dakto.policy.editorial_board.digest import send_digest
from dakto.policy.workflow.names import SUBMIT
from tests.editorial_board.helpers import article
from tests.editorial_board.helpers import create_members
from tests.editorial_board.helpers import email
from tests.editorial_board.helpers import intake
from tests.editorial_board.helpers import set_time
from tests.editorial_board.helpers import walk
from tests.legal_documents.helpers import make as make_legal
from tests.legal_documents.helpers import prepare as prepare_legal
from tests.servers import REPO
from tests.servers import base_env
from tests.servers import run_dakto


def late_content(portal):
    create_members()
    long_ago = datetime.now() - timedelta(days=20)
    intake(portal, "tre", long_ago, title="Bài Zalo quá hạn", sender="Y Blông")
    waiting = article(portal, "cho-duyet", "Bài chờ duyệt lâu")
    walk(waiting, SUBMIT)
    set_time(waiting, SUBMIT, long_ago.strftime("%Y/%m/%d %H:%M"))
    fresh = article(portal, "moi-gui", "Bài mới gửi")
    walk(fresh, SUBMIT)
    make_legal(
        prepare_legal(portal),
        "vb-tre",
        "201/QĐ-UBND",
        title="Quyết định chưa đăng",
        publish=False,
        issue_date=(long_ago.date()),
    )


def test_late_items_lists_every_kind(functional):
    login(functional["app"], SITE_OWNER_NAME)
    late_content(functional["portal"])
    sections = late_items()
    text = "\n".join(line for lines in sections.values() for line in lines)
    assert "Bài Zalo quá hạn" in text and "Y Blông" in text
    assert "Bài chờ duyệt lâu" in text
    assert "Bài mới gửi" not in text
    assert "201/QĐ-UBND" in text
    transaction.abort()


def test_digest_is_mailed_to_the_board(mail, functional):
    login(functional["app"], SITE_OWNER_NAME)
    late_content(functional["portal"])
    transaction.commit()
    assert len(mail.wait_for(2)) == 2  # the two submissions told the reviewer
    mail.messages.clear()
    count, sent = send_digest()
    transaction.commit()
    assert count == 3
    messages = mail.wait_for(3)
    recipients = sorted(m["to"][0] for m in messages)
    assert recipients == sorted([email("kiemduyet"), email("xuatban"), email("quantri")])
    message = messages[0]["message"]
    assert f"[Ban Biên tập] 3 việc quá hạn — {deadlines.today():%d/%m/%Y}" == message["Subject"]
    body = mail.body(message)
    assert "Bài Zalo quá hạn" in body and "Bài chờ duyệt lâu" in body
    assert "Quyết định chưa đăng" in body and "@@editorial-dashboard" in body
    assert sent == 3


def test_nothing_late_nothing_sent(mail, functional):
    login(functional["app"], SITE_OWNER_NAME)
    create_members()
    transaction.commit()
    assert send_digest() == (0, 0)
    transaction.commit()
    assert mail.wait_for(1, timeout=1) == []


def test_command_help():
    result = run_dakto(base_env(REPO / "instance" / "var", 8080), "digest", "--help")
    assert result.returncode == 0
    assert "usage: dakto digest" in result.stdout and "late items" in result.stdout
    result = run_dakto(base_env(REPO / "instance" / "var", 8080), "--help")
    assert "digest" in result.stdout and "cron" in result.stdout


def test_digest_service_for_cron_next_to_a_running_server(mail, functional):
    import requests
    from plone.app.testing import SITE_OWNER_PASSWORD

    login(functional["app"], SITE_OWNER_NAME)
    late_content(functional["portal"])
    transaction.commit()
    mail.wait_for(2)
    mail.messages.clear()
    url = f"{functional['portal'].absolute_url()}/@editorial-digest"
    headers = {"Accept": "application/json"}
    assert requests.post(url, headers=headers, timeout=30).status_code == 401
    assert mail.wait_for(1, timeout=1) == []
    response = requests.post(
        url, headers=headers, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=30
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"late_items": 3, "messages_sent": 3}
    assert sorted(m["to"][0] for m in mail.wait_for(3)) == sorted(
        [email("kiemduyet"), email("xuatban"), email("quantri")]
    )
