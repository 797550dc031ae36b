"""Heavy traffic does not write on every view: each process adds its views
up in memory and writes them in batches, into PostgreSQL (a RelStorage
cluster) or an SQLite file next to the Data.fs (FileStorage), never the
ZODB; concurrent views of many threads and processes add up, none is lost,
and a database that cannot be reached keeps them until it can."""

import threading
import uuid

import pytest

from dakto.policy.product_config import SHARED_TABLE_DSN
from dakto.policy.shared_tables import SharedTable
from dakto.policy.usage.store import DDL
from dakto.policy.usage.store import FILE_NAME
from dakto.policy.usage.store import FLUSH_VIEWS
from dakto.policy.usage.store import TABLE
from dakto.policy.usage.store import Batch
from dakto.policy.usage.store import ProcessViews
from dakto.policy.usage.store import TableViews


SITE = "/dakto"
ITEMS = [uuid.uuid4().hex for _ in range(3)]
DAY = "2026-07-01"
THREADS = 8
EACH = 500  # views per thread


@pytest.fixture(scope="module")
def dsn(postgres):
    return postgres.createdb(f"views_{uuid.uuid4().hex[:8]}")


def file_storage_process(tmp_path):
    """A process on a FileStorage: its counts in the SQLite file next to the Data.fs."""
    from ZODB import DB
    from ZODB.FileStorage import FileStorage

    db = DB(FileStorage(str(tmp_path / "Data.fs")))
    process = ProcessViews({})
    process.use_database(db)
    db.close()
    return process


def hammer(processes):
    """``THREADS`` threads per process, each counting ``EACH`` views at once."""
    start = threading.Barrier(THREADS * len(processes))

    def views(process, n):
        start.wait()
        for i in range(EACH):
            process.add(SITE, ITEMS[(n + i) % len(ITEMS)], DAY)

    threads = [
        threading.Thread(target=views, args=(process, n))
        for process in processes
        for n in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for process in processes:
        process.flush()


def check_all_counted(processes, other):
    views = THREADS * EACH * len(processes)
    assert sum(other.total(SITE, uid) for uid in ITEMS) == views
    assert sum(other.by_item(SITE, DAY, DAY).values()) == views
    assert [row[2] for row in other.dump()] == [DAY] * len(ITEMS)  # one row per item per day
    for process in processes:
        # a statement per FLUSH_VIEWS views (and the last partial batch), not per view
        assert process.batch.writes <= THREADS * EACH // FLUSH_VIEWS + 2


def test_a_cluster_counts_in_batches_in_postgresql(dsn):
    config = {SHARED_TABLE_DSN: dsn}
    processes = [ProcessViews(config), ProcessViews(config)]  # two Zope processes
    processes[0].clear()
    hammer(processes)
    check_all_counted(processes, ProcessViews(config))
    assert processes[0].store.table.dsn == dsn


def test_one_process_on_filestorage_counts_in_batches_in_a_file(tmp_path):
    process = file_storage_process(tmp_path)
    hammer([process])
    assert (tmp_path / FILE_NAME).exists()
    # the next process on the same data (a restart) reads the same numbers
    check_all_counted([process], file_storage_process(tmp_path))


def test_the_numbers_read_include_the_batch_not_written_yet(tmp_path):
    process = file_storage_process(tmp_path)
    process.batch.seconds = 3600  # nothing written by the clock in this test
    for _ in range(3):
        process.add(SITE, ITEMS[0], DAY)
    assert process.batch.writes == 0
    assert process.total(SITE, ITEMS[0]) == 3
    assert process.by_day(SITE, ITEMS[0], DAY, DAY) == [(DAY, 3)]
    assert file_storage_process(tmp_path).total(SITE, ITEMS[0]) == 0  # not in the file yet
    process.flush()
    assert file_storage_process(tmp_path).total(SITE, ITEMS[0]) == 3


def test_a_full_batch_is_written_by_the_background_thread(tmp_path):
    process = file_storage_process(tmp_path)
    process.batch.seconds = 3600
    process.batch.views = 10
    for _ in range(10):
        process.add(SITE, ITEMS[1], DAY)
    other = file_storage_process(tmp_path)
    for _ in range(100):
        if other.total(SITE, ITEMS[1]) == 10:
            break
        threading.Event().wait(0.05)
    assert other.total(SITE, ITEMS[1]) == 10
    assert process.batch.writes == 1


def test_a_late_wake_up_writes_no_small_batch(tmp_path):
    """Views counted while a full batch is written wake the thread again; it
    finds the batch not full and waits for the next full one or the clock."""
    process = file_storage_process(tmp_path)
    process.batch.seconds = 3600
    process.batch.views = 10
    for _ in range(10):
        process.add(SITE, ITEMS[1], DAY)
    for _ in range(100):
        if process.batch.writes == 1:
            break
        threading.Event().wait(0.05)
    assert process.batch.writes == 1
    for _ in range(3):
        process.add(SITE, ITEMS[1], DAY)
    process.batch._wake.set()  # the late wake-up of a batch already written
    threading.Event().wait(0.3)
    assert process.batch.writes == 1
    assert process.batch.pending() == {(SITE, ITEMS[1], DAY): 3}


def test_an_unreachable_database_keeps_the_views_until_it_answers(dsn):
    down = TableViews(
        SharedTable("host=127.0.0.1 port=1 dbname=x user=x connect_timeout=2", TABLE, DDL)
    )
    batch = Batch(down, seconds=3600)
    for _ in range(4):
        batch.add(SITE, ITEMS[2], DAY)
    batch.flush()  # fails: nothing lost
    assert batch.writes == 0
    assert batch.pending() == {(SITE, ITEMS[2], DAY): 4}
    up = TableViews(SharedTable(dsn, TABLE, DDL))
    up.clear()
    batch.store = up  # the database answers again
    batch.flush()
    assert batch.pending() == {}
    assert up.total(SITE, ITEMS[2]) == 4
