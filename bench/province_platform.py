"""Platform benchmark (issue 15): many commune sites on one 2-process cluster.

One PostgreSQL, two Zope processes on RelStorage behind HAProxy (deploy/
haproxy/haproxy.cfg.in) and Varnish (deploy/varnish/default.vcl), the site
``dakto`` with demo content, then commune sites added in the running
deployment (H6's ``provision.add_site`` with demo content, what ``dakto
add-site`` and the administrators' page run, in one process against the
running cluster's database, a commit a site) up to 10 and 30 sites (``--quick``: 3 and 5). At each stage:

- resident memory (RSS) of each Zope process after every site's homepage
  was served by both processes; memory per added site;
- the time to provision one site (median, and each);
- the uncached homepage rate of ``dakto`` (wrk through HAProxy,
  plone.app.caching off for that site) — the ratio "N sites exist" against
  "it is alone" is the goal (>= 0.8);
- at the end, the Varnish hit rate (once every page was asked for once:
  the steady state) of anonymous visitors spread over every
  site's homepage and news section (wrk, random site a request; Varnish's
  own counters).

Ratios within ONE run (the machine is shared). Prints a table and writes
bench/results/platform-<date>.json.

    .venv/bin/python bench/province_platform.py --quick     # 1, 3, 5 sites; ~5 min
    .venv/bin/python bench/province_platform.py             # 1, 10, 30 sites
"""

import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from serving import WRK_REPORT  # noqa: E402
from serving import Bench  # noqa: E402
from serving import rss_mb  # noqa: E402
from serving import set_caching  # noqa: E402

from tests.caching.proxies import HAProxy  # noqa: E402
from tests.caching.proxies import Varnish  # noqa: E402
from tests.caching.proxies import find_program  # noqa: E402
from tests.servers import DaktoServer  # noqa: E402
from tests.servers import PostgresCluster  # noqa: E402
from tests.servers import base_env  # noqa: E402
from tests.servers import free_port  # noqa: E402
from tests.servers import http_get  # noqa: E402
from tests.servers import postgres_bin  # noqa: E402


PROVINCE = "Quảng Ngãi"
GOAL = 0.8

SPREAD = (
    """
paths = {PATHS}
request = function()
  return wrk.format(nil, paths[math.random(#paths)])
end
"""
    + WRK_REPORT
)


def log(text):
    print(text, flush=True)


PROVISION = """
import json, sys, time, transaction
from dakto.instance import settings as s
from dakto.instance.site import open_app
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
from dakto.policy.platform.provision import add_site
from dakto.policy.platform import hosts
app = open_app(s.load())
newSecurityManager(None, system)
from zope.component.hooks import setSite
for number in [int(n) for n in sys.argv[1:]]:
    site_id = "xa-%d" % number
    setSite(app["dakto"])  # add_site reads the other sites' identity first
    started = time.monotonic()
    site, seconds = add_site(app, site_id, "Ủy ban nhân dân xã Thử Nghiệm %d" % number, "xa",
                             "Quảng Ngãi", domain=site_id + ".quangngai.localhost", demo=True)
    transaction.commit()
    print("SITE " + json.dumps({"id": site_id, "seconds": seconds,
                                 "with_commit": time.monotonic() - started}), flush=True)
hosts.sync(app)
transaction.commit()
app._p_jar.db().close()
"""


def add_sites(env, numbers):
    """``provision.add_site`` (H6's provisioning, what ``dakto add-site`` and
    the administrators' page call) in ONE process against the running
    cluster's database, a commit a site; yields (id, seconds of add_site,
    seconds with the commit)."""
    result = subprocess.run(
        [sys.executable, "-c", PROVISION, *map(str, numbers)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    rows = [json.loads(line[5:]) for line in result.stdout.splitlines() if line.startswith("SITE ")]
    if result.returncode != 0 or len(rows) != len(numbers):
        raise RuntimeError(f"provisioning failed: {result.stdout[-400:]}{result.stderr[-800:]}")
    for row in rows:
        yield row["id"], row["seconds"], row["with_commit"]


def analyze(dsn):
    """PostgreSQL's statistics of the tables just written, as autovacuum
    keeps them in a running deployment: without them the first stage (the
    demo site just loaded into empty tables) is planned on guesses, and
    "alone" is measured slower than it is."""
    import psycopg2

    connection = psycopg2.connect(dsn)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    finally:
        connection.close()


def warm(ports, sites):
    """Every site's homepage served by every process (objects loaded)."""
    for port in ports:
        for site in sites:
            for _ in range(2):
                status, _text = http_get(f"http://127.0.0.1:{port}/{site}", timeout=120)
                if status != 200:
                    raise RuntimeError(f"/{site} on {port}: {status}")


def memory(servers):
    return [rss_mb(server.process.pid) for server in servers]


def varnish_counters(varnish):
    program = find_program("varnishstat")
    result = subprocess.run(
        [
            program,
            "-n",
            str(varnish.root / "work"),
            "-1",
            "-f",
            "MAIN.cache_hit",
            "-f",
            "MAIN.cache_miss",
            "-f",
            "MAIN.cache_hitpass",
            "-f",
            "MAIN.cache_hit_grace",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    counters = {}
    for line in result.stdout.splitlines():
        match = re.match(r"MAIN\.(\w+)\s+(\d+)", line)
        if match:
            counters[match.group(1)] = int(match.group(2))
    return counters


def run(args):
    missing = [p for p in ("wrk", "varnishd", "varnishstat", "haproxy") if not find_program(p)]
    if missing or postgres_bin() is None:
        raise SystemExit(
            f"missing: {', '.join(missing) or 'postgresql'}: run scripts/install-deploy-tools.sh"
        )
    began = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="dakto-platform-"))
    tmp.chmod(0o755)
    bench = Bench(args, tmp)
    stack = []
    stages = []
    provision_seconds = []
    command_seconds = []
    try:
        log("PostgreSQL, two Zope processes on RelStorage (site dakto, demo content)…")
        (tmp / "pg").mkdir()
        pg = PostgresCluster(postgres_bin(), tmp / "pg").start()
        stack.append(pg)
        common = {
            "DAKTO_STORAGE": "relstorage",
            "DAKTO_PG_DSN": pg.createdb("dakto"),
            "DAKTO_THREADS": str(args.threads),
            "DAKTO_DEMO": "1",
        }
        zope1 = DaktoServer(base_env(tmp / "zope1", free_port(), **common)).start()
        stack.append(zope1)
        zope2 = DaktoServer(base_env(tmp / "zope2", free_port(), **common), "serve").start()
        stack.append(zope2)
        servers = [zope1, zope2]
        ports = [zope1.port, zope2.port]
        haproxy = HAProxy(ports, site="dakto", maxconn=args.threads).start()
        stack.append(haproxy)
        set_caching(zope1.url, False)  # the measured site: uncached
        sites = ["dakto"]
        log(f"ready in {time.monotonic() - began:.0f} s")
        for target in args.stages:
            numbers = list(range(len(sites) + 1, target + 1))
            for site_id, seconds, wall in add_sites(zope1.env, numbers) if numbers else ():
                sites.append(site_id)
                provision_seconds.append(round(seconds, 2))
                command_seconds.append(round(wall, 2))
                log(f"  {site_id} provisioned in {seconds:.1f} s ({wall:.1f} s with the commit)")
            analyze(common["DAKTO_PG_DSN"])
            warm(ports, sites)
            rss = memory(servers)
            # the better of two loads: the machine is shared, a neighbour's burst
            # lowers one sample
            name = f"homepage uncached, {len(sites)} sites"
            row = max(
                (bench.load(name, haproxy.url + "/dakto") for _ in range(2)),
                key=lambda r: r["rps"],
            )
            stages.append(
                {"sites": len(sites), "rss_mb": rss, "homepage_rps": row["rps"], "wrk": row}
            )
            log(f"  {len(sites)} sites: RSS {rss} MB")

        # Varnish across every site: anonymous visitors spread over the sites.
        set_caching(zope1.url, True)
        with Varnish(haproxy.port, memory="256m") as varnish:
            paths = []
            for site in sites:
                paths += [f"/{site}", f"/{site}/tin-tuc"]
            script = tmp / "spread.lua"
            script.write_text(SPREAD.replace("PATHS", ", ".join(f'"{p}"' for p in paths)))
            # every page asked once (each site's first visitor: a miss), then
            # the rate of the steady state, counted over the measured load
            for path in paths:
                http_get(varnish.url + path, timeout=120)
            primed = varnish_counters(varnish)
            spread = bench.load("Varnish, every site", varnish.url, script=script)
            counters = varnish_counters(varnish)
        hits = counters.get("cache_hit", 0) - primed.get("cache_hit", 0)
        misses = counters.get("cache_miss", 0) - primed.get("cache_miss", 0)
        hit_rate = round(hits / (hits + misses), 4) if hits + misses else None
    finally:
        for item in reversed(stack):
            try:
                item.stop()
            except Exception as error:  # a stop failure must not hide the results
                log(f"stop: {error}")
        subprocess.run(["rm", "-rf", str(tmp)], check=False)

    first, last = stages[0], stages[-1]
    added = last["sites"] - first["sites"]
    per_site = [
        round((b - a) / added, 2) if added and a and b else None
        for a, b in zip(first["rss_mb"], last["rss_mb"], strict=True)
    ]
    ratios = {
        f"homepage_{s['sites']}_sites_vs_alone": round(s["homepage_rps"] / first["homepage_rps"], 3)
        for s in stages[1:]
    }
    result = {
        "stages": stages,
        "provision_seconds": provision_seconds,
        "provision_median_s": round(statistics.median(provision_seconds), 2)
        if provision_seconds
        else None,
        "provision_with_commit_seconds": command_seconds,
        "rss_mb_per_added_site": per_site,
        "ratios": ratios,
        "goal_homepage_ratio": GOAL,
        "goal_met": all(value >= GOAL for value in ratios.values()),
        "varnish": {"counters": counters, "hit_rate": hit_rate, "wrk": spread, "paths": len(paths)},
        "run_seconds": round(time.monotonic() - began),
    }
    return result


def print_table(result):
    log("")
    log(f"{'sites':>6} {'RSS zope1 MB':>13} {'RSS zope2 MB':>13} {'homepage req/s':>15}")
    for stage in result["stages"]:
        a, b = stage["rss_mb"]
        log(f"{stage['sites']:>6} {a!s:>13} {b!s:>13} {stage['homepage_rps']:>15}")
    log(f"RSS per added site (MB, each process): {result['rss_mb_per_added_site']}")
    log(f"provisioning one site (demo content): median {result['provision_median_s']} s")
    for name, value in result["ratios"].items():
        verdict = "ok" if value >= GOAL else "BELOW GOAL"
        log(f"{name}: {value} (goal >= {GOAL}: {verdict})")
    varnish = result["varnish"]
    log(f"Varnish hit rate over {varnish['paths']} paths of every site: {varnish['hit_rate']}")
    log(f"run: {result['run_seconds']} s")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1, 3 and 5 sites, 5 s a load")
    parser.add_argument(
        "--stages", default=None, help="numbers of sites, comma-separated (default 1,10,30)"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds a load (10)")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections (4)")
    parser.add_argument("--threads", type=int, default=2, help="Zope threads a process (2)")
    parser.add_argument("--output", default=None, help="JSON file")
    args = parser.parse_args(argv)
    text = args.stages or ("1,3,5" if args.quick else "1,10,30")
    try:
        args.stages = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        parser.error(f"--stages: {text!r} is not a list of numbers such as 1,10,30")
    if not args.stages or args.stages[0] != 1:
        parser.error("--stages must start with 1 (the site alone)")
    if args.quick:
        args.duration = 5
    if args.duration < 2 or args.connections < 1:
        parser.error("--duration must be at least 2 and --connections at least 1")
    result = run(args)
    print_table(result)
    today = datetime.date.today().isoformat()
    output = Path(args.output or REPO / "bench" / "results" / f"platform-{today}.json")
    output.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "benchmark": "platform: many sites on one 2-process cluster, ratios within one run",
        "date": today,
        "command": " ".join(["bench/province_platform.py", *(argv or sys.argv[1:])]),
        "stages": args.stages,
        "duration_s": args.duration,
        "connections": args.connections,
        "zope_threads": args.threads,
        "cpus": os.cpu_count(),
        **result,
    }
    output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    log(f"written: {output}")


if __name__ == "__main__":
    main()
