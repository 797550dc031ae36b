"""1004 → 1005: the structure (issue 14), the province platform (issue 15),
light public pages (issue 16) and the rest of the regulation (issue 17).

Each part is a self-contained module ``v1005_<topic>.py`` with its own
``upgrade(context)``; this step runs every such module of this package in the
order of their names. A part imports profile steps or sets what it needs itself
and calls no install code of today's features, which will change.
"""

import importlib
import pkgutil

from dakto.policy import upgrades


PREFIX = "v1005_"


def parts():
    """The names of this step's parts, in the order they run."""
    return sorted(
        info.name
        for info in pkgutil.iter_modules(upgrades.__path__)
        if info.name.startswith(PREFIX)
    )


def upgrade(context):
    for name in parts():
        importlib.import_module(f"{upgrades.__name__}.{name}").upgrade(context)
