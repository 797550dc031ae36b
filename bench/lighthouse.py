"""Lighthouse benchmark (issue 16): the public pages as a citizen's phone
loads them, each compared with vanilla Plone 6.2 Classic UI's front page
measured in the same run.

Lighthouse 12.2.3 (npm, pinned in package.json: `npm ci`) drives Debian's
headless Chromium with its default mobile profile (simulated slow 4G, 4x CPU
slowdown); `--desktop` adds the desktop preset for the pages named in
DESKTOP (the feedback form's layout shift is a desktop goal).

The servers, started here and stopped at the end:
- the portal: a fresh `dakto start` (FileStorage, demo content), as
  `make start` serves it;
- the baseline: a second instance of the same venv with a plain Classic UI
  site (bench/baseline.py), so that Plone's own weight is measured on the
  same machine at the same moment.

Prints, per page: the performance, accessibility, best-practices and SEO
scores, LCP, TBT, CLS and the bytes transferred, then the ratio of each
page's transferred bytes and LCP to the baseline's; writes everything to
bench/results/lighthouse-<date>.json.

    .venv/bin/python bench/lighthouse.py [--pages homepage,article] [--desktop]
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from serving import vanilla_plone  # noqa: E402

from tests.servers import DaktoServer  # noqa: E402
from tests.servers import base_env  # noqa: E402
from tests.servers import free_port  # noqa: E402


LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# (name, path under the portal), in the order of the issue's goals.
PAGES = (
    ("homepage", ""),
    ("article", "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026"),
    ("legal-document lookup", "/van-ban?SearchableText=quy+che"),
    ("procedure lookup", "/thu-tuc-hanh-chinh?SearchableText=khai+sinh"),
    ("feedback form", "/phan-anh-kien-nghi/@@gui-phan-anh"),
    ("procedure", "/thu-tuc-hanh-chinh/dang-ky-khai-sinh"),
)
DESKTOP = ("feedback form",)
BASELINE = "vanilla Plone front page"


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def lighthouse(url, out, desktop=False):
    """Lighthouse's JSON report of one page (a dict)."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        "--max-wait-for-load=90000",
    ]
    if desktop:
        command.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=chromium())
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not Path(out).exists():
        raise RuntimeError(f"lighthouse {url}: {(result.stderr or result.stdout)[-2000:]}")
    return json.loads(Path(out).read_text(encoding="utf-8"))


def summary(report):
    """The numbers the issue's goals name, from one Lighthouse report."""
    audits = report["audits"]

    def value(audit):
        return audits.get(audit, {}).get("numericValue")

    row = {
        name: round(100 * report["categories"][name]["score"])
        if report["categories"].get(name, {}).get("score") is not None
        else None
        for name in CATEGORIES
    }
    row.update(
        lcp_ms=value("largest-contentful-paint"),
        tbt_ms=value("total-blocking-time"),
        cls=value("cumulative-layout-shift"),
        bytes=value("total-byte-weight"),
        requests=len(audits.get("network-requests", {}).get("details", {}).get("items", [])),
        failed=[
            audit["id"]
            for audit in audits.values()
            if audit.get("score") is not None
            and audit["score"] < 1
            and audit.get("scoreDisplayMode") == "binary"
        ],
    )
    if report.get("runtimeError"):
        row["error"] = report["runtimeError"].get("message")
    return row


def ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def print_table(rows):
    header = (
        f"{'page':<34} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} "
        f"{'LCP s':>6} {'TBT ms':>7} {'CLS':>6} {'KiB':>7} {'KiB/base':>8} {'LCP/base':>8}"
    )
    print(header)
    print("-" * len(header))
    base = rows.get(BASELINE, {})
    for name, row in rows.items():
        if "error" in row and row.get("performance") is None:
            print(f"{name:<34} error: {row['error']}")
            continue

        def fmt(number, digits=0, scale=1):
            return "-" if number is None else f"{number / scale:.{digits}f}"

        print(
            f"{name:<34} {fmt(row['performance']):>4} {fmt(row['accessibility']):>4} "
            f"{fmt(row['best-practices']):>4} {fmt(row['seo']):>4} "
            f"{fmt(row['lcp_ms'], 1, 1000):>6} {fmt(row['tbt_ms']):>7} {fmt(row['cls'], 3):>6} "
            f"{fmt(row['bytes'], 0, 1024):>7} "
            f"{fmt(ratio(row['bytes'], base.get('bytes')), 2):>8} "
            f"{fmt(ratio(row['lcp_ms'], base.get('lcp_ms')), 2):>8}"
        )


def run(args):
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse: missing: run `npm ci` (package.json pins lighthouse 12.2.3)")
    if chromium() is None:
        raise SystemExit("lighthouse: chromium is missing: run scripts/install-browser.sh")
    wanted = set(args.pages.split(",")) if args.pages else None
    pages = [(name, path) for name, path in PAGES if wanted is None or name in wanted]
    if wanted and not pages:
        raise SystemExit(f"lighthouse: no such page; pages: {', '.join(n for n, _ in PAGES)}")
    tmp = Path(tempfile.mkdtemp(prefix="dakto-lighthouse-"))
    tmp.chmod(0o755)
    stack = []
    rows = {}
    try:
        print("the portal (dakto start, demo content) and a vanilla Plone site…", flush=True)
        portal = DaktoServer(base_env(tmp / "portal", free_port())).start()
        stack.append(portal)
        vanilla, vanilla_url = vanilla_plone(tmp, {})
        stack.append(vanilla)
        targets = [(BASELINE, vanilla_url, False)]
        targets += [(name, portal.url + path, False) for name, path in pages]
        if args.desktop:
            targets += [
                (f"{name} (desktop)", portal.url + path, True)
                for name, path in pages
                if name in DESKTOP
            ]
        for name, url, desktop in targets:
            # One unmeasured load first: Zope's first rendering of a page
            # (templates, catalog caches) is not what a visitor waits for.
            subprocess.run(["curl", "-s", "-o", "/dev/null", url], timeout=120, check=False)
            began = time.monotonic()
            report = lighthouse(url, tmp / "report.json", desktop)
            rows[name] = summary(report)
            rows[name]["url"] = url
            print(f"  {name}: {time.monotonic() - began:.0f} s", flush=True)
    finally:
        for process in reversed(stack):
            if isinstance(process, DaktoServer):
                process.stop()
            else:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    print()
    print_table(rows)
    for name, row in rows.items():
        if row.get("failed"):
            print(f"{name}: failed audits: {', '.join(sorted(row['failed']))}")
    results = REPO / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = results / f"lighthouse-{args.label + '-' if args.label else ''}{stamp}.json"
    out.write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten: {out.relative_to(REPO)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", help="comma-separated page names (default: all)")
    parser.add_argument(
        "--desktop", action="store_true", help="also the desktop preset for " + ", ".join(DESKTOP)
    )
    parser.add_argument("--label", default="", help="a word in the result file's name")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
