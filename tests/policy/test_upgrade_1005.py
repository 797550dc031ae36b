"""The 1004 → 1005 step runs each ``v1005_*`` part, in the order of their names."""

import importlib


def test_every_part_has_an_upgrade_function_and_runs_in_name_order():
    from dakto.policy.upgrades import v1005

    names = v1005.parts()
    assert names == sorted(names)
    assert all(name.startswith("v1005_") for name in names)
    for name in names:
        module = importlib.import_module(f"dakto.policy.upgrades.{name}")
        assert callable(module.upgrade), name


def test_upgrade_from_1004_reaches_the_profile_version(portal, manager, setup_tool):
    profile = "dakto.policy:default"
    setup_tool.setLastVersionForProfile(profile, "1004")

    setup_tool.upgradeProfile(profile)

    assert setup_tool.getLastVersionForProfile(profile) == (
        setup_tool.getVersionForProfile(profile),
    )
