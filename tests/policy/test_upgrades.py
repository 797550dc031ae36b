"""Every profile version is reachable by upgrade steps."""

from Products.GenericSetup.upgrade import _upgrade_registry


PROFILE = "dakto.policy:default"


def test_upgrade_steps_reach_profile_version(setup_tool):
    version = setup_tool.getVersionForProfile(PROFILE)
    steps = _upgrade_registry.getUpgradeStepsForProfile(PROFILE) or {}
    destinations = {tuple(step.dest) for step in steps.values() if hasattr(step, "dest")}
    if version == "1000":
        # The first release has no upgrade step; each later version needs one.
        assert destinations == set()
    else:
        assert (version,) in destinations, f"no upgrade step reaches profile version {version}"
