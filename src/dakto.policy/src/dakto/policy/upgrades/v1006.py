"""1005 → 1006: the province platform (issue 15), light pages and the
homepage (issue 16), the rest of the regulation (issue 17), bulk import and
lookups at province scale (issue 18).

Each part is a module ``v1006_<topic>.py`` (see ``parts``).
"""

from dakto.policy.upgrades import parts as upgrade_parts


def parts():
    """The names of this step's parts, in the order they run."""
    return upgrade_parts.names("1006")


def upgrade(context):
    upgrade_parts.run("1006", context)
