"""Real processes for the acceptance tests: `dakto` Zope servers and a
throwaway PostgreSQL cluster, each on a free loopback port."""

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parent.parent
DAKTO = Path(sys.executable).with_name("dakto")
START_TIMEOUT = 240


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(url, headers=None, auth=None, data=None, method=None, timeout=30):
    """(status, body text) of one request; HTTP errors are returned, not raised."""
    request = urllib.request.Request(url, headers=dict(headers or {}), data=data, method=method)
    if auth:
        import base64

        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def base_env(var, port, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAKTO_")}
    env.update(
        DAKTO_INSTANCE=str(REPO / "instance"),
        DAKTO_VAR=str(var),
        DAKTO_PORT=str(port),
        DAKTO_HOST="127.0.0.1",
        DAKTO_LANG="en",
        DAKTO_THREADS="2",
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run_dakto(env, *args, timeout=300):
    return subprocess.run(
        [str(DAKTO), *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )


class DaktoServer:
    """One `dakto start` process; `url` is the site's address."""

    def __init__(self, env, command="start", preexec_fn=None):
        self.env = env
        self.command = command
        self.preexec_fn = preexec_fn  # e.g. resource limits for the fault tests
        self.port = int(env["DAKTO_PORT"])
        self.url = f"http://127.0.0.1:{self.port}/dakto"
        self.log_path = Path(env["DAKTO_VAR"]).with_suffix(f".{self.port}.out")
        self.process = None

    def start(self):
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [str(DAKTO), self.command],
            env=self.env,
            cwd=REPO,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            preexec_fn=self.preexec_fn,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"dakto {self.command} exited {self.process.returncode}:\n{self.output}"
                )
            try:
                status, _ = http_get(self.url, timeout=5)
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(1)
        self.stop()
        raise AssertionError(
            f"dakto {self.command} not serving after {START_TIMEOUT}s:\n{self.output}"
        )

    @property
    def output(self):
        return self.log_path.read_text() if self.log_path.exists() else ""

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self._log.close()


@pytest.fixture
def dakto_server(tmp_path):
    """Start `dakto start` servers; each is stopped after the test."""
    servers = []

    def start(var=None, port=None, command="start", preexec_fn=None, **env):
        server = DaktoServer(
            base_env(var or tmp_path / "var", port or free_port(), **env), command, preexec_fn
        )
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


# --- PostgreSQL --------------------------------------------------------------


def postgres_bin():
    """The folder of PostgreSQL's server programs, or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if candidates:  # Debian's layout; its /usr/bin wrappers need a configured cluster
        return Path(candidates[0]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class PostgresCluster:
    def __init__(self, bindir, root):
        self.bindir = bindir
        self.root = root
        self.data = root / "data"
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:
            # initdb refuses to run as root: use the account Debian's package makes.
            self.user = "postgres"
            pwd.getpwnam(self.user)
            shutil.chown(root, self.user)

    def _run(self, *args):
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {result.stderr.strip()}")
        return result

    def start(self):
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "dakto",
            "-E",
            "UTF8",
            "--no-locale",
        )
        return self.resume()

    def resume(self):
        """Start the server (again, after ``stop``) on the same port and options."""
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "postgres.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )
        return self

    def restart(self):
        # -l as at start: without it the server writes to pg_ctl's captured stdout,
        # and waiting for that pipe to close never ends.
        log = str(self.root / "postgres.log")
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", log, "-w", "-t", "60", "-m", "fast", "restart"
        )

    def stop(self):
        try:
            self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-m", "immediate", "stop")
        except RuntimeError:
            pass

    def createdb(self, name):
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "dakto", name)
        return f"dbname={name} host=127.0.0.1 port={self.port} user=dakto"


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster; skipped without PostgreSQL, except on CI."""
    bindir = postgres_bin()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "PostgreSQL's server programs (initdb) are missing; CI must install postgresql."
            )
        pytest.skip(
            "PostgreSQL's server programs (initdb) are not installed; apt-get install postgresql"
        )
    root = Path(tempfile.mkdtemp(prefix="dakto-pg-"))
    cluster = PostgresCluster(bindir, root).start()
    yield cluster
    cluster.stop()
    shutil.rmtree(root, ignore_errors=True)


# --- SMTP --------------------------------------------------------------------


class SMTPInbox:
    """A real SMTP server (aiosmtpd) on a loopback port that keeps every message."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(
            {"from": envelope.mail_from, "to": list(envelope.rcpt_tos), "message": message}
        )
        return "250 Message accepted for delivery"

    def wait_for(self, count, timeout=10):
        """The messages, once at least `count` arrived (or after `timeout`)."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.messages)

    def to(self, address):
        """The messages delivered to `address`."""
        return [m["message"] for m in self.messages if address in m["to"]]

    @staticmethod
    def body(message):
        part = message.get_body(preferencelist=("plain", "html"))
        return part.get_content() if part is not None else ""


@pytest.fixture(scope="session")
def smtp_server():
    """One real SMTP server for the whole run; use the `mail` fixture in tests."""
    inbox = SMTPInbox()
    inbox.controller.start()
    yield inbox
    inbox.controller.stop()


@pytest.fixture
def mail(smtp_server, functional):
    """Point the functional portal's MailHost at the real SMTP server.

    Plone's MailHost delivers when the transaction commits: call
    `transaction.commit()` (or go through HTTP), then `mail.wait_for(n)`.
    """
    import transaction
    from plone import api

    portal = functional["portal"]
    mailhost = api.portal.get_tool("MailHost")
    mailhost.smtp_host = "127.0.0.1"
    mailhost.smtp_port = smtp_server.port
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", smtp_server.port)
    api.portal.set_registry_record("plone.email_from_address", "bbt@dakto.kontum.gov.vn")
    api.portal.set_registry_record(
        "plone.email_from_name", "Cổng thông tin điện tử thị trấn Đắk Tô"
    )
    transaction.commit()
    smtp_server.messages.clear()
    assert portal is not None
    yield smtp_server
    smtp_server.messages.clear()
