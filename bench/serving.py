"""Serving benchmark (issue 8): throughput and latency of anonymous pages
under concurrent load (wrk), each scenario a ratio to a baseline measured in
the same run, since the machine is shared and noisy.

Scenarios (every one at the same concurrency for the same duration):
- vanilla Plone 6.2 front page: the baseline (bench/baseline.py), on the
  same storage as the portal (its own database in the same PostgreSQL),
  served by the same venv's WSGI server;
- this portal's homepage and a news article, uncached (plone.app.caching off);
- the same with plone.app.caching's RAM cache (the policy's rules);
- the same behind Varnish (deploy/varnish/default.vcl);
- the homepage's HTML as a static file served by nginx (the ceiling);
- two Zope processes on RelStorage/PostgreSQL against one, through HAProxy
  (deploy/haproxy/haproxy.cfg.in), uncached homepage;
- the write path: feedback posted by concurrent clients (POST @feedback);
- memory (RSS) of each Zope process after the load.

Prints a table and writes bench/results/serving-<date>.json.

Needs wrk, varnish, haproxy, nginx and postgresql (Debian packages:
scripts/install-deploy-tools.sh).
"""

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.caching.proxies import HAProxy  # noqa: E402
from tests.caching.proxies import Nginx  # noqa: E402
from tests.caching.proxies import Varnish  # noqa: E402
from tests.caching.proxies import find_program  # noqa: E402
from tests.caching.proxies import wait_for_port  # noqa: E402
from tests.servers import DaktoServer  # noqa: E402
from tests.servers import PostgresCluster  # noqa: E402
from tests.servers import base_env  # noqa: E402
from tests.servers import free_port  # noqa: E402
from tests.servers import http_get  # noqa: E402
from tests.servers import postgres_bin  # noqa: E402


ADMIN = ("admin", "admin")
ARTICLE = "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026"
CACHING = "plone.caching.interfaces.ICacheSettings.enabled"
TARGETS = {
    "ram_cache_vs_uncached": (">=", 3.0),
    "varnish_vs_nginx": (">=", 0.5),
    "uncached_vs_vanilla_slowdown": ("<=", 1.5),
    "two_vs_one_process": (">=", 1.4),
}

WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "socket_errors": %d, "non_2xx": %d, '
    .. '"p50_us": %d, "p95_us": %d, "p99_us": %d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""

VANILLA_SITE = """
import sys, transaction
sys.path.insert(0, "bench")
from baseline import create_classic_site
from dakto.instance import settings as s
from dakto.instance.site import open_app
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
app = open_app(s.load())
newSecurityManager(None, system)
create_classic_site(app)
transaction.commit()
app._p_jar.db().close()
"""


def log(text):
    print(text, flush=True)


class Bench:
    def __init__(self, args, tmp):
        self.args = args
        self.tmp = tmp
        self.wrk = find_program("wrk")
        self.script = tmp / "report.lua"
        self.script.write_text(WRK_REPORT)
        self.results = {}

    def load(self, name, url, connections=None, script=None, duration=None):
        """Run wrk against ``url``; store and return the scenario's row."""
        connections = connections or self.args.connections
        duration = duration or self.args.duration
        lua = script or self.script
        warm = subprocess.run(
            [self.wrk, "-t1", "-c2", f"-d{max(1, duration // 5)}s", "-s", str(lua), url],
            capture_output=True,
            text=True,
            timeout=duration + 120,
        )
        del warm
        result = subprocess.run(
            [
                self.wrk,
                f"-t{min(2, connections)}",
                f"-c{connections}",
                f"-d{duration}s",
                "--timeout",
                "30s",
                "-s",
                str(lua),
                url,
            ],
            capture_output=True,
            text=True,
            timeout=duration + 120,
        )
        match = re.search(r"WRKJSON (\{.*\})", result.stdout)
        if not match:
            raise RuntimeError(f"wrk gave no report for {url}: {result.stdout}{result.stderr}")
        raw = json.loads(match.group(1))
        seconds = raw["duration_us"] / 1e6
        row = {
            "url": url,
            "connections": connections,
            "seconds": round(seconds, 1),
            "requests": raw["requests"],
            "rps": round(raw["requests"] / seconds, 1),
            "p50_ms": round(raw["p50_us"] / 1000, 2),
            "p95_ms": round(raw["p95_us"] / 1000, 2),
            "p99_ms": round(raw["p99_us"] / 1000, 2),
            "errors": raw["socket_errors"] + raw["non_2xx"],
        }
        self.results[name] = row
        log(
            f"  {name:<34} {row['rps']:>9} req/s  p50 {row['p50_ms']:>8} ms  "
            f"p95 {row['p95_ms']:>8} ms  errors {row['errors']}"
        )
        return row


def set_caching(url, enabled):
    status, text = http_get(
        f"{url}/@registry",
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        data=json.dumps({CACHING: enabled}).encode(),
        method="PATCH",
        auth=ADMIN,
    )
    if status not in (200, 204):
        raise RuntimeError(f"cannot switch caching: {status} {text[:200]}")


def lift_feedback_rate_limit(url):
    http_get(
        f"{url}/@registry",
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        data=json.dumps({"dakto.policy.antispam.rate_limits": {"feedback": "0/1"}}).encode(),
        method="PATCH",
        auth=ADMIN,
    )


def rss_mb(pid):
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"VmRSS:\s+(\d+) kB", text)
    return round(int(match.group(1)) / 1024, 1) if match else None


def vanilla_plone(tmp, storage):
    """A Plone 6.2 Classic UI site on the same kind of storage as the portal
    (``storage``: the DAKTO_* settings), served by runwsgi."""
    port = free_port()
    env = base_env(tmp / "vanilla", port, **storage)
    python = Path(sys.executable)
    subprocess.run(
        [str(python.with_name("dakto")), "configure"],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    created = subprocess.run(
        [str(python), "-c", VANILLA_SITE], env=env, cwd=REPO, capture_output=True, text=True
    )
    if created.returncode != 0:
        raise RuntimeError(f"vanilla Plone site: {created.stderr[-2000:]}")
    out = (tmp / "vanilla.out").open("w")
    process = subprocess.Popen(
        [str(python.with_name("runwsgi")), str(tmp / "vanilla" / "etc" / "zope.ini")],
        env=env,
        cwd=REPO,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    wait_for_port(port, timeout=240, process=process)
    url = f"http://127.0.0.1:{port}/Plone"
    for _ in range(60):
        status, _ = http_get(url, timeout=60)
        if status == 200:
            break
        time.sleep(1)
    return process, url


def feedback_script(tmp):
    body = {
        "name": "Nguyễn Thị Hoa",
        "phone": "0905 123 456",
        "email": "",
        "address": "Tổ dân phố 3, thị trấn Đắk Tô",
        "subject": "Đèn đường hỏng trên đường Hùng Vương",
        "content": "Đoạn đường từ chợ đến trường tiểu học mất đèn từ ba tuần nay.",
        "topic": "giao-thong",
        "consent": ["answer_feedback"],
    }
    path = tmp / "feedback.lua"
    payload = json.dumps(body, ensure_ascii=False).replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(
        'wrk.method = "POST"\n'
        f'wrk.body = "{payload}"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        'wrk.headers["Accept"] = "application/json"\n' + WRK_REPORT,
        encoding="utf-8",
    )
    return path


def ratio(a, b):
    return round(a / b, 2) if b else None


def run(args):
    missing = [p for p in ("wrk", "varnishd", "haproxy", "nginx") if not find_program(p)]
    if missing or postgres_bin() is None:
        raise SystemExit(
            f"missing: {', '.join(missing) or 'postgresql'}: run scripts/install-deploy-tools.sh"
        )
    began = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="dakto-serving-"))
    tmp.chmod(0o755)
    bench = Bench(args, tmp)
    stack = []
    meta = {}
    try:
        log("PostgreSQL, the portal (demo content) and a vanilla Plone site on RelStorage…")
        (tmp / "pg").mkdir()
        pg = PostgresCluster(postgres_bin(), tmp / "pg").start()
        stack.append(pg)
        dsn = pg.createdb("dakto")
        common = {"DAKTO_STORAGE": "relstorage", "DAKTO_PG_DSN": dsn}
        common["DAKTO_THREADS"] = str(args.threads)
        zope1 = DaktoServer(base_env(tmp / "zope1", free_port(), **common)).start()
        stack.append(zope1)
        zope2 = DaktoServer(base_env(tmp / "zope2", free_port(), **common), "serve").start()
        stack.append(zope2)
        # The baseline on the same storage (its own database in the same
        # PostgreSQL) and thread count: the ratio is the portal's code alone.
        vanilla, vanilla_url = vanilla_plone(
            tmp, {**common, "DAKTO_PG_DSN": pg.createdb("vanilla")}
        )
        stack.append(vanilla)
        site = zope1.url
        log(
            f"ready in {time.monotonic() - began:.0f} s; {args.duration} s a scenario at "
            f"{args.connections} connections"
        )

        set_caching(site, False)
        time.sleep(1)
        bench.load("vanilla Plone front page", vanilla_url)
        bench.load("homepage uncached", site)
        bench.load("article uncached", site + ARTICLE)

        set_caching(site, True)
        time.sleep(1)
        bench.load("homepage RAM cache", site)
        bench.load("article RAM cache", site + ARTICLE)

        with Varnish(zope1.port) as varnish:
            bench.load("homepage Varnish", varnish.url + "/dakto")
            bench.load("article Varnish", varnish.url + "/dakto" + ARTICLE)

        static = tmp / "static"
        static.mkdir()
        with urllib.request.urlopen(site, timeout=60) as response:
            (static / "index.html").write_bytes(response.read())
        with Nginx(static) as nginx:
            bench.load("homepage static (nginx)", nginx.url + "/index.html")

        set_caching(site, False)
        time.sleep(2)
        connections = max(args.connections, 4 * args.threads)
        with HAProxy([zope1.port], maxconn=args.threads) as one:
            bench.load("1 process (HAProxy)", one.url + "/dakto", connections=connections)
        with HAProxy([zope1.port, zope2.port], maxconn=args.threads) as two:
            bench.load("2 processes (HAProxy)", two.url + "/dakto", connections=connections)
        set_caching(site, True)

        lift_feedback_rate_limit(site)
        status, _ = http_get(
            f"{site}/@feedback",
            headers={"Accept": "application/json", "Content-Type": "application/json"},
            data=b"{}",
            method="POST",
        )
        if status == 404:
            meta["write_path"] = "POST @feedback missing: not measured"
        else:
            meta["write_path"] = "POST @feedback (anonymous, JSON)"
            bench.load(
                "feedback POST (write)",
                f"{site}/@feedback",
                connections=args.write_connections,
                script=feedback_script(tmp),
            )
        meta["rss_mb"] = {
            "portal zope1": rss_mb(zope1.process.pid),
            "portal zope2": rss_mb(zope2.process.pid),
            "vanilla Plone": rss_mb(vanilla.pid),
        }
    finally:
        for item in reversed(stack):
            if isinstance(item, subprocess.Popen):
                item.terminate()
                try:
                    item.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    item.kill()
            else:
                item.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    r = {name: row["rps"] for name, row in bench.results.items()}
    ratios = {
        "ram_cache_vs_uncached": ratio(r["homepage RAM cache"], r["homepage uncached"]),
        "ram_cache_vs_uncached_article": ratio(r["article RAM cache"], r["article uncached"]),
        "varnish_vs_nginx": ratio(r["homepage Varnish"], r["homepage static (nginx)"]),
        "uncached_vs_vanilla_slowdown": ratio(
            r["vanilla Plone front page"], r["homepage uncached"]
        ),
        "two_vs_one_process": ratio(r["2 processes (HAProxy)"], r["1 process (HAProxy)"]),
    }
    verdicts = {}
    for key, (op, target) in TARGETS.items():
        value = ratios[key]
        verdicts[key] = {
            "value": value,
            "target": f"{op} {target}",
            "met": value is not None and (value >= target if op == ">=" else value <= target),
        }
    return bench.results, ratios, verdicts, meta, time.monotonic() - began


def print_table(results, ratios, verdicts, meta):
    log("")
    log(f"{'scenario':<34} {'req/s':>9} {'p50 ms':>9} {'p95 ms':>9} {'errors':>7}")
    for name, row in results.items():
        log(f"{name:<34} {row['rps']:>9} {row['p50_ms']:>9} {row['p95_ms']:>9} {row['errors']:>7}")
    log("")
    log(f"{'ratio (same run)':<34} {'value':>9} {'target':>9}  met")
    for key, verdict in verdicts.items():
        log(f"{key:<34} {verdict['value']!s:>9} {verdict['target']:>9}  {verdict['met']}")
    for key, value in ratios.items():
        if key not in verdicts:
            log(f"{key:<34} {value!s:>9}")
    log("")
    log("RSS after the load (MB): " + ", ".join(f"{k} {v}" for k, v in meta["rss_mb"].items()))
    log(f"write path: {meta['write_path']}")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=(
            "Anonymous page throughput and latency (wrk) of vanilla Plone, this portal "
            "uncached, with plone.app.caching's RAM cache, behind Varnish, nginx static; "
            "1 vs 2 Zope processes on RelStorage; the feedback write path; RSS."
        )
    )
    parser.add_argument("--duration", type=int, default=30, help="seconds a scenario (30)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument(
        "--write-connections", type=int, default=4, help="connections of the write path (4)"
    )
    parser.add_argument("--threads", type=int, default=4, help="Zope threads a process (4)")
    parser.add_argument(
        "--quick", action="store_true", help="5 s a scenario: checks that it all works"
    )
    parser.add_argument(
        "--output",
        default=None,
        help="JSON file (default bench/results/serving-<date>.json)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.duration = 5
    if args.duration < 2 or args.connections < 1:
        parser.error("--duration must be at least 2 and --connections at least 1")
    results, ratios, verdicts, meta, elapsed = run(args)
    print_table(results, ratios, verdicts, meta)
    today = datetime.date.today().isoformat()
    output = Path(args.output or REPO / "bench" / "results" / f"serving-{today}.json")
    output.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "benchmark": "anonymous serving (wrk), ratios within one run",
        "date": today,
        "duration_s": args.duration,
        "connections": args.connections,
        "zope_threads": args.threads,
        "cpus": os.cpu_count(),
        "run_seconds": round(elapsed),
        "results": results,
        "ratios": ratios,
        "targets": verdicts,
        **meta,
    }
    output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
