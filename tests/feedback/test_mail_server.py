"""The mail of the feedback on a real `dakto start` (issue 13.5): a fresh
server without mail settings logs one line, no traceback, and does not
promise the e-mail; with DAKTO_SMTP_HOST/PORT and DAKTO_MAIL_FROM pointing at
a real SMTP server the code is mailed and the answer says so."""

import json

from tests.feedback.helpers import GOOD
from tests.servers import http_get


def _post(url):
    status, text = http_get(
        f"{url}/@feedback",
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        data=json.dumps(dict(GOOD, consent=["answer_feedback"])).encode(),
        method="POST",
    )
    assert status == 201, text
    return json.loads(text)


def test_fresh_server_without_mail_then_with_a_real_smtp_server(
    dakto_server, smtp_server, tmp_path
):
    var = tmp_path / "var"
    server = dakto_server(var=var, DAKTO_DEMO="0")
    answer = _post(server.url)
    assert answer["tracking_code"] and answer["mailed"] is False
    server.stop()
    log = server.output
    assert "Traceback" not in log and "MailHost is not configured" not in log, log
    lines = [line for line in log.splitlines() if "Mail is not configured" in line]
    assert len(lines) == 1, log
    smtp_server.messages.clear()
    again = dakto_server(
        var=var,
        port=server.port,
        DAKTO_DEMO="0",
        DAKTO_SMTP_HOST="127.0.0.1",
        DAKTO_SMTP_PORT=smtp_server.port,
        DAKTO_MAIL_FROM="bbt@dakto.kontum.gov.vn",
    )
    answer = _post(again.url)
    assert answer["mailed"] is True
    [message] = smtp_server.to(GOOD["email"])
    assert answer["tracking_code"] in message["Subject"]
    assert "Mail is not configured" not in again.output
