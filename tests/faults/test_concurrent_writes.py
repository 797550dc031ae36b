"""Parallel writes do not conflict on an object every write touches (issue 13.4).

Two ZODB connections (two requests served at the same time) each make a
write, both commit: the second commit must not raise ``ConflictError`` (or
ZODB resolves it). bench/concurrent_writes.py is the load version (8 clients,
5 minutes, FileStorage and RelStorage); the last test here is its short smoke
against the real server.
"""

import contextlib
import json
import threading
from pathlib import Path

import pytest
import transaction
from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from zope.component.hooks import getSite
from zope.component.hooks import setSite


ADMIN = ("admin", "admin")
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


class Writer:
    """A connection of its own to the test database, as a second Zope thread has."""

    def __init__(self, db, portal_id):
        self.manager = transaction.TransactionManager()
        self.connection = db.open(transaction_manager=self.manager)
        self.manager.begin()
        self.portal = self.connection.root()["Application"][portal_id]

    @contextlib.contextmanager
    def active(self):
        from plone.app.testing import SITE_OWNER_NAME

        old_site, old_security = getSite(), getSecurityManager()
        setSite(self.portal)
        owner = self.portal.getPhysicalRoot().acl_users.getUserById(SITE_OWNER_NAME)
        newSecurityManager(None, owner.__of__(self.portal.getPhysicalRoot().acl_users))
        try:
            yield self.portal
        finally:
            setSecurityManager(old_security)
            setSite(old_site)

    def commit(self):
        with self.active():
            self.manager.commit()

    def close(self):
        self.manager.abort()
        self.connection.close()


@pytest.fixture
def writers(functional):
    portal = functional["portal"]
    db = portal._p_jar.db()
    transaction.commit()
    opened = []

    def open_writer():
        writer = Writer(db, portal.getId())
        opened.append(writer)
        return writer

    yield open_writer
    for writer in opened:
        writer.close()


def test_history_ids_drawn_in_parallel_do_not_conflict(writers):
    """CMFEditions asks this generator for the history id of every new versioned
    item; it was one counter in ``portal_uidgenerator``: ConflictError."""
    from Products.CMFUid.interfaces import IUniqueIdGenerator
    from zope.component import getUtility

    first, second = writers(), writers()
    ids = []
    for writer in (first, second):
        with writer.active():
            ids.append(getUtility(IUniqueIdGenerator)())
    first.commit()
    second.commit()  # ConflictError on portal_uidgenerator before
    assert ids[0] != ids[1]


def post_pages(server, ids):
    """POST one Document per id into /gioi-thieu, all at once; the statuses."""
    from tests.servers import http_get

    statuses = {}

    def post(page_id):
        body = json.dumps({"@type": "Document", "id": page_id, "title": "Trang song song"})
        try:
            statuses[page_id] = http_get(
                server.url + "/gioi-thieu",
                headers=JSON,
                auth=ADMIN,
                data=body.encode(),
                method="POST",
                timeout=120,
            )[0]
        except OSError as error:
            statuses[page_id] = repr(error)

    threads = [threading.Thread(target=post, args=(page_id,)) for page_id in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(150)
    return statuses


@pytest.mark.server
def test_parallel_rest_writes_to_the_real_server_never_conflict(dakto_server, tmp_path):
    """Rounds of 8 pages POSTed at once into one folder (the folder's date and
    order list, the catalog, history ids: each shared by all of them): every
    one is 201 and Zope had no ConflictError to retry."""
    var = tmp_path / "var"
    server = dakto_server(var=var, DAKTO_DEMO="0", DAKTO_THREADS="4")
    for round_ in range(3):
        statuses = post_pages(server, [f"r{round_}-{n}" for n in range(8)])
        assert set(statuses.values()) == {201}, statuses
    log = (Path(var) / "log" / "event.log").read_text(errors="replace")
    # (a GET of the front page soon after start may conflict on its portlet:
    # not a write of this test)
    conflicts = [
        line for line in log.splitlines() if "ConflictError" in line and "/gioi-thieu" in line
    ]
    assert conflicts == [], "\n".join(conflicts[:5])


def test_writes_take_turns_reads_do_not_wait_and_a_long_wait_goes_ahead():
    """The filter's own rules, around a WSGI app whose first write blocks."""
    import time

    from dakto.policy.concurrency.turns import WriteTurns

    release = threading.Event()
    started = []

    def app(environ, start_response):
        started.append(environ["PATH_INFO"])
        if environ["PATH_INFO"] == "/slow":
            release.wait(10)
        return [b"ok"]

    turns = WriteTurns(app, wait=0.5)

    def call(method, path):
        return turns({"REQUEST_METHOD": method, "PATH_INFO": path}, None)

    slow = threading.Thread(target=call, args=("POST", "/slow"))
    slow.start()
    while not started:
        time.sleep(0.01)
    began = time.monotonic()
    assert call("GET", "/read") == [b"ok"]  # reads never wait
    assert time.monotonic() - began < 0.3
    waiting = threading.Thread(target=call, args=("PATCH", "/write"))
    waiting.start()
    time.sleep(0.2)
    assert started == ["/slow", "/read"]  # the second write waits its turn
    waiting.join(5)
    assert started == ["/slow", "/read", "/write"]  # … for 0.5 s at most
    release.set()
    slow.join(5)
    began = time.monotonic()
    assert call("DELETE", "/next") == [b"ok"]  # the turn was given back
    assert time.monotonic() - began < 0.3
