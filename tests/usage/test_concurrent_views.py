"""Heavy traffic: many visitors reading the same articles at once are all
counted, not one view gets a conflict error, and the ZODB is not written."""

import threading
import time

import requests
import transaction
from plone import api

from dakto.policy import antispam
from tests.usage.helpers import BROWSER_UA
from tests.usage.helpers import published_news


VISITORS = 16
PAGES_EACH = 25


def test_concurrent_views_are_all_counted_without_writing_the_zodb(functional):
    portal = functional["portal"]
    articles = [published_news(portal, id=f"bai-{n}", title=f"Bài {n}") for n in range(2)]
    # every request comes from 127.0.0.1 here: lift the per-client limits
    api.portal.set_registry_record(
        antispam.RATE_LIMITS_RECORD, {"page-view-item": "0/1", "page-view-client": "0/1"}
    )
    transaction.commit()
    db = portal._p_jar.db()
    before = db.lastTransaction()
    beacon = f"{portal.absolute_url()}/@@dakto-view"
    answers = []
    start = threading.Barrier(VISITORS)

    def visitor(n):
        session = requests.Session()
        start.wait()
        for i in range(PAGES_EACH):
            uid = articles[(n + i) % 2].UID()
            answer = session.get(beacon, params={"uid": uid}, headers={"User-Agent": BROWSER_UA})
            answers.append((answer.status_code, answer.headers.get("X-Dakto-View")))

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(VISITORS)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - began
    views = VISITORS * PAGES_EACH
    print(f"{views} beacon requests, {VISITORS} at once: {seconds:.1f} s, {views / seconds:.0f}/s")

    assert answers == [(200, "counted")] * views  # no 409/500: no conflict error
    assert db.lastTransaction() == before  # no ZODB transaction for a view
    totals = [
        requests.get(
            f"{a.absolute_url()}/@page-views", headers={"Accept": "application/json"}
        ).json()["total"]
        for a in articles
    ]
    assert totals == [views // 2, views // 2]
