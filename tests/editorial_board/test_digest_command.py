"""`dakto digest` for real: a site in a throwaway FileStorage, a late intake
entry written by another process, the command's mail read from the SMTP server."""

import subprocess
import sys

from tests.servers import REPO
from tests.servers import base_env
from tests.servers import free_port
from tests.servers import run_dakto


SEED = """
import sys, transaction
from datetime import datetime, timedelta
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.component.hooks import setSite
from dakto.instance import settings as s
from dakto.instance.site import open_app
from dakto.policy.workflow.names import REVIEWERS_GROUP

app = open_app(s.load())
newSecurityManager(None, system)
portal = app["dakto"]
setSite(portal)
api.user.create(email="truongban@dakto.example.org", username="truongban",
                password="mat-khau-rat-dai-42", properties={"fullname": "Trưởng Ban"})
api.group.add_user(groupname=REVIEWERS_GROUP, username="truongban")
api.content.create(
    container=portal["so-tiep-nhan"], type="IntakeRecord", id="tre", title="Bài gửi qua Zalo",
    channel="zalo", received=datetime.now() - timedelta(days=30), sender_name="Y Blông",
    soft_copy=NamedBlobFile(b"x", "text/plain", "bai.txt"),
)
transaction.commit()
app._p_jar.db().close()
"""


def test_dakto_digest_sends_through_the_configured_smtp_server(smtp_server, tmp_path):
    env = base_env(
        tmp_path / "var",
        free_port(),
        DAKTO_DEMO="0",
        DAKTO_SMTP_HOST="127.0.0.1",
        DAKTO_SMTP_PORT=str(smtp_server.port),
        DAKTO_MAIL_FROM="bbt@thitrandakto.example.org",
    )
    assert run_dakto(env, "create-site").returncode == 0
    seeded = subprocess.run(
        [sys.executable, "-c", SEED],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert seeded.returncode == 0, seeded.stderr
    smtp_server.messages.clear()
    result = run_dakto(env, "digest")
    assert result.returncode == 0, result.stderr
    assert "Late items: 1; digest messages sent: 1." in result.stdout
    (received,) = smtp_server.wait_for(1)
    assert received["to"] == ["truongban@dakto.example.org"]
    assert received["from"] == "bbt@thitrandakto.example.org"
    body = smtp_server.body(received["message"])
    assert "Bài gửi qua Zalo" in body and "Y Blông" in body and "trễ" in body
