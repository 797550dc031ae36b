"""The add-on's runtime settings: zope.conf's ``<product-config dakto.policy>``.

The deployment tool writes that section (``instance/templates/zope.conf.in``
for the ``dakto`` command, ``zope-conf-additional`` in buildout.cfg); the
add-on reads it here, never environment variables. Keys:

- ``shared-table-dsn``: libpq connection string of the PostgreSQL database
  whose tables the Zope processes of a RelStorage cluster share (the login
  lockout counters, the audit log); absent on FileStorage;
- ``audit-log``: the audit log file, used when logging set no handler for
  the ``dakto.audit`` logger (e.g. in a ``dakto`` subcommand);
- ``smtp-host``, ``smtp-port``, ``mail-from``: the site's mail server and
  sender (``apply_mail_settings``); absent: the site keeps its own;
- ``purge-url``: the caching proxies Plone purges, separated by spaces
  (``caching.purge.apply_purge_settings``); absent: the site keeps its own;
- ``site-backup-dir``: where the administrators' page and ``@dakto-sites``
  write the backup of a site they remove (``$DAKTO_BACKUP_DIR/sites``, as
  ``dakto remove-site``); absent: ``<clienthome>/site-backups``.

The mail and purge settings are stored in the site (``apply_to_site``, which
the ``dakto`` command runs on every start) so that the control panels show
them.
"""

from App.config import getConfiguration


NAME = "dakto.policy"
SHARED_TABLE_DSN = "shared-table-dsn"
AUDIT_LOG = "audit-log"
SMTP_HOST = "smtp-host"
SMTP_PORT = "smtp-port"
MAIL_FROM = "mail-from"
PURGE_URL = "purge-url"
SITE_BACKUP_DIR = "site-backup-dir"


def section():
    """This process's ``<product-config dakto.policy>`` (a new dict; empty when
    zope.conf has none, e.g. in the test layers)."""
    config = getattr(getConfiguration(), "product_config", None) or {}
    return dict(config.get(NAME) or {})


def get(key, default=None):
    return section().get(key, default)


def apply_mail_settings(portal, config=None):
    """``smtp-host``/``smtp-port`` and ``mail-from`` of ``config`` (default:
    this process's product config) into the site's MailHost and mail
    settings; an absent or empty one keeps what the site has."""
    config = section() if config is None else config
    registry = portal.portal_registry
    host = (config.get(SMTP_HOST) or "").strip()
    if host:
        port = int(config.get(SMTP_PORT) or 25)
        portal.MailHost.smtp_host = host
        portal.MailHost.smtp_port = port
        registry["plone.smtp_host"] = host
        registry["plone.smtp_port"] = port
    sender = (config.get(MAIL_FROM) or "").strip()
    if sender:
        registry["plone.email_from_address"] = sender


def apply_to_site(portal, config=None):
    """The mail and purge settings of ``config`` (default: this process's
    product config) into ``portal``."""
    from zope.component.hooks import setSite

    from dakto.policy.caching.purge import apply_purge_settings

    config = section() if config is None else config
    setSite(portal)
    apply_mail_settings(portal, config)
    apply_purge_settings(portal, (config.get(PURGE_URL) or "").strip())
