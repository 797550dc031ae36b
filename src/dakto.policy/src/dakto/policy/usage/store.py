"""Page views per item per day, outside the ZODB.

A view is one row ``(site, uid, day, views)`` of a table that every Zope
process of the site writes at once, with no ZODB transaction (so a flood of
views is never a flood of ZODB write conflicts):

- on RelStorage, a table of the cluster's PostgreSQL database
  (``shared_tables``, product-config ``shared-table-dsn``): ``dakto_page_views``;
- on FileStorage (one process), once Zope opens it, the same table in an
  SQLite file next to the Data.fs (``page-views.sqlite``), kept across restarts;
- without either (the test layers' DemoStorage), this process's memory.

Views are counted in batches: each process adds them up in its memory
(``Batch``) and writes them every ``FLUSH_SECONDS`` or ``FLUSH_VIEWS``
views, whichever comes first (and when the process exits), as one
``INSERT … ON CONFLICT … DO UPDATE SET views = views + excluded.views`` for
every (site, item, day) of the batch: concurrent processes add up, none is
lost, and a flood of views is a few statements a minute, never a ZODB write.
The numbers read (``total``, ``by_item``…) are the table's plus this
process's batch not yet written. Nothing about the visitor is stored: the
site's path, the item's UID, the Viet Nam day and the number.
"""

import atexit
import contextlib
import logging
import os
import threading
import time

from dakto.policy import product_config
from dakto.policy.counters import file_storage_path
from dakto.policy.shared_tables import FileTable
from dakto.policy.shared_tables import SharedTableUnavailable
from dakto.policy.shared_tables import shared_table


logger = logging.getLogger(__name__)

TABLE = "dakto_page_views"
FLUSH_SECONDS = 30
FLUSH_VIEWS = 500
FILE_NAME = "page-views.sqlite"
DDL = (
    "CREATE TABLE IF NOT EXISTS {table} (site text NOT NULL, uid text NOT NULL,"
    " day text NOT NULL, views integer NOT NULL, PRIMARY KEY (site, uid, day))"
)


class MemoryViews:
    """The same operations in this process's memory."""

    def __init__(self):
        self._lock = threading.Lock()
        self.rows = {}  # (site, uid, day) -> views

    def add(self, site, uid, day, views=1):
        with self._lock:
            key = (site, uid, day)
            self.rows[key] = self.rows.get(key, 0) + views

    def add_many(self, counts):
        """``counts``: ``{(site, uid, day): views}``."""
        for (site, uid, day), views in counts.items():
            self.add(site, uid, day, views)

    def total(self, site, uid):
        with self._lock:
            return sum(n for (s, u, _d), n in self.rows.items() if s == site and u == uid)

    def by_item(self, site, first, last):
        found = {}
        with self._lock:
            for (s, u, d), n in self.rows.items():
                if s == site and first <= d <= last:
                    found[u] = found.get(u, 0) + n
        return found

    def by_day(self, site, uid, first, last):
        with self._lock:
            return sorted(
                (d, n)
                for (s, u, d), n in self.rows.items()
                if s == site and u == uid and first <= d <= last
            )

    def dump(self):
        """Every stored row (what is kept, for inspection)."""
        with self._lock:
            return sorted((*key, n) for key, n in self.rows.items())

    def forget_site(self, site):
        with self._lock:
            for key in [k for k in self.rows if k[0] == site]:
                del self.rows[key]

    def clear(self):
        with self._lock:
            self.rows.clear()


class TableViews:
    """The operations on a ``SharedTable`` or ``FileTable``. ``add_many``
    raises ``SharedTableUnavailable`` (the batch keeps its counts and tries
    again); a read when the database cannot be reached finds nothing (the
    table's ``run`` logs it)."""

    def __init__(self, table):
        self.table = table

    def add_many(self, counts):
        """``counts``: ``{(site, uid, day): views}``, written as one statement."""
        if not counts:
            return
        values = ", ".join(["(%s, %s, %s, %s)"] * len(counts))
        params = [v for (site, uid, day), views in counts.items() for v in (site, uid, day, views)]
        self.table.run(
            "INSERT INTO {table} (site, uid, day, views) VALUES " + values + " ON CONFLICT"
            " (site, uid, day) DO UPDATE SET views = {table}.views + excluded.views",
            *params,
        )

    def _rows(self, sql, *params):
        try:
            return self.table.run(sql, *params) or []
        except SharedTableUnavailable:
            return []

    def total(self, site, uid):
        rows = self._rows(
            "SELECT COALESCE(SUM(views), 0) FROM {table} WHERE site = %s AND uid = %s", site, uid
        )
        return int(rows[0][0]) if rows else 0

    def by_item(self, site, first, last):
        rows = self._rows(
            "SELECT uid, SUM(views) FROM {table} WHERE site = %s AND day >= %s"
            " AND day <= %s GROUP BY uid",
            site,
            first,
            last,
        )
        return {uid: int(n) for uid, n in rows}

    def by_day(self, site, uid, first, last):
        rows = self._rows(
            "SELECT day, views FROM {table} WHERE site = %s AND uid = %s AND day >= %s"
            " AND day <= %s ORDER BY day",
            site,
            uid,
            first,
            last,
        )
        return [(day, int(n)) for day, n in rows]

    def dump(self):
        rows = self.table.run("SELECT site, uid, day, views FROM {table} ORDER BY site, uid, day")
        return [tuple(row) for row in rows]

    def forget_site(self, site):
        with contextlib.suppress(SharedTableUnavailable):
            self.table.run("DELETE FROM {table} WHERE site = %s", site)

    def clear(self):
        with contextlib.suppress(SharedTableUnavailable):
            self.table.run("DELETE FROM {table}")


class Batch:
    """The views this process has counted and not written yet, written to
    ``store`` (``add_many``) every ``seconds`` or ``views`` views by one
    background thread (and at exit); ``writes`` counts the statements sent."""

    def __init__(self, store, seconds=FLUSH_SECONDS, views=FLUSH_VIEWS):
        self.store = store
        self.seconds = seconds
        self.views = views
        self.writes = 0
        self._pending = {}
        self._size = 0
        self._lock = threading.Lock()  # the pending counts
        self._flush_lock = threading.Lock()  # one write at a time
        self._wake = threading.Event()
        self._thread = None

    def add(self, site, uid, day):
        with self._lock:
            key = (site, uid, day)
            self._pending[key] = self._pending.get(key, 0) + 1
            self._size += 1
            full = self._size >= self.views
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="dakto-page-views", daemon=True
                )
                self._thread.start()
        if full:
            self._wake.set()

    def _run(self):
        # Writes a full batch, or what is pending once ``seconds`` have passed
        # since the last write.  A wake-up that arrives late (set again by
        # the views counted while a batch was being written) finds the batch
        # no longer full and waits on: no write of a few views.
        last = time.monotonic()
        while True:
            self._wake.wait(max(0.0, last + self.seconds - time.monotonic()))
            self._wake.clear()
            with self._lock:
                full = self._size >= self.views
            if full or time.monotonic() >= last + self.seconds:
                self.flush()
                last = time.monotonic()

    def flush(self):
        """Write the pending counts now (kept for the next try if the database fails)."""
        with self._flush_lock:
            with self._lock:
                counts, self._pending, self._size = self._pending, {}, 0
            if not counts:
                return
            try:
                self.store.add_many(counts)
                self.writes += 1
            except SharedTableUnavailable:
                logger.warning("page views: %d kept in memory, written later", sum(counts.values()))
                with self._lock:
                    for key, views in counts.items():
                        self._pending[key] = self._pending.get(key, 0) + views
                        self._size += views

    def pending(self):
        with self._lock:
            return dict(self._pending)

    def discard(self, site=None):
        with self._lock:
            for key in [k for k in self._pending if site is None or k[0] == site]:
                self._size -= self._pending.pop(key)


class ProcessViews:
    """The store this process uses: PostgreSQL on RelStorage, the SQLite
    file next to the Data.fs once a FileStorage is opened, else memory;
    views are added through the batch, read as the store's plus the batch's."""

    def __init__(self, config):
        shared = shared_table(config, TABLE, DDL)
        self.store = MemoryViews() if shared is None else TableViews(shared)
        self.batch = Batch(self.store)

    def use_database(self, db):
        if isinstance(self.store, TableViews):
            return
        data_fs = file_storage_path(db.storage)
        if data_fs:
            self.batch.flush()
            path = os.path.join(os.path.dirname(data_fs), FILE_NAME)
            self.store = self.batch.store = TableViews(FileTable(path, TABLE, DDL))

    def add(self, site, uid, day):
        self.batch.add(site, uid, day)

    def flush(self):
        self.batch.flush()

    def total(self, site, uid):
        pending = sum(n for (s, u, _d), n in self.batch.pending().items() if (s, u) == (site, uid))
        return self.store.total(site, uid) + pending

    def by_item(self, site, first, last):
        found = self.store.by_item(site, first, last)
        for (s, u, d), n in self.batch.pending().items():
            if s == site and first <= d <= last:
                found[u] = found.get(u, 0) + n
        return found

    def by_day(self, site, uid, first, last):
        found = dict(self.store.by_day(site, uid, first, last))
        for (s, u, d), n in self.batch.pending().items():
            if (s, u) == (site, uid) and first <= d <= last:
                found[d] = found.get(d, 0) + n
        return sorted(found.items())

    def dump(self):
        """Every stored row (what is kept, for inspection), the batch written first."""
        self.batch.flush()
        return self.store.dump()

    def forget_site(self, site):
        self.batch.discard(site)
        self.store.forget_site(site)

    def clear(self):
        self.batch.discard()
        self.store.clear()


VIEWS = ProcessViews(product_config.section())
atexit.register(VIEWS.flush)


def database_opened(event):
    """``IDatabaseOpenedWithRoot``: keep the counts next to a Data.fs."""
    VIEWS.use_database(event.database)
