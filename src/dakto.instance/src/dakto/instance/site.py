"""Open the instance's database and create the Plone site when missing."""

from contextlib import contextmanager

import transaction

from dakto.instance.settings import ADMIN_USER
from dakto.instance.settings import SITE_ID
from dakto.instance.settings import SettingsError
from dakto.policy import DEMO_PROFILE_ID
from dakto.policy import PROFILE_ID
from dakto.policy import SITE_LANGUAGE
from dakto.policy.commands import t
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
def app_transaction(settings):
    """The Zope application root, as the system user, for a command that
    works on the data.

    Refuses while a server holds the FileStorage; commits when the block ends
    normally, aborts when it raises; closes the database either way.
    """
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import system

    from dakto.instance import config

    config.check_not_running(settings)
    config.check_database(settings)
    config.write(settings)
    app = open_app(settings)
    try:
        newSecurityManager(None, system)
        yield app
        transaction.commit()
    except BaseException:
        transaction.abort()
        raise
    finally:
        app._p_jar.db().close()


@contextmanager
def site_transaction(settings, site_id=None):
    """The Plone site ``site_id`` (default: ``SITE_ID``) as the current site,
    in an ``app_transaction``; a missing site stops with a one-line message."""
    from zope.component.hooks import setSite

    site_id = site_id or SITE_ID
    with app_transaction(settings) as app:
        if site_id not in app.objectIds():
            raise SettingsError(t("There is no site '${site}'.", site=site_id))
        portal = app[site_id]
        setSite(portal)
        yield portal


class CommandContext:
    """What a ``dakto.commands`` command gets (``dakto.policy.commands.Command``)."""

    def __init__(self, settings):
        self.settings = settings

    def site_transaction(self, site_id=None):
        return site_transaction(self.settings, site_id)

    def app_transaction(self):
        return app_transaction(self.settings)

    def say(self, text):
        print(text, flush=True)


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


def prepare(settings):
    """Make sure the admin user and the site exist; close the database."""
    app = open_app(settings)  # zope.conf's product config, before the add-on's modules
    from dakto.policy.product_config import apply_to_site
    from dakto.policy.security import root as root_lockout

    try:
        admin = ensure_admin(app, settings)
        created = ensure_site(app, settings.demo)
        root_lockout.install(app)  # admin's logins counted, locked, audited
        apply_to_site(app[SITE_ID])  # mail and purge settings of the product config
        transaction.commit()
    except BaseException:
        transaction.abort()
        raise
    finally:
        app._p_jar.db().close()
    return admin, created
