"""The login-failure counters and the audit log of a RelStorage cluster, in
PostgreSQL (shared_tables.py), against a real server: what one process
writes another reads, and an unreachable database degrades to the process's
own memory and file instead of failing the login."""

import json
import uuid

import pytest

from dakto.policy.product_config import AUDIT_LOG
from dakto.policy.product_config import SHARED_TABLE_DSN
from dakto.policy.security import audit
from dakto.policy.security.lockout import Counters
from dakto.policy.security.lockout import SharedCounters
from dakto.policy.security.lockout import counters_for
from dakto.policy.shared_tables import SharedTable
from dakto.policy.shared_tables import SharedTableUnavailable
from dakto.policy.shared_tables import shared_table


def relstorage_env(dsn):
    """The product config `dakto` writes into zope.conf for RelStorage."""
    return {SHARED_TABLE_DSN: dsn}


@pytest.fixture(scope="module")
def dsn(postgres):
    return postgres.createdb(f"shared_{uuid.uuid4().hex[:8]}")


def test_filestorage_keeps_them_in_the_process():
    env = {AUDIT_LOG: "/tmp/audit.log"}  # the product config on FileStorage
    assert shared_table(env, "t", "") is None
    assert type(counters_for(env)) is Counters
    assert shared_table({}, "t", "") is None  # no product config (a test layer)
    assert shared_table({SHARED_TABLE_DSN: " "}, "t", "") is None


def test_two_processes_count_the_same_failures(dsn):
    # two counters, as two Zope processes have, on one database
    first, second = counters_for(relstorage_env(dsn)), counters_for(relstorage_env(dsn))
    assert isinstance(first, SharedCounters) and isinstance(second, SharedCounters)
    key = ("login", "binh")
    now = 1_800_000_000.0
    for i in range(3):
        first.fail(key, now=now + i)
    for i in range(2):
        second.fail(key, now=now + 3 + i)
    assert first.locked_for(key, attempts=6, window=900, now=now + 10) == 0
    # locked until the fifth failure (at now + 4) is 900 s old
    assert second.locked_for(key, attempts=5, window=900, now=now + 10) == 895
    assert first.locked_for(key, attempts=5, window=900, now=now + 10) == 895
    # outside the window they no longer count
    assert first.locked_for(key, attempts=5, window=900, now=now + 1000) == 0
    # a successful login at one process resets it for both
    second.reset(key)
    assert first.locked_for(key, attempts=1, window=900, now=now + 10) == 0
    other = ("ip", "10.0.0.9")
    first.fail(other, now=now)
    first.clear()
    assert second.locked_for(other, attempts=1, window=900, now=now + 1) == 0


def test_filestorage_keeps_them_in_a_file_next_to_the_data_fs(tmp_path):
    """Once Zope opens a FileStorage, the counters go into an SQLite file next
    to its Data.fs: the next process on the same data (a restart) sees them."""
    from ZODB import DB
    from ZODB.blob import BlobStorage
    from ZODB.DemoStorage import DemoStorage
    from ZODB.FileStorage import FileStorage

    from dakto.policy.security.lockout import FILE_NAME
    from dakto.policy.security.lockout import ProcessCounters

    env = {}
    key = ("ip", "10.0.0.7")
    now = 1_800_000_000.0

    def opened():
        storage = BlobStorage(str(tmp_path / "blobs"), FileStorage(str(tmp_path / "Data.fs")))
        return DB(storage)

    db = opened()
    before = ProcessCounters(env)
    assert type(before.store) is Counters
    before.use_database(db)
    assert isinstance(before.store, SharedCounters)
    for i in range(3):
        before.fail(key, now=now + i)
    db.close()
    assert (tmp_path / FILE_NAME).exists()

    db = opened()
    after = ProcessCounters(env)  # the restarted process
    after.use_database(db)
    assert after.locked_for(key, attempts=3, window=900, now=now + 10) == 893
    after.reset(key)
    assert after.locked_for(key, attempts=1, window=900, now=now + 10) == 0
    db.close()
    # a database without a file (the test layers): memory
    memory = ProcessCounters(env)
    memory.use_database(DB(DemoStorage()))
    assert type(memory.store) is Counters


def test_an_unreachable_database_falls_back_to_memory():
    table = SharedTable(
        "host=127.0.0.1 port=1 dbname=none user=none connect_timeout=2",
        "dakto_login_failure",
        SharedCounters.DDL,
    )
    with pytest.raises(SharedTableUnavailable):
        table.run("SELECT 1")
    counters = SharedCounters(table)
    key = ("login", "an")
    for _ in range(5):
        counters.fail(key)  # no exception: counted in this process
    assert counters.locked_for(key, attempts=5, window=900) > 0
    counters.reset(key)
    assert counters.locked_for(key, attempts=5, window=900) == 0


def test_audit_entries_of_every_process_in_one_table(dsn, monkeypatch, audit_file):
    table = shared_table(relstorage_env(dsn), "dakto_audit_test", audit.SHARED_DDL)
    monkeypatch.setattr(audit, "SHARED", table)
    audit.record("login_failed", login="binh", ip="10.0.0.1", actor=None)
    audit.record("workflow", actor="an", ip="10.0.0.2", transition="publish")
    # what another process wrote straight into the table
    table.run(
        "INSERT INTO {table} (kind, entry) VALUES (%s, %s)",
        "login",
        json.dumps({"event": "login", "kind": "login", "login": "chi"}),
    )
    assert [e["event"] for e in audit.read()] == ["login", "workflow", "login_failed"]
    assert [e.get("login") for e in audit.read(kind="login")] == ["chi", "binh"]
    assert len(audit.read(limit=1)) == 1
    # the process's own file has its own entries only
    assert [e["event"] for e in audit.read_file()] == ["workflow", "login_failed"]
    # the database gone: the file answers
    monkeypatch.setattr(
        audit,
        "SHARED",
        SharedTable("host=127.0.0.1 port=1 connect_timeout=2", "x", audit.SHARED_DDL),
    )
    assert [e["event"] for e in audit.read()] == ["workflow", "login_failed"]
