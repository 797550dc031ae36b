"""The demo promotions: two running, one expired; safe to repeat."""

from plone import api

from dakto.policy.promotion import demo
from dakto.policy.promotion.lifecycle import EXPIRED
from dakto.policy.promotion.lifecycle import RUNNING
from dakto.policy.promotion.lifecycle import status
from tests.promotion.helpers import configure_section


def test_demo_is_realistic_and_idempotent(portal):
    configure_section(portal)
    created = demo.create_demo(portal)
    assert len(created) == 3
    assert sorted(status(p) for p in created) == [EXPIRED, RUNNING, RUNNING]
    assert all(api.content.get_state(p) == "published" for p in created)
    assert all(p.logo_alt and p.confirmation for p in created)
    assert demo.create_demo(portal) == []
