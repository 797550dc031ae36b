"""Upgrade 1005 → 1006, part feedback intake (issue 17.2, Quy chế Điều 9.1):
a 1005 site lets only administrators add Feedback and has no index of the
day received. After the part the receivers may log feedback received off the
web, and existing items are found by the day they were received."""

from datetime import date

from plone import api

from dakto.policy.feedback import names
from dakto.policy.permissions import ADD_FEEDBACK
from dakto.policy.upgrades import v1006_feedback_intake
from tests.feedback.helpers import make_feedback


def _roles(portal):
    return {
        r["name"] for r in portal.rolesOfPermission(ADD_FEEDBACK) if r["selected"] == "SELECTED"
    }


def test_receivers_may_add_feedback_and_old_items_are_indexed_by_day_received(portal, manager):
    catalog = api.portal.get_tool("portal_catalog")
    by_letter = make_feedback(subject="Thư cũ")
    by_letter.channel, by_letter.received_on = "thu", date(2026, 5, 4)
    # the 1005 state: administrators only, no index
    portal.manage_permission(ADD_FEEDBACK, ["Manager", "Site Administrator"], acquire=True)
    catalog.delIndex("feedback_received")
    assert names.RECEIVER_ROLE not in _roles(portal)

    assert v1006_feedback_intake.upgrade(None) >= 1

    assert {"Manager", "Site Administrator", names.RECEIVER_ROLE} <= _roles(portal)
    found = catalog.unrestrictedSearchResults(
        portal_type=names.PORTAL_TYPE,
        feedback_received={
            "query": (_day(2026, 5, 4), _day(2026, 5, 5) - 1 / 86400),
            "range": "min:max",
        },
    )
    assert [b.getObject() for b in found] == [by_letter]
    v1006_feedback_intake.upgrade(None)  # runs twice without harm
    assert {"Manager", "Site Administrator", names.RECEIVER_ROLE} <= _roles(portal)


def _day(year, month, day):
    from dakto.policy.dates import as_DateTime

    return as_DateTime(date(year, month, day))
