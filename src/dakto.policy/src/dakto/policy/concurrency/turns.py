"""WSGI filter: the writes one Zope process serves take turns.

ZODB lets two transactions run at once and refuses the second commit when
both changed the same object (``ConflictError``); Zope then retries the
request, three times, after a random pause of up to 2, 4 and 8 seconds. Many
objects are shared by every write of a kind and cannot merge parallel
changes: the catalog's trees when one of their buckets splits (every few
dozen new items, in each of the catalog's sixty-odd indexes), a folder's
modification date and order list when two pages are added to it, a posting
list of a word two texts share. Under a few parallel writers (bench/
concurrent_writes.py: 8 clients, 2-core machine, each write taking 1-3 s) a
write met a conflict at most attempts and some ran out of retries: HTTP 500.

A write request (POST, PUT, PATCH, DELETE) therefore waits until the other
writes of this process are done, before its transaction begins: in one
process, writes never conflict with each other, and reads are never held up.
The Python threads of one process share one CPU core (the GIL), so writing
one at a time costs next to no throughput. A write that waited
``WAIT_SECONDS`` (a long import, a big upload being indexed) goes ahead in
parallel, as without this filter, and is logged. Several processes on
RelStorage still write in parallel, one write each at a time, and Zope's
retries settle the rarer conflicts between them.

The same rule as ``feedback.submit``'s CREATE_LOCK, for every write.
In zope.ini's pipeline, innermost (after the 503 filter and the access log).
"""

import logging
import threading
import time


logger = logging.getLogger("dakto.write_turns")

WRITE_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))
WAIT_SECONDS = 30.0


class WriteTurns:
    def __init__(self, app, wait=WAIT_SECONDS):
        self.app = app
        self.wait = wait
        self.turn = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD", "GET").upper() not in WRITE_METHODS:
            return self.app(environ, start_response)
        began = time.monotonic()
        got = self.turn.acquire(timeout=self.wait)
        if not got:
            logger.warning(
                "%s %s waited %.0f s for its turn to write; goes ahead in parallel",
                environ.get("REQUEST_METHOD"),
                environ.get("PATH_INFO", ""),
                time.monotonic() - began,
            )
        try:
            # Zope's answer is complete when it returns (the transaction is
            # committed or aborted): the body is bytes or a file to stream.
            return self.app(environ, start_response)
        finally:
            if got:
                self.turn.release()


def filter_factory(global_conf, wait=WAIT_SECONDS):
    def make_filter(app):
        return WriteTurns(app, float(wait))

    return make_filter
