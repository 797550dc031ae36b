"""1004 → 1005: the structure (issue 14), the province platform (issue 15),
light public pages (issue 16) and the rest of the regulation (issue 17).

Each part is a module ``v1005_<topic>.py`` (see ``parts``).
"""

from dakto.policy.upgrades import parts as upgrade_parts


def parts():
    """The names of this step's parts, in the order they run."""
    return upgrade_parts.names("1005")


def upgrade(context):
    upgrade_parts.run("1005", context)
