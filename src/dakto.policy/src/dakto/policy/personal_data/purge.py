"""``dakto purge-personal-data``: remove personal data of closed items older
than the retention period (registry ``dakto.personal_data.retention_days``).

With the default FileStorage the server must be stopped first (one process
at a time); with RelStorage it runs next to the servers.
"""

from dakto.policy.commands import Command
from dakto.policy.commands import t


def purge_site(portal):
    """Run the purge in ``portal`` (a site); return {holder name: count}."""
    from zope.component.hooks import setSite

    from dakto.policy.personal_data.holders import purge_expired

    setSite(portal)
    return purge_expired()


class PurgePersonalData(Command):
    help = "remove personal data from closed items older than the retention period"

    def run(self, context, args):
        with context.site_transaction() as portal:
            counts = purge_site(portal)
        context.say(
            t(
                "Personal data removed from ${count} closed item(s) older than the retention period.",
                count=sum(counts.values()),
            )
        )
