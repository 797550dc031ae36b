"""Concurrent writes (issue 13.4): do ordinary parallel writes ever end in a 5xx?

Starts the portal itself on loopback (no demo content): one Zope process on
FileStorage, and/or PostgreSQL with two Zope processes on RelStorage (the
writers alternate between them). ``--writers`` clients then write for
``--seconds``, each alternating between a citizen's feedback (anonymous
``POST @feedback``, JSON) and a Document created over REST by the admin in
a folder of its own in ``/gioi-thieu`` (editors of different units; with
``--same-folder`` every writer adds to ``/gioi-thieu`` itself). Counted: the answers by status code, the 5xx answers (each
with the error it named), connection errors; afterwards every write that was
answered 201 is looked up (the Documents by their id, the feedback by its
tracking code, through the admin's catalog search) and the ConflictErrors the
Zope processes logged are counted by class and oid.

Bounded: ``--seconds`` (default 300) and at most ``--max-requests`` (20,000)
requests a storage. Exit status 1 when any 5xx, connection error or lost
write was seen. Not part of ``make test`` (tests/faults/test_concurrent_writes.py
is its short, in-suite counterpart).

    .venv/bin/python bench/concurrent_writes.py --storage both --seconds 300
    .venv/bin/python bench/concurrent_writes.py --storage filestorage --seconds 30
"""

import argparse
import collections
import datetime
import json
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.servers import DaktoServer  # noqa: E402
from tests.servers import PostgresCluster  # noqa: E402
from tests.servers import base_env  # noqa: E402
from tests.servers import free_port  # noqa: E402
from tests.servers import http_get  # noqa: E402
from tests.servers import postgres_bin  # noqa: E402


ADMIN = ("admin", "admin")
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
FOLDER = "gioi-thieu"
FEEDBACK = {
    "name": "Nguyễn Thị Hoa",
    "phone": "0905 123 456",
    "address": "Tổ dân phố 3, thị trấn Đắk Tô",
    "topic": "giao-thong",
    "consent": ["answer_feedback"],
}
# Zope.SiteErrorLog logs each ConflictError: "... Request will be retried." when
# Zope retries it, with a traceback when retries ran out (the client got a 5xx).
CONFLICT_RE = re.compile(r"database (?:read )?conflict error \(oid (0x[0-9a-f]+), class ([\w.]+)")
RETRIED = "Request will be retried"
REQUEST_TIMEOUT = 60


def log(text):
    print(text, flush=True)


def lift_rate_limits(url):
    """Citizens are limited to 10 posts in 10 minutes: off for the benchmark."""
    status, text = http_get(
        f"{url}/@registry",
        headers=JSON,
        data=json.dumps({"dakto.policy.antispam.rate_limits": {"feedback": "0/1"}}).encode(),
        method="PATCH",
        auth=ADMIN,
    )
    if status not in (200, 204):
        raise RuntimeError(f"cannot lift the rate limits: {status} {text[:200]}")


class Budget:
    """At most ``count`` requests over all writers."""

    def __init__(self, count):
        self.left = count
        self.lock = threading.Lock()

    def take(self):
        with self.lock:
            if self.left <= 0:
                return False
            self.left -= 1
            return True


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = collections.Counter()
        self.errors = collections.Counter()  # connection errors by type
        self.server_errors = []  # (kind, status, what the body named)
        self.documents = []  # ids answered 201
        self.feedback = []  # tracking codes answered 201
        self.latencies = []

    def add(self, kind, status, body, seconds, acknowledged=None):
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds)
            if status >= 500:
                self.server_errors.append((kind, status, error_summary(body)))
            elif status == 201 and acknowledged:
                (self.documents if kind == "document" else self.feedback).append(acknowledged)


def error_summary(body):
    try:
        data = json.loads(body)
    except ValueError:
        return " ".join(body.split())[:160]
    error = data.get("error", data) if isinstance(data, dict) else data
    if isinstance(error, dict):
        return f"{error.get('type')}: {str(error.get('message'))[:140]}"
    return str(error)[:160]


def writer_folder(number, same_folder):
    return FOLDER if same_folder else f"{FOLDER}/ghi-{number}"


def make_folders(url, writers, same_folder):
    if same_folder:
        return
    for number in range(writers):
        body = {"@type": "Folder", "id": f"ghi-{number}", "title": f"Ghi {number}"}
        status, text = http_get(
            f"{url}/{FOLDER}",
            headers=JSON,
            data=json.dumps(body).encode(),
            method="POST",
            auth=ADMIN,
            timeout=REQUEST_TIMEOUT,
        )
        if status != 201:
            raise RuntimeError(
                f"cannot create the folder of writer {number}: {status} {text[:200]}"
            )


class Writer(threading.Thread):
    def __init__(self, number, urls, deadline, budget, tally, folder):
        super().__init__(daemon=True)
        self.number, self.urls, self.deadline = number, urls, deadline
        self.budget, self.tally, self.folder = budget, tally, folder

    def run(self):
        step = 0
        while time.monotonic() < self.deadline and self.budget.take():
            url = self.urls[(self.number + step) % len(self.urls)]
            if step % 2 == 0:
                self.post_feedback(url, step)
            else:
                self.post_document(url, step)
            step += 1

    def _request(self, kind, url, body, auth=None):
        began = time.monotonic()
        try:
            status, text = http_get(
                url,
                headers=JSON,
                data=json.dumps(body).encode(),
                method="POST",
                auth=auth,
                timeout=REQUEST_TIMEOUT,
            )
        except OSError as error:
            with self.tally.lock:
                self.tally.errors[type(error).__name__] += 1
            time.sleep(0.1)
            return None, None
        return status, text, time.monotonic() - began

    def post_feedback(self, url, step):
        body = dict(
            FEEDBACK,
            subject=f"Đèn đường hỏng số {self.number}-{step}",
            content=f"Đoạn đường số {self.number}-{step} mất đèn từ ba tuần nay.",
        )
        result = self._request("feedback", f"{url}/@feedback", body)
        if result[0] is None:
            return
        status, text, seconds = result
        code = None
        if status == 201:
            code = json.loads(text).get("tracking_code")
        self.tally.add("feedback", status, text, seconds, code)

    def post_document(self, url, step):
        doc_id = f"w{self.number}-{step}"
        body = {"@type": "Document", "id": doc_id, "title": f"Trang {self.number} {step}"}
        result = self._request("document", f"{url}/{self.folder}", body, auth=ADMIN)
        if result[0] is None:
            return
        status, text, seconds = result
        self.tally.add("document", status, text, seconds, doc_id if status == 201 else None)


def search_ids(url, portal_type, field):
    """``field`` of every item of ``portal_type`` the catalog holds (admin's view)."""
    found = set()
    query = {
        "portal_type": portal_type,
        "metadata_fields": field,
        "b_size": 1000,
        "b_start": 0,
    }
    while True:
        address = f"{url}/@search?{urllib.parse.urlencode(query)}"
        status, text = http_get(address, headers=JSON, auth=ADMIN, timeout=120)
        if status != 200:
            raise RuntimeError(f"search {portal_type}: {status} {text[:200]}")
        data = json.loads(text)
        found.update(item.get(field) for item in data["items"])
        query["b_start"] += len(data["items"])
        if not data["items"] or query["b_start"] >= data["items_total"]:
            return found


def missing_writes(url, tally):
    documents = search_ids(url, "Document", "getId")
    feedback = search_ids(url, "Feedback", "tracking_code")
    lost_documents = [i for i in tally.documents if i not in documents]
    lost_feedback = [c for c in tally.feedback if c not in feedback]
    for doc_id in lost_documents[:20]:
        log(f"  document {doc_id} answered 201 but not found")
    for code in lost_feedback[:20]:
        log(f"  feedback {code} answered 201 but not found")
    return lost_documents, lost_feedback


def conflicts_logged(var_dirs):
    """The ConflictErrors Zope retried, from the processes' event logs, by
    (class, oid)."""
    found = collections.Counter()
    for var in var_dirs:
        path = Path(var) / "log" / "event.log"
        if not path.exists():
            continue
        for line in path.read_text(errors="replace").splitlines():
            match = CONFLICT_RE.search(line) if RETRIED in line else None
            if match:
                found[(match.group(2), match.group(1))] += 1
    return found


def load(urls, args):
    seconds = args.seconds
    make_folders(urls[0], args.writers, args.same_folder)
    tally = Tally()
    budget = Budget(args.max_requests)
    deadline = time.monotonic() + seconds
    threads = [
        Writer(n, urls, deadline, budget, tally, writer_folder(n, args.same_folder))
        for n in range(args.writers)
    ]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + REQUEST_TIMEOUT + 30)
    return tally, time.monotonic() - began


def report(name, tally, elapsed, lost, conflicts):
    total = sum(tally.statuses.values())
    server_errors = sum(n for status, n in tally.statuses.items() if status >= 500)
    latencies = sorted(tally.latencies)
    result = {
        "storage": name,
        "seconds": round(elapsed, 1),
        "requests": total,
        "requests_per_s": round(total / elapsed, 2) if elapsed else None,
        "by_status": {str(k): v for k, v in sorted(tally.statuses.items())},
        "5xx": server_errors,
        "5xx_lines": collections.Counter(
            f"{kind} {status} {what}" for kind, status, what in tally.server_errors
        ).most_common(),
        "connection_errors": dict(tally.errors),
        "acknowledged": {"documents": len(tally.documents), "feedback": len(tally.feedback)},
        "lost": {"documents": lost[0][:50], "feedback": lost[1][:50]},
        "lost_count": len(lost[0]) + len(lost[1]),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000) if latencies else None,
        "conflicts_retried": sum(conflicts.values()),
        "conflicts_retried_by_object": [
            {"class": cls, "oid": oid, "count": n} for (cls, oid), n in conflicts.most_common(10)
        ],
    }
    log(
        f"{name}: {total} requests in {elapsed:.0f} s ({result['requests_per_s']}/s), "
        f"by status {result['by_status']}, 5xx {server_errors}, "
        f"connection errors {sum(tally.errors.values())}, acknowledged "
        f"{len(tally.documents)} documents + {len(tally.feedback)} feedback, "
        f"lost {result['lost_count']}, p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
        f"conflicts retried by Zope {result['conflicts_retried']}"
    )
    for line, count in result["5xx_lines"]:
        log(f"  5xx ×{count}: {line}")
    for entry in result["conflicts_retried_by_object"]:
        log(f"  ConflictError retried ×{entry['count']}: {entry['class']} {entry['oid']}")
    return result


def run_filestorage(args, tmp):
    log("FileStorage: starting one Zope process…")
    var = tmp / "fs"
    env = base_env(var, free_port(), DAKTO_DEMO="0", DAKTO_THREADS=str(args.threads))
    server = DaktoServer(env).start()
    try:
        lift_rate_limits(server.url)
        log(f"FileStorage: {args.writers} writers for {args.seconds} s…")
        tally, elapsed = load([server.url], args)
        lost = missing_writes(server.url, tally)
    finally:
        server.stop()
    return report("filestorage", tally, elapsed, lost, conflicts_logged([var]))


def run_relstorage(args, tmp):
    if postgres_bin() is None:
        raise SystemExit("PostgreSQL's server programs are missing: apt-get install postgresql")
    log("RelStorage: PostgreSQL and two Zope processes…")
    (tmp / "pg").mkdir()
    pg = PostgresCluster(postgres_bin(), tmp / "pg").start()
    servers = []
    try:
        common = {
            "DAKTO_STORAGE": "relstorage",
            "DAKTO_PG_DSN": pg.createdb("dakto"),
            "DAKTO_DEMO": "0",
            "DAKTO_THREADS": str(args.threads),
        }
        for number, command in ((1, "start"), (2, "serve")):
            env = base_env(tmp / f"zope{number}", free_port(), **common)
            servers.append(DaktoServer(env, command).start())
        lift_rate_limits(servers[0].url)
        log(f"RelStorage: {args.writers} writers for {args.seconds} s over 2 processes…")
        urls = [server.url for server in servers]
        tally, elapsed = load(urls, args)
        lost = missing_writes(servers[1].url, tally)
    finally:
        for server in servers:
            server.stop()
        pg.stop()
    var_dirs = [tmp / "zope1", tmp / "zope2"]
    return report("relstorage (2 processes)", tally, elapsed, lost, conflicts_logged(var_dirs))


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=(
            "Concurrent REST writes (feedback and Documents) against the portal on "
            "FileStorage and/or two Zope processes on RelStorage: answers by status, "
            "5xx, lost acknowledged writes, ConflictErrors logged."
        )
    )
    parser.add_argument("--seconds", type=int, default=300, help="seconds of load (300)")
    parser.add_argument("--writers", type=int, default=8, help="concurrent clients (8)")
    parser.add_argument(
        "--storage",
        choices=("filestorage", "relstorage", "both"),
        default="both",
        help="which storage to load (both)",
    )
    parser.add_argument("--threads", type=int, default=4, help="Zope threads a process (4)")
    parser.add_argument(
        "--max-requests", type=int, default=20000, help="at most this many requests a storage"
    )
    parser.add_argument("--output", default=None, help="JSON file of the results (optional)")
    parser.add_argument(
        "--same-folder",
        action="store_true",
        help="every writer adds its Documents to /gioi-thieu itself (default: a folder each)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the servers' data and logs (prints where)"
    )
    args = parser.parse_args(argv)
    if args.seconds < 1 or args.writers < 1 or args.max_requests < 1:
        parser.error("--seconds, --writers and --max-requests must be at least 1")
    tmp = Path(tempfile.mkdtemp(prefix="dakto-writes-"))
    tmp.chmod(0o755)
    results = []
    try:
        if args.storage in ("filestorage", "both"):
            results.append(run_filestorage(args, tmp))
        if args.storage in ("relstorage", "both"):
            results.append(run_relstorage(args, tmp))
    finally:
        if args.keep:
            log(f"data and logs kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.output:
        document = {
            "benchmark": "concurrent REST writes (issue 13.4)",
            "date": datetime.date.today().isoformat(),
            "writers": args.writers,
            "zope_threads": args.threads,
            "results": results,
        }
        Path(args.output).write_text(
            json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        log(f"written to {args.output}")
    failed = any(r["5xx"] or r["connection_errors"] or r["lost_count"] for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
