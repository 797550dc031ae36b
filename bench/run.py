"""Benchmarks of the portal, each reported as a ratio to a baseline measured
in the same run (the machines are shared and noisy).

Now: anonymous page latency of the homepage and of a news article against a
static theme file served by the same Zope process (the floor of what Zope can
answer). Issue 8 adds the caching, Varnish, nginx and RelStorage runs.

Usage: python bench/run.py [--requests N] [--output bench/results/latest.json]
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.servers import DaktoServer  # noqa: E402
from tests.servers import base_env  # noqa: E402
from tests.servers import free_port  # noqa: E402


PAGES = {
    "static file (baseline)": "/++theme++dakto/css/dakto.css",
    "homepage": "",
    "news article": "/tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026",
}


def measure(url, requests):
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
        timings.append(time.perf_counter() - start)
    timings.sort()
    return {
        "p50_ms": round(statistics.median(timings) * 1000, 2),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1] * 1000, 2),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark the portal against an in-run baseline.")
    parser.add_argument("--requests", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument("--output", default=str(REPO / "bench" / "results" / "latest.json"))
    args = parser.parse_args(argv)
    if args.requests < 20:
        parser.error("--requests must be at least 20")
    with tempfile.TemporaryDirectory(prefix="dakto-bench-") as tmp:
        server = DaktoServer(base_env(Path(tmp) / "var", free_port())).start()
        try:
            for path in PAGES.values():  # warm the caches once
                measure(server.url + path, 5)
            results = {
                name: measure(server.url + path, args.requests) for name, path in PAGES.items()
            }
        finally:
            server.stop()
    baseline = results["static file (baseline)"]["p50_ms"]
    for row in results.values():
        row["p50_ratio"] = round(row["p50_ms"] / baseline, 2)
    print(f"{'page':<24} {'p50 ms':>8} {'p95 ms':>8} {'p50 / baseline':>15}")
    for name, row in results.items():
        print(f"{name:<24} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['p50_ratio']:>15}")
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({"requests": args.requests, "results": results}, indent=2))
    print(f"written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
