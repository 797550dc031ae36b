"""Upgrade 1004 → 1005, part identity kind (issue 15): the identity settings
get the kind of unit (xã, phường, đặc khu), read from the existing town
record; the other identity values stay as they were."""

import pytest
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from dakto.policy.identity.settings import get_identity
from dakto.policy.upgrades import v1005_identity_kind


RECORD = "dakto.identity.kind"


@pytest.mark.parametrize(
    "town,kind",
    [
        ("xã Đắk Tô", "xa"),
        ("phường Hải Châu", "phuong"),
        ("Đặc khu Lý Sơn", "dac-khu"),
        ("thị trấn Đắk Tô", "xa"),
    ],
)
def test_upgrade_adds_the_kind_from_the_town(portal, manager, town, kind):
    registry = getUtility(IRegistry)
    api.portal.set_registry_record("dakto.identity.town", town)
    body = api.portal.get_registry_record("dakto.identity.body_name")
    del registry.records[RECORD]  # a 1004 site had no kind
    assert RECORD not in registry.records

    v1005_identity_kind.upgrade(None)

    assert api.portal.get_registry_record(RECORD) == kind
    assert get_identity().kind == kind
    assert api.portal.get_registry_record("dakto.identity.town") == town
    assert api.portal.get_registry_record("dakto.identity.body_name") == body


def test_a_fresh_install_is_a_commune(portal):
    assert get_identity().kind == "xa"
