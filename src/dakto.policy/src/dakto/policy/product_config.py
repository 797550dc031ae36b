"""The add-on's runtime settings: zope.conf's ``<product-config dakto.policy>``.

The deployment tool writes that section (``instance/templates/zope.conf.in``
for the ``dakto`` command, ``zope-conf-additional`` in buildout.cfg); the
add-on reads it here, never environment variables. Keys:

- ``shared-table-dsn``: libpq connection string of the PostgreSQL database
  whose tables the Zope processes of a RelStorage cluster share (the login
  lockout counters, the audit log); absent on FileStorage;
- ``audit-log``: the audit log file, used when logging set no handler for
  the ``dakto.audit`` logger (e.g. in a ``dakto`` subcommand).
"""

from App.config import getConfiguration


NAME = "dakto.policy"
SHARED_TABLE_DSN = "shared-table-dsn"
AUDIT_LOG = "audit-log"


def section():
    """This process's ``<product-config dakto.policy>`` (a new dict; empty when
    zope.conf has none, e.g. in the test layers)."""
    config = getattr(getConfiguration(), "product_config", None) or {}
    return dict(config.get(NAME) or {})


def get(key, default=None):
    return section().get(key, default)
