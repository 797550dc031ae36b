"""200 citizens send feedback at the same time to a real `dakto start`
server (several worker threads): nothing is lost, every code is distinct."""

import json
import time
from concurrent.futures import ThreadPoolExecutor

from tests.feedback.helpers import GOOD
from tests.servers import http_get
from tests.servers import run_dakto


POSTS = 200
CLIENTS = 16
ADMIN = ("admin", "admin")


def test_200_parallel_posts_are_all_stored_with_distinct_codes(dakto_server, tmp_path):
    server = dakto_server(var=tmp_path / "var", DAKTO_DEMO="0", DAKTO_THREADS="4")
    # every post comes from 127.0.0.1: lift the per-client limit for this test
    status, text = http_get(
        f"{server.url}/@registry",
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        data=json.dumps({"dakto.policy.antispam.rate_limits": {"feedback": "0/1"}}).encode(),
        method="PATCH",
        auth=ADMIN,
    )
    assert status in (200, 204), text

    def post(number):
        body = dict(
            GOOD,
            email="",
            subject=f"Phản ánh số {number:03d}",
            content=f"Nội dung phản ánh số {number:03d}.",
            consent=["answer_feedback"],
        )
        return http_get(
            f"{server.url}/@feedback",
            headers={"Accept": "application/json", "Content-Type": "application/json"},
            data=json.dumps(body).encode(),
            method="POST",
            timeout=120,
        )

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = list(pool.map(post, range(POSTS)))
    elapsed = time.monotonic() - started
    assert [s for s, _ in results] == [201] * POSTS, [r for r in results if r[0] != 201][:3]
    codes = {json.loads(text)["tracking_code"] for _, text in results}
    assert len(codes) == POSTS
    print(f"\n{POSTS} posts from {CLIENTS} parallel clients in {elapsed:.1f} s")

    # every item is stored, once, with its own code and content
    status, text = http_get(
        f"{server.url}/@search?portal_type=Feedback&b_size=500"
        "&metadata_fields=tracking_code&metadata_fields=Title",
        headers={"Accept": "application/json"},
        auth=ADMIN,
    )
    assert status == 200, text
    items = json.loads(text)["items"]
    assert len(items) == POSTS
    assert {item["tracking_code"] for item in items} == codes
    assert {item["title"] for item in items} == {f"Phản ánh số {n:03d}" for n in range(POSTS)}
    # ~50 s on this 2-core machine when idle (the catalog indexing of each item
    # dominates); the bound only catches starvation under a loaded CI machine
    assert elapsed < 240

    # the retention command runs on the same instance once the server stopped
    server.stop()
    done = run_dakto(server.env, "purge-personal-data", timeout=240)
    assert done.returncode == 0, done.stderr
    assert "0" in done.stdout  # nothing closed yet, nothing older than the period
