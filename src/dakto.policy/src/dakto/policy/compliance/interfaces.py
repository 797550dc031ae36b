"""A check of the self-check: a named utility, so that features add theirs."""

from zope.interface import Attribute
from zope.interface import Interface


class ICheck(Interface):
    """One publishing duty, checked on the site.

    Register with ``<utility name="<id>" component="...">``; the page shows
    the checks in the order of their ``after`` (``registrations.ordered``),
    otherwise by name.
    """

    title = Attribute("What the duty is (a message id, shown as the line's heading)")
    basis = Attribute("The article or law it comes from, e.g. 'NĐ 43/2011, Điều 17'")
    after = Attribute("Names of the checks shown before this one")

    def __call__(portal, today):
        """A ``Result``."""
