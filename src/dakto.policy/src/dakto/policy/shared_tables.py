"""Tables the Zope processes of a RelStorage cluster share outside the ZODB.

Some records must be written at once, whether the request's transaction
commits or not, and be seen by every process: failed logins (the request
ends in a 401 and its transaction is aborted; the lockout must count the
attempts made at every process) and the audit log. On RelStorage they are
small tables of the same PostgreSQL database, written with an autocommit
connection of their own (one per thread). On FileStorage there is one
process and no such database: ``shared_table`` returns None and the callers
keep the record in memory or in a file; ``FileTable`` is the same kind of
table in an SQLite file (e.g. next to the Data.fs), for records that must
survive a restart of that one process.
"""

import logging
import sqlite3
import threading

from dakto.policy.product_config import SHARED_TABLE_DSN


logger = logging.getLogger(__name__)


class SharedTableUnavailable(Exception):
    """PostgreSQL could not be reached or refused the statement."""


class SharedTable:
    """One table, created on first use with ``ddl`` (``CREATE … IF NOT EXISTS``)."""

    def __init__(self, dsn, name, ddl):
        self.dsn = dsn
        self.name = name
        self.ddl = ddl
        self._local = threading.local()
        self._created = False

    def _connection(self):
        import psycopg2

        connection = getattr(self._local, "connection", None)
        if connection is None or connection.closed:
            connection = psycopg2.connect(self.dsn, connect_timeout=5)
            connection.autocommit = True
            self._local.connection = connection
        return connection

    def run(self, sql, *params):
        """Run ``sql`` (``{table}`` is the table's name); the rows of a query,
        else None. Raises ``SharedTableUnavailable``."""
        import psycopg2

        try:
            with self._connection().cursor() as cursor:
                if not self._created:
                    cursor.execute(self.ddl.format(table=self.name))
                    self._created = True
                cursor.execute(sql.format(table=self.name), params)
                return cursor.fetchall() if cursor.description else None
        except psycopg2.Error as error:
            connection = getattr(self._local, "connection", None)
            if connection is not None:
                connection.close()
            logger.warning("shared table %s: %s", self.name, error)
            raise SharedTableUnavailable(str(error)) from error


class FileTable:
    """The same interface as ``SharedTable`` on an SQLite file: written at
    once (autocommit), outside the ZODB transaction, kept across restarts.
    The SQL is written for PostgreSQL (``%s`` parameters, statements
    separated by ``; ``); it is translated here."""

    def __init__(self, path, name, ddl):
        self.path = str(path)
        self.name = name
        self.ddl = ddl
        self._local = threading.local()

    def _connection(self):
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.executescript(self.ddl.format(table=self.name))
            self._local.connection = connection
        return connection

    def run(self, sql, *params):
        """Run ``sql``; the rows of the last statement if it is a query, else
        None. Raises ``SharedTableUnavailable``."""
        params = list(params)
        rows = None
        try:
            connection = self._connection()
            for statement in sql.format(table=self.name).split("; "):
                count = statement.count("%s")
                cursor = connection.execute(statement.replace("%s", "?"), params[:count])
                params = params[count:]
                rows = cursor.fetchall() if cursor.description else None
        except sqlite3.Error as error:
            connection = getattr(self._local, "connection", None)
            if connection is not None:
                connection.close()
                self._local.connection = None
            logger.warning("file table %s (%s): %s", self.name, self.path, error)
            raise SharedTableUnavailable(str(error)) from error
        return rows


def shared_table(config, name, ddl):
    """A ``SharedTable`` when this process runs on RelStorage (``config``, the
    product config, names the database: ``shared-table-dsn``), else None."""
    dsn = (config.get(SHARED_TABLE_DSN) or "").strip()
    return SharedTable(dsn, name, ddl) if dsn else None
