from zope.interface import Attribute
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IDaktoPolicyLayer(IDefaultBrowserLayer):
    """Browser layer: present while dakto.policy is installed in a site."""


# --- What each feature registers (named utilities; the name is the feature's) ---
#
# Order: a registration's ``after`` names the registrations (of the same
# interface) that must run before it; the rest are run in name order
# (``dakto.policy.registrations.ordered``).


class IFeatureSetup(Interface):
    """What a feature sets up in a site beyond the profile's XML (groups,
    folders, PAS plugins, settings objects), run by the install and the
    uninstall profiles' post handlers."""

    after = Attribute("Names of the feature setups that must run before this one")

    def install(portal):
        """Set the feature up; idempotent (upgrade steps may run it again)."""

    def uninstall(portal):
        """Remove what ``install`` added that is not the town's data."""


class IDemoContent(Interface):
    """A feature's part of the demo profile."""

    after = Attribute("Names of the demo parts that must be created before this one")

    def create(portal):
        """Create the items if missing; return the ones created."""


class IReportSection(Interface):
    """A feature's part of the six-month activity report (reports/model.py)."""

    after = Attribute("Names of the report parts shown before this one")

    def sections(period, today):
        """The part's sections (``reports.model.section`` dicts), in order."""

    def summary(parts):
        """The part's rows ``[label, number]`` of the report's summary;
        ``parts``: ``{section id: section}`` of the whole report."""


# The tagged value a content schema sets to the name of its field that
# identifies an item on the site (copies.py empties it on a pasted copy):
# ``ISchema.setTaggedValue(UNIQUE_FIELD, "field_name")``.
UNIQUE_FIELD = "dakto.policy.unique_field"
