"""Upgrade steps made of parts: one module ``v<version>_<topic>.py`` each.

A step such as 1005 → 1006 runs every module of this package whose name
starts with ``v1006_``, in the order of their names, so that each part is
self-contained and there is no central list to keep. A part imports profile
steps or sets what it needs itself and calls no install code of today's
features, which will change.
"""

import importlib
import pkgutil

from dakto.policy import upgrades


def names(version):
    """The names of the parts of the step to ``version``, in the order they run."""
    prefix = f"v{version}_"
    return sorted(
        info.name
        for info in pkgutil.iter_modules(upgrades.__path__)
        if info.name.startswith(prefix)
    )


def run(version, context):
    """Run each part of the step to ``version``."""
    for name in names(version):
        importlib.import_module(f"{upgrades.__name__}.{name}").upgrade(context)
