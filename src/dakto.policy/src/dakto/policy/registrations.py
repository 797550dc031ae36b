"""The registrations features make of themselves, in their order.

A feature registers named utilities (``interfaces.IFeatureSetup``,
``IDemoContent``, ``IReportSection``) in its own ZCML; the install, the demo
profile and the report go through them here and name no feature.
"""

from zope.component import getUtilitiesFor
from zope.interface import implementer

from dakto.policy.interfaces import IDemoContent
from dakto.policy.interfaces import IFeatureSetup


class OrderError(ValueError):
    """Registrations whose ``after`` form a cycle."""


def ordered(interface):
    """``[(name, registration)]`` of ``interface``: each after the ones its
    ``after`` names (those not registered are ignored), otherwise by name."""
    items = dict(getUtilitiesFor(interface))
    waiting = {name: set(getattr(item, "after", ())) & set(items) for name, item in items.items()}
    result = []
    while waiting:
        ready = sorted(name for name, needs in waiting.items() if not needs)
        if not ready:
            raise OrderError(f"{interface.__name__}: a cycle in 'after' among {sorted(waiting)}")
        name = ready[0]
        result.append((name, items[name]))
        del waiting[name]
        for needs in waiting.values():
            needs.discard(name)
    return result


def _nothing(portal):
    return None


@implementer(IFeatureSetup)
class FeatureSetup:
    """An ``IFeatureSetup`` made of a feature's functions."""

    def __init__(self, install, uninstall=None, after=()):
        self.install = install
        self.uninstall = uninstall or _nothing
        self.after = tuple(after)


@implementer(IDemoContent)
class DemoContent:
    """An ``IDemoContent`` made of a feature's ``create_demo(portal)``."""

    def __init__(self, create, after=()):
        self.create = create
        self.after = tuple(after)
