"""deploy/cluster.sh: two Zope processes on RelStorage/PostgreSQL behind
HAProxy. One process is killed with SIGKILL during a stream of requests:
HAProxy's health check takes it out and the stream goes on; at most the
requests in flight on the killed process may fail."""

import base64
import os
import re
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.caching.proxies import free_port
from tests.caching.proxies import require_program
from tests.servers import postgres_bin


REPO = Path(__file__).resolve().parent.parent.parent
CLUSTER = REPO / "deploy" / "cluster.sh"
CLIENTS = 4  # concurrent clients of the stream = requests in flight at most


@pytest.fixture(scope="module")
def cluster():
    require_program("haproxy", "haproxy")
    if postgres_bin() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is missing; CI must install postgresql")
        pytest.skip("PostgreSQL is not installed")
    root = Path(tempfile.mkdtemp(prefix="dakto-cluster-"))
    root.chmod(0o755)  # PostgreSQL runs as the postgres user when we are root
    ports = {
        "DAKTO_CLUSTER_PORT": free_port(),
        "DAKTO_HAPROXY_PORT": free_port(),
        "DAKTO_HAPROXY_STATS": free_port(),
        "DAKTO_CLUSTER_PG_PORT": free_port(),
    }
    second = ports["DAKTO_CLUSTER_PORT"] + 1
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAKTO_")}
    env.update({k: str(v) for k, v in ports.items()})
    env.update(
        DAKTO_CLUSTER_DIR=str(root / "cluster"),
        DAKTO_CLUSTER_SIZE="2",
        DAKTO_DEMO="0",
        DAKTO_THREADS="2",
        DAKTO_LANG="en",
    )

    def run(command, timeout=300):
        return subprocess.run(
            [str(CLUSTER), command],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    started = time.monotonic()
    result = run("start")
    info = {
        "env": env,
        "dir": root / "cluster",
        "url": f"http://127.0.0.1:{ports['DAKTO_HAPROXY_PORT']}/dakto",
        "stats": f"http://127.0.0.1:{ports['DAKTO_HAPROXY_STATS']}/stats;csv",
        "start_result": result,
        "start_seconds": time.monotonic() - started,
        "run": run,
        "second_port": second,
    }
    try:
        assert result.returncode == 0, result.stdout + result.stderr
        for port in (ports["DAKTO_CLUSTER_PORT"], second):  # warm both processes
            for _ in range(2):
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/dakto", timeout=120) as r:
                    r.read()
        yield info
    finally:
        stopped = run("stop", timeout=120)
        print(stopped.stdout, stopped.stderr)
        subprocess.run(["rm", "-rf", str(root)], check=False)


def server_states(stats_url):
    with urllib.request.urlopen(stats_url, timeout=5) as response:
        lines = response.read().decode().splitlines()
    header = lines[0].lstrip("# ").split(",")
    rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:]]
    return {
        row["svname"]: row["status"]
        for row in rows
        if row.get("pxname") == "zope" and row.get("svname") not in ("FRONTEND", "BACKEND")
    }


class Stream:
    """CLIENTS threads requesting the homepage until stopped."""

    def __init__(self, url):
        self.url = url
        self.ok = 0
        self.failures = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.client) for _ in range(CLIENTS)]

    def client(self):
        while not self.stopping.is_set():
            try:
                with urllib.request.urlopen(self.url, timeout=60) as response:
                    response.read()
                    ok = response.status == 200
                    error = None if ok else response.status
            except (urllib.error.URLError, OSError) as exc:
                ok, error = False, repr(exc)
            with self.lock:
                if ok:
                    self.ok += 1
                else:
                    self.failures.append((time.monotonic(), error))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=90)


def test_the_cluster_serves_through_haproxy(cluster):
    assert "zope1 serves" in cluster["start_result"].stdout
    assert "zope2 serves" in cluster["start_result"].stdout
    states = server_states(cluster["stats"])
    assert sorted(states) == ["zope1", "zope2"]
    assert all(state.startswith("UP") for state in states.values()), states
    status = cluster["run"]("status")
    assert status.returncode == 0, status.stdout
    assert "zope1 runs" in status.stdout and "haproxy runs" in status.stdout
    # both processes answer for the same site (one database)
    with urllib.request.urlopen(
        f"http://127.0.0.1:{cluster['second_port']}/dakto/@@ok", timeout=30
    ) as response:
        assert response.read() == b"OK"


def test_resource_with_a_hash_is_cached_for_a_year(cluster):
    """On a real instance (all ZCML loaded, unlike the test layers): the
    bundles, whose URL changes with their content, are cached for a year.
    An anonymous visitor gets the theme's bundles (``++theme++``), not
    Plone's editing ones (``++plone++``, issue 16)."""
    with urllib.request.urlopen(cluster["url"], timeout=60) as response:
        html = response.read().decode()
    hashed = re.findall(
        r'(?:src|href)="([^"]*\+\+webresource\+\+[^"/]+/\+\+(?:plone|theme)\+\+[^"]+)"', html
    )
    assert hashed, "no ++webresource++ bundle in the homepage"
    with urllib.request.urlopen(hashed[0], timeout=60) as response:
        cache_control = response.headers["Cache-Control"]
    assert "max-age=31536000" in cache_control and "public" in cache_control, cache_control


def basic_auth_attempt(port, login, password):
    """Status and X-Login-Locked of one HTTP Basic login at one process."""
    token = base64.b64encode(f"{login}:{password}".encode()).decode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/dakto/@users/{login}",
        headers={"Authorization": f"Basic {token}", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("X-Login-Locked")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Login-Locked")


def test_failed_logins_count_at_every_process(cluster):
    """The lockout counters are in PostgreSQL: wrong passwords spread over
    the two processes lock the account at both after 5 in all."""
    first, second = cluster["second_port"] - 1, cluster["second_port"]
    login = "ke-do-mat-khau"
    for port in (first, second, first, second):
        assert basic_auth_attempt(port, login, "sai") == (401, None)
    assert basic_auth_attempt(first, login, "sai") == (401, "account")  # the fifth
    assert basic_auth_attempt(second, login, "sai") == (401, "account")
    assert basic_auth_attempt(first, login, "sai") == (401, "account")
    # another login name is not locked (the address lock is at 20)
    assert basic_auth_attempt(second, "nguoi-khac", "sai") == (401, None)
    # one audit log for the cluster: each process shows the attempts made
    # at both (5 failures, the lockout, 2 refusals)
    token = base64.b64encode(b"admin:admin").decode()
    pages = []
    for port in (first, second):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/dakto/@@audit-log?kind=login&limit=1000",
            headers={"Authorization": f"Basic {token}", "Accept-Language": "en"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            pages.append(response.read().decode())
    counts = [page.count(login) for page in pages]
    assert counts[0] == counts[1] >= 8, counts


def root_attempt(port, password, source="127.0.0.1", path="/manage_main", login="admin"):
    """Status and X-Login-Locked of one HTTP Basic login (as the Zope root's
    admin), at one Zope process or at HAProxy, from the address ``source``."""
    import http.client

    token = base64.b64encode(f"{login}:{password}".encode()).decode()
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=60, source_address=(source, 0)
    )
    try:
        connection.request("GET", path, headers={"Authorization": f"Basic {token}"})
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("X-Login-Locked")
    finally:
        connection.close()


def test_haproxy_of_the_cluster_refuses_the_zmi_from_outside(cluster):
    """deploy/cluster.sh writes HAProxy's configuration with DAKTO_ZMI_ALLOW
    (default: this machine): from 127.0.0.2 the ZMI is refused, from
    127.0.0.1 it passes."""
    haproxy = int(cluster["env"]["DAKTO_HAPROXY_PORT"])
    assert root_attempt(haproxy, "admin", source="127.0.0.2")[0] == 403
    assert root_attempt(haproxy, "admin", source="127.0.0.2", path="/dakto/manage_main")[0] == 403
    assert root_attempt(haproxy, "admin", source="127.0.0.1") == (200, None)


def test_root_admin_failures_count_at_every_process(cluster):
    """Guessing the Zope root's admin password at /manage_main, spread over
    the two processes: locked at both after 5 in all (the counters are in
    PostgreSQL), even the right password; each attempt in the one audit log."""
    first, second = cluster["second_port"] - 1, cluster["second_port"]
    for port in (first, second, first, second):
        assert root_attempt(port, "sai") == (401, None)
    assert root_attempt(first, "sai") == (401, "account")  # the fifth
    assert root_attempt(second, "admin") == (401, "account")
    assert root_attempt(first, "admin") == (401, "account")
    # the one audit log of the cluster (read in its table: admin is locked)
    dsn = (cluster["dir"] / "dsn").read_text().strip()
    import psycopg2

    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT entry->>'event', count(*) FROM dakto_audit"
            " WHERE entry->>'login' = 'admin' GROUP BY 1"
        )
        events = dict(cursor.fetchall())
    assert events.get("login_failed") == 5, events
    assert events.get("lockout") == 1, events
    assert events.get("login_refused", 0) >= 3, events


def test_zope_sees_the_client_address_behind_haproxy(cluster):
    """HAProxy adds X-Forwarded-For and Zope believes it from this machine
    only: a failure through HAProxy is counted and audited for the client's
    address, not HAProxy's (which would let one client lock out everyone,
    the administrator's SSH tunnel included)."""
    haproxy = int(cluster["env"]["DAKTO_HAPROXY_PORT"])
    status, _ = root_attempt(
        haproxy, "sai", source="127.0.0.2", path="/dakto/@@ok", login="khach-la"
    )
    assert status < 500
    dsn = (cluster["dir"] / "dsn").read_text().strip()
    import psycopg2

    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT entry->>'ip' FROM dakto_audit WHERE entry->>'event' = 'login_failed'"
            " AND entry->>'login' = 'khach-la'"
        )
        assert cursor.fetchall() == [("127.0.0.2",)]


def test_a_killed_process_loses_no_request_beyond_those_in_flight(cluster):
    victim = int((cluster["dir"] / "zope1.pid").read_text())
    with Stream(cluster["url"]) as stream:
        deadline = time.monotonic() + 60
        while stream.ok < 2 * CLIENTS and time.monotonic() < deadline:
            time.sleep(0.2)
        before = stream.ok
        assert before > 0, stream.failures
        killed_at = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if server_states(cluster["stats"]).get("zope1", "").startswith("DOWN"):
                break
            time.sleep(0.25)
        marked_down_after = time.monotonic() - killed_at
        deadline = time.monotonic() + 60  # the stream goes on, on zope2 alone
        while stream.ok < before + 3 * CLIENTS and time.monotonic() < deadline:
            time.sleep(0.2)
        after = stream.ok
    states = server_states(cluster["stats"])
    assert states["zope1"].startswith("DOWN"), states
    assert states["zope2"].startswith("UP"), states
    assert marked_down_after < 15
    assert after - before >= 3 * CLIENTS, (before, after)
    # only requests in flight on the killed process may fail (HAProxy
    # retries a refused or dropped request on the other one)
    assert len(stream.failures) <= CLIENTS, stream.failures
    print(
        f"cluster started in {cluster['start_seconds']:.0f} s; "
        f"{stream.ok} requests answered, {len(stream.failures)} failed; "
        f"zope1 marked down {marked_down_after:.1f} s after SIGKILL"
    )
    status = cluster["run"]("status")
    assert status.returncode == 1 and "zope1 is DOWN" in status.stdout
