"""A real `dakto start` instance (FileStorage): guessing the Zope root's
`admin` password at /manage_main is locked and audited, and the locks (per
login name and per client address) hold across a restart of the server."""

import json
import time
from pathlib import Path

from tests.servers import http_get


def attempt(server, password, login="admin", path="/manage_main"):
    """(status, X-Login-Locked) of one HTTP Basic request at the Zope root."""
    import base64
    import urllib.error
    import urllib.request

    token = base64.b64encode(f"{login}:{password}".encode()).decode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{server.port}{path}", headers={"Authorization": f"Basic {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("X-Login-Locked")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Login-Locked")


def audit_entries(var):
    path = Path(var) / "log" / "audit.log"
    deadline = time.monotonic() + 5
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_guessing_admin_is_locked_audited_and_stays_locked_after_a_restart(dakto_server, tmp_path):
    var = tmp_path / "var"
    server = dakto_server(var=var, DAKTO_DEMO="0")
    assert attempt(server, "admin") == (200, None)
    # the check: 30 wrong passwords, then the right one
    results = [attempt(server, f"sai-{i}") for i in range(30)]
    assert results[:4] == [(401, None)] * 4
    assert results[4:] == [(401, "account")] * 26  # the fifth locks
    assert attempt(server, "admin") == (401, "account")
    entries = [e for e in audit_entries(var) if e.get("login") == "admin"]
    events = [e["event"] for e in entries]
    assert events.count("login_failed") == 5
    assert events.count("lockout") == 1
    # refused: the fifth (which locked), the 25 after it and the right one
    assert events.count("login_refused") == 27
    assert {e["ip"] for e in entries if e["event"] == "login_failed"} == {"127.0.0.1"}
    # the address: 20 counted failures over any login names lock it
    for i in range(15):
        assert attempt(server, "x", login=f"doan-ten-{i}")[0] == 401
    assert attempt(server, "x", login="ten-moi") == (401, "client")
    assert (var / "filestorage" / "login-failures.sqlite").exists()

    server.stop()
    server = dakto_server(var=var, port=server.port, DAKTO_DEMO="0")
    # both locks survived the restart
    assert attempt(server, "admin") == (401, "account")
    assert attempt(server, "x", login="ten-khac") == (401, "client")
    status, _ = http_get(server.url)
    assert status == 200  # anonymous visitors are not affected
