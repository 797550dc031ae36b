"""Event times per key that every Zope process of the site sees: the login
lockout's failures (security/lockout.py) and the public forms' rate limits
(antispam.py).

They are not in the ZODB: a failed login ends in a 401 whose transaction is
aborted (a persistent counter would lose exactly the attempts it must
count), and writing on every anonymous request would turn brute force or a
flood into ZODB write conflicts. So, for one ``ProcessCounters``:

- on RelStorage, where several Zope processes serve the same site, a table of
  the same PostgreSQL database (``shared_tables``), written at once outside
  the ZODB transaction: an attacker spread over N processes gets no more
  attempts than against one;
- on FileStorage (one process), once Zope opens it (``use_database``), the
  same table in an SQLite file next to the Data.fs: written at once too, and
  kept across a restart;
- without either (the test layers' DemoStorage), this process's memory.

When the database cannot be reached the process counts in its own memory
(and says so in the log) rather than letting everything through.
"""

import contextlib
import os
import threading
import time

from dakto.policy.shared_tables import FileTable
from dakto.policy.shared_tables import SharedTableUnavailable
from dakto.policy.shared_tables import shared_table


MAX_MEMORY_KEYS = 10000  # then the idle keys are forgotten


class Counters:
    """Event times per key (a tuple of strings), in this process's memory."""

    KEEP_SECONDS = 24 * 3600  # older events no window counts

    def __init__(self):
        self._lock = threading.Lock()
        self._failures = {}

    def clear(self):
        with self._lock:
            self._failures.clear()

    def _recent(self, key, now, window):
        times = [t for t in self._failures.get(key, ()) if now - t < window]
        if times:
            self._failures[key] = times
        else:
            self._failures.pop(key, None)
        return times

    def recent(self, key, window, limit, now=None):
        """The oldest ``limit`` times of ``key`` within ``window`` seconds."""
        now = time.time() if now is None else now
        with self._lock:
            return self._recent(key, now, window)[:limit]

    def locked_for(self, key, attempts, window, now=None):
        """Seconds left of the lock on ``key`` (0: not locked)."""
        now = time.time() if now is None else now
        times = self.recent(key, window, attempts, now)
        if len(times) < attempts:
            return 0
        return max(1, int(times[attempts - 1] + window - now) + 1)

    def fail(self, key, now=None):
        """Count one event of ``key`` (a failure, a hit)."""
        now = time.time() if now is None else now
        with self._lock:
            self._failures.setdefault(key, []).append(now)
            if len(self._failures) > MAX_MEMORY_KEYS:
                for idle in [
                    k for k, v in self._failures.items() if v[-1] < now - self.KEEP_SECONDS
                ]:
                    del self._failures[idle]

    def reset(self, key):
        with self._lock:
            self._failures.pop(key, None)

    def reset_prefix(self, prefix):
        """Forget every key that starts with the tuple ``prefix``."""
        with self._lock:
            for key in [k for k in self._failures if k[: len(prefix)] == prefix]:
                del self._failures[key]


class SharedCounters:
    """The same counters in a table (``shared_tables.SharedTable`` or
    ``FileTable``), seen by every process that opens it."""

    DDL = (
        "CREATE TABLE IF NOT EXISTS {table} (key text NOT NULL, at double precision NOT NULL);"
        " CREATE INDEX IF NOT EXISTS {table}_key_at ON {table} (key, at)"
    )
    KEEP_SECONDS = Counters.KEEP_SECONDS

    def __init__(self, table):
        self.table = table
        self._fallback = Counters()

    @staticmethod
    def _key(key):
        return ":".join(key)

    def clear(self):
        self._fallback.clear()
        with contextlib.suppress(SharedTableUnavailable):
            self.table.run("DELETE FROM {table}")

    def recent(self, key, window, limit, now=None):
        now = time.time() if now is None else now
        try:
            rows = self.table.run(
                "SELECT at FROM {table} WHERE key = %s AND at > %s ORDER BY at LIMIT %s",
                self._key(key),
                now - window,
                limit,
            )
        except SharedTableUnavailable:
            return self._fallback.recent(key, window, limit, now)
        return [row[0] for row in rows]

    locked_for = Counters.locked_for

    def fail(self, key, now=None):
        now = time.time() if now is None else now
        self._fallback.fail(key, now)
        with contextlib.suppress(SharedTableUnavailable):
            self.table.run(
                "INSERT INTO {table} (key, at) VALUES (%s, %s); DELETE FROM {table} WHERE at < %s",
                self._key(key),
                now,
                now - self.KEEP_SECONDS,
            )

    def reset(self, key):
        self._fallback.reset(key)
        with contextlib.suppress(SharedTableUnavailable):
            self.table.run("DELETE FROM {table} WHERE key = %s", self._key(key))

    def reset_prefix(self, prefix):
        self._fallback.reset_prefix(prefix)
        start = self._key(prefix) + ":"
        with contextlib.suppress(SharedTableUnavailable):
            self.table.run("DELETE FROM {table} WHERE substr(key, 1, %s) = %s", len(start), start)


def counters_for(config, table):
    """Shared counters in ``table`` on RelStorage (``config``: the product
    config), else (until the database is known) this process's memory."""
    shared = shared_table(config, table, SharedCounters.DDL)
    return Counters() if shared is None else SharedCounters(shared)


def file_storage_path(storage):
    """The Data.fs of a FileStorage (also inside a BlobStorage, which hands
    attribute look-ups to the storage it wraps), else None."""
    path = getattr(storage, "_file_name", None)
    return path if isinstance(path, str) and os.path.isfile(path) else None


class ProcessCounters:
    """The counters of one kind this process uses: PostgreSQL on RelStorage
    (table ``table``), the SQLite file ``file_name`` next to the Data.fs once
    a FileStorage is opened (``use_database``), else memory."""

    def __init__(self, config, table, file_name):
        self.table = table
        self.file_name = file_name
        self.store = counters_for(config, table)

    def use_database(self, db):
        if isinstance(self.store, SharedCounters):
            return  # PostgreSQL, or a file already
        data_fs = file_storage_path(db.storage)
        if data_fs:
            path = os.path.join(os.path.dirname(data_fs), self.file_name)
            self.store = SharedCounters(FileTable(path, self.table, SharedCounters.DDL))

    def __getattr__(self, name):
        return getattr(self.store, name)
