"""Fixtures of the whole suite: the Plone layers and helpers for real servers."""

import os

import pytest
from pytest_plone import fixtures_factory

from dakto.policy.testing import DAKTO_POLICY_FUNCTIONAL_TESTING
from dakto.policy.testing import DAKTO_POLICY_INTEGRATION_TESTING


os.environ.setdefault("zope_i18n_compile_mo_files", "true")

pytest_plugins = ["pytest_plone", "tests.servers"]

globals().update(
    fixtures_factory(
        (
            (DAKTO_POLICY_FUNCTIONAL_TESTING, "functional"),
            (DAKTO_POLICY_INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture(autouse=True)
def _empty_ram_cache():
    """plone.app.caching keeps anonymous pages in the process's RAM cache, keyed
    by URL and ETag (catalog counter…): empty it, so that no test gets a page
    that an earlier test's (rolled back) content produced."""
    from plone.memoize.ram import global_cache

    global_cache.invalidateAll()
    yield


@pytest.fixture
def manager(portal):
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import setRoles

    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal
