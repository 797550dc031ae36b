"""The demo organisation and this and next week's schedule; safe to repeat."""

from datetime import timedelta

from dakto.policy.organisation import demo
from dakto.policy.organisation import people
from dakto.policy.organisation import schedule
from tests.organisation.helpers import SECTION
from tests.organisation.helpers import configure_sections


def test_demo_is_realistic_and_idempotent(portal, manager):
    configure_sections(portal)
    created = demo.create_demo(portal)
    types = [o.portal_type for o in created]
    assert types.count("OrgUnit") == 4 and types.count("Person") >= 7
    assert types.count("Event") == 10  # this week and next week
    section = portal.unrestrictedTraverse(SECTION)
    leaders = people.leaders(section)
    assert [p.position for p in leaders][0] == "Chủ tịch UBND xã"
    assert all(p.photo and p.photo_alt for p in leaders)
    assert len(people.contact_officers()) == 1
    days = schedule.week_days(
        portal.unrestrictedTraverse(demo.SCHEDULE), schedule.monday_of(schedule.today())
    )
    assert sum(len(d["events"]) for d in days) == 5
    assert days[0]["events"][0]["chair"] == "Chủ tịch UBND xã"
    # Next week's schedule is out before the weekend: on a Friday evening or a
    # Sunday the homepage still has upcoming engagements.
    next_monday = schedule.monday_of(schedule.today()) + timedelta(days=7)
    days = schedule.week_days(portal.unrestrictedTraverse(demo.SCHEDULE), next_monday)
    assert sum(len(d["events"]) for d in days) == 5
    assert demo.create_demo(portal) == []
