"""Open the instance's database and create the Plone site when missing."""

from contextlib import contextmanager

import transaction

from dakto.instance.settings import ADMIN_USER
from dakto.instance.settings import SITE_ID
from dakto.policy import DEMO_PROFILE_ID
from dakto.policy import PROFILE_ID
from dakto.policy import SITE_LANGUAGE
from dakto.policy.dates import TIMEZONE


PLONE_PROFILE_ID = "Products.CMFPlone:plone"


def open_app(settings):
    """Load the Zope configuration and return the root application."""
    import Zope2
    from Testing.makerequest import makerequest
    from zope.globalrequest import setRequest
    from Zope2.Startup.run import make_wsgi_app

    make_wsgi_app({}, str(settings.zope_conf))
    app = makerequest(Zope2.app())
    app.REQUEST["PARENTS"] = [app]
    app.REQUEST["HTTP_ACCEPT_LANGUAGE"] = SITE_LANGUAGE
    setRequest(app.REQUEST)
    return app


@contextmanager
def site_transaction(settings):
    """The site, as the system user, for a command that works on the data.

    Refuses while a server holds the FileStorage; commits when the block ends
    normally, aborts when it raises; closes the database either way.
    """
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import system
    from zope.component.hooks import setSite

    from dakto.instance import config

    config.check_not_running(settings)
    config.check_database(settings)
    config.write(settings)
    app = open_app(settings)
    try:
        newSecurityManager(None, system)
        portal = app[SITE_ID]
        setSite(portal)
        yield portal
        transaction.commit()
    except BaseException:
        transaction.abort()
        raise
    finally:
        app._p_jar.db().close()


def ensure_admin(app, settings):
    """Create the Zope admin; change its password only when one is given."""
    users = app.acl_users
    if users.getUserById(ADMIN_USER) is None:
        users._doAddUser(ADMIN_USER, settings.admin_password, ["Manager"], [])
        return "created"
    if settings.admin_password_given:
        users._doChangeUser(ADMIN_USER, settings.admin_password, ["Manager"], [])
        return "updated"
    return "kept"


def ensure_site(app, demo=True):
    """Create the site ``SITE_ID`` if it is missing. Returns True if created."""
    if SITE_ID in app.objectIds():
        return False
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import system
    from Products.CMFPlone.factory import addPloneSite

    newSecurityManager(None, system)
    extensions = [PROFILE_ID] + ([DEMO_PROFILE_ID] if demo else [])
    addPloneSite(
        app,
        SITE_ID,
        title=SITE_ID,  # replaced by the portal name of the identity settings
        profile_id=PLONE_PROFILE_ID,
        extension_ids=extensions,
        default_language=SITE_LANGUAGE,
        portal_timezone=TIMEZONE,
    )
    return True


def apply_mail_settings(portal, settings):
    """DAKTO_SMTP_HOST/PORT and DAKTO_MAIL_FROM into the site's MailHost and
    mail settings; an empty variable keeps what the site has."""
    registry = portal.portal_registry
    if settings.smtp_host:
        portal.MailHost.smtp_host = settings.smtp_host
        portal.MailHost.smtp_port = settings.smtp_port
        registry["plone.smtp_host"] = settings.smtp_host
        registry["plone.smtp_port"] = settings.smtp_port
    if settings.mail_from:
        registry["plone.email_from_address"] = settings.mail_from


def apply_purge_settings(portal, purge_url):
    """DAKTO_PURGE_URL into plone.cachepurging's settings (empty: keep)."""
    from zope.component.hooks import setSite

    from dakto.policy.caching.purge import apply_purge_settings as apply

    setSite(portal)
    apply(portal, purge_url)


def prepare(settings):
    """Make sure the admin user and the site exist; close the database."""
    app = open_app(settings)  # zope.conf's product config, before the add-on's modules
    from dakto.policy.security import root as root_lockout

    try:
        admin = ensure_admin(app, settings)
        created = ensure_site(app, settings.demo)
        root_lockout.install(app)  # admin's logins counted, locked, audited
        apply_mail_settings(app[SITE_ID], settings)
        apply_purge_settings(app[SITE_ID], settings.purge_url)
        transaction.commit()
    except BaseException:
        transaction.abort()
        raise
    finally:
        app._p_jar.db().close()
    return admin, created
