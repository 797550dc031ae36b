"""Install: the accessibility statement page (statement.py)."""

from dakto.policy.accessibility.statement import install
from dakto.policy.registrations import FeatureSetup


# Its text names the body and portal from the identity settings.
registration = FeatureSetup(install, after=("structure", "identity"))
