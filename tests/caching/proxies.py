"""Real Varnish, HAProxy and nginx processes on free loopback ports, for the
caching and cluster tests and the benchmarks (bench/serving.py).

Each is started with the configuration in deploy/ (Varnish, HAProxy) and
stopped by its own process id.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parent.parent.parent
DEPLOY = REPO / "deploy"
SBIN = ("/usr/sbin", "/usr/local/sbin", "/sbin")


def _load_render():
    """deploy/render.py, which deploy/cluster.sh runs to write the files."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dakto_deploy_render", DEPLOY / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render = _load_render()


def find_program(name):
    """The path of a program (also in sbin folders that are not on PATH), or None."""
    found = shutil.which(name)
    if found:
        return found
    for folder in SBIN:
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def require_program(name, package):
    """The program's path; skip the test without it, except on CI (fail)."""
    path = find_program(name)
    if path:
        return path
    message = (
        f"{name} is not installed: run scripts/install-deploy-tools.sh (Debian package {package})"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; CI must install it")
    pytest.skip(message)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=30, process=None, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            output = Path(log).read_text() if log and Path(log).exists() else ""
            raise RuntimeError(f"exited with {process.returncode}: {output}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {timeout}s")


class Process:
    """A foreground server process with its own scratch folder."""

    name = "server"

    def __init__(self, port=None):
        self.port = port or free_port()
        self.root = Path(tempfile.mkdtemp(prefix=f"dakto-{self.name}-"))
        self.root.chmod(0o755)  # varnishd compiles the VCL as an unprivileged user
        self.log = self.root / f"{self.name}.log"
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def command(self):
        raise NotImplementedError

    def start(self):
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                self.command(), stdout=log, stderr=subprocess.STDOUT, cwd=self.root
            )
        wait_for_port(self.port, process=self.process, log=self.log)
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class Varnish(Process):
    """varnishd -F with deploy/varnish/default.vcl and a backend of our own."""

    name = "varnish"

    def __init__(
        self, backend_port, backend_host="127.0.0.1", port=None, memory="128m", zmi_allow=None
    ):
        super().__init__(port)
        self.backend = (backend_host, backend_port)
        self.memory = memory
        self.zmi_allow = zmi_allow  # DAKTO_ZMI_ALLOW; None: the default

    def command(self):
        host, port = self.backend
        (self.root / "backend.vcl").write_text(
            "backend default {\n"
            f'    .host = "{host}";\n'
            f'    .port = "{port}";\n'
            "    .first_byte_timeout = 120s;\n"
            "}\n"
        )
        (self.root / "zmi_allow.vcl").write_text(
            render.varnish_zmi(render.zmi_addresses(self.zmi_allow))
        )
        # A copy next to our backend.vcl and zmi_allow.vcl: an include is
        # looked up next to the including file first.
        shutil.copy(DEPLOY / "varnish" / "default.vcl", self.root / "default.vcl")
        return [
            find_program("varnishd"),
            "-F",
            "-a",
            f"127.0.0.1:{self.port}",
            "-T",
            "127.0.0.1:0",
            "-n",
            str(self.root / "work"),
            "-p",
            f"vcl_path={self.root}",
            "-f",
            str(self.root / "default.vcl"),
            "-s",
            f"malloc,{self.memory}",
        ]


class Nginx(Process):
    """nginx serving one folder of static files (the ceiling of the benchmarks)."""

    name = "nginx"

    def __init__(self, folder, port=None):
        super().__init__(port)
        self.folder = Path(folder)

    def command(self):
        user = "user root;\n" if os.geteuid() == 0 else ""
        conf = self.root / "nginx.conf"
        conf.write_text(
            f"{user}daemon off;\nworker_processes 1;\npid {self.root}/nginx.pid;\n"
            f"error_log {self.root}/error.log;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            "  access_log off;\n"
            "  default_type text/html;\n"
            f"  client_body_temp_path {self.root}/body;\n"
            f"  proxy_temp_path {self.root}/proxy;\n"
            f"  fastcgi_temp_path {self.root}/fastcgi;\n"
            f"  uwsgi_temp_path {self.root}/uwsgi;\n"
            f"  scgi_temp_path {self.root}/scgi;\n"
            "  keepalive_requests 100000;\n"
            f"  server {{ listen 127.0.0.1:{self.port}; root {self.folder}; }}\n"
            "}\n"
        )
        return [find_program("nginx"), "-c", str(conf), "-p", str(self.root)]


class HAProxy(Process):
    """HAProxy with deploy/haproxy/haproxy.cfg over the given Zope ports."""

    name = "haproxy"

    def __init__(
        self,
        backend_ports,
        port=None,
        site="dakto",
        check_interval="1s",
        maxconn=4,
        zmi_allow=None,
    ):
        super().__init__(port)
        self.backend_ports = list(backend_ports)
        self.site = site
        self.check_interval = check_interval
        self.maxconn = maxconn
        self.zmi_allow = zmi_allow  # DAKTO_ZMI_ALLOW; None: the default
        self.stats_port = free_port()

    def command(self):
        conf = render_haproxy(
            self.backend_ports,
            self.port,
            self.stats_port,
            site=self.site,
            check_interval=self.check_interval,
            maxconn=self.maxconn,
            zmi_allow=self.zmi_allow,
        )
        path = self.root / "haproxy.cfg"
        path.write_text(conf)
        return [find_program("haproxy"), "-db", "-f", str(path)]

    def server_states(self):
        """{server name: 'UP'/'DOWN'/...} from HAProxy's CSV statistics."""
        import urllib.request

        with urllib.request.urlopen(
            f"http://127.0.0.1:{self.stats_port}/stats;csv", timeout=5
        ) as response:
            lines = response.read().decode().splitlines()
        header = lines[0].lstrip("# ").split(",")
        states = {}
        for line in lines[1:]:
            row = dict(zip(header, line.split(","), strict=False))
            if row.get("pxname") == "zope" and row.get("svname") not in ("FRONTEND", "BACKEND"):
                states[row["svname"]] = row["status"]
        return states


def render_haproxy(
    backend_ports, port, stats_port, site="dakto", check_interval="2s", maxconn=4, zmi_allow=None
):
    """deploy/haproxy/haproxy.cfg.in with the ports filled in (as
    deploy/cluster.sh writes it, with deploy/render.py)."""
    template = (DEPLOY / "haproxy" / "haproxy.cfg.in").read_text()
    servers = "\n".join(
        f"    server zope{i} 127.0.0.1:{p} check inter {check_interval} fall 2 rise 2"
        f" maxconn {maxconn}"
        for i, p in enumerate(backend_ports, 1)
    )
    return render.haproxy(template, port, stats_port, servers, site=site, zmi_allow=zmi_allow)
