"""Tables the Zope processes of a RelStorage cluster share outside the ZODB.

Some records must be written at once, whether the request's transaction
commits or not, and be seen by every process: failed logins (the request
ends in a 401 and its transaction is aborted; the lockout must count the
attempts made at every process) and the audit log. On RelStorage they are
small tables of the same PostgreSQL database, written with an autocommit
connection of their own (one per thread). On FileStorage there is one
process and no such database: ``shared_table`` returns None and the callers
keep the record in memory or in a file.
"""

import logging
import threading

from dakto.policy.instance.settings import SettingsError
from dakto.policy.instance.settings import load


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


def shared_table(env, name, ddl):
    """A ``SharedTable`` when this process runs on RelStorage, else None."""
    try:
        settings = load(env)
    except SettingsError:  # not started by `dakto` (a bare test instance)
        return None
    if settings.storage != "relstorage":
        return None
    return SharedTable(settings.pg_dsn, name, ddl)
