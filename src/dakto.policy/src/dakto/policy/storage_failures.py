"""Is an error the database being unreachable or the disk being full?

Used by the site's error pages (``presentation/errors.py``) and by the WSGI
filter of the deployment tool (``dakto.instance.wsgi``), which answers such
failures outside Plone with a static 503 page.
"""

import errno

from ZODB.POSException import StorageError


DISK_ERRORS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
RETRY_AFTER = "30"


def is_storage_failure(error):
    """Is ``error`` the database being unreachable or the disk being full?"""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in DISK_ERRORS:
            return True
        if isinstance(error, StorageError):
            return True
        module = type(error).__module__ or ""
        if module.startswith(("psycopg2", "relstorage")) and type(error).__name__ in (
            "OperationalError",
            "InterfaceError",
            "DisconnectedError",
            "ReplicaClosedException",
        ):
            return True
        error = error.__cause__ or error.__context__
    return False
