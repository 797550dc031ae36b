"""``dakto purge-personal-data``: remove personal data of closed items older
than the retention period (registry ``dakto.personal_data.retention_days``).

With the default FileStorage the server must be stopped first (one process
at a time); with RelStorage it runs next to the servers.
"""

import transaction

from dakto.policy.instance.messages import t


def purge_site(portal):
    """Run the purge in ``portal`` (a site); return {holder name: count}."""
    from zope.component.hooks import setSite

    from dakto.policy.personal_data.holders import purge_expired

    setSite(portal)
    return purge_expired()


def cmd_purge_personal_data(settings):
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.users import system

    from dakto.policy.instance import config
    from dakto.policy.instance.settings import SITE_ID
    from dakto.policy.instance.site import open_app

    config.check_not_running(settings)
    config.check_database(settings)
    config.write(settings)
    app = open_app(settings)
    try:
        newSecurityManager(None, system)
        portal = app[SITE_ID]
        counts = purge_site(portal)
        transaction.commit()
    except BaseException:
        transaction.abort()
        raise
    finally:
        app._p_jar.db().close()
    total = sum(counts.values())
    print(
        t(
            "Personal data removed from ${count} closed item(s) older than the retention period.",
            count=total,
        ),
        flush=True,
    )
    return counts
