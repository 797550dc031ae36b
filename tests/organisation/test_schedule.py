"""The leaders' weekly work schedule (lịch công tác): a week view on plone.app.event."""

from datetime import date
from datetime import time
from datetime import timedelta

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.testing.zope import Browser

from dakto.policy.organisation import schedule
from tests.organisation.helpers import SCHEDULE
from tests.organisation.helpers import configure_sections
from tests.organisation.helpers import publish


def test_parse_week():
    assert schedule.parse_week("2026-W48") == date(2026, 11, 23)
    assert schedule.parse_week("2026W01") == date(2025, 12, 29)
    assert schedule.parse_week("2026-W54") is None
    assert schedule.parse_week("tuần này") is None
    assert schedule.week_id(date(2026, 11, 29)) == "2026-W48"
    assert schedule.monday_of(date(2026, 11, 29)) == date(2026, 11, 23)


def _at(day, hour, minute=0):
    return schedule.at(day, time(hour, minute))


def _event(section, id, title, start, end, **fields):
    return publish(
        api.content.create(
            container=section, type="Event", id=id, title=title, start=start, end=end, **fields
        )
    )


def _build(portal):
    login(portal.aq_parent, SITE_OWNER_NAME)
    configure_sections(portal)
    section = portal.unrestrictedTraverse(SCHEDULE)
    monday = date(2026, 11, 23)
    _event(
        section,
        "giao-ban",
        "Giao ban đầu tuần",
        _at(monday, 7, 30),
        _at(monday, 9),
        location="Phòng họp UBND",
        chaired_by="Chủ tịch UBND thị trấn",
    )
    _event(
        section,
        "tiep-dan",
        "Tiếp công dân",
        _at(monday + timedelta(days=2), 8),
        _at(monday + timedelta(days=2), 11),
        location="Phòng tiếp dân",
        attendees=("Phó Chủ tịch Trần Thị Mai",),
    )
    _event(
        section,
        "sang-thu-tu",
        "Họp sớm",
        _at(monday + timedelta(days=2), 6),
        _at(monday + timedelta(days=2), 7),
    )
    _event(
        section,
        "tuan-sau",
        "Hội nghị tuần sau",
        _at(monday + timedelta(days=7), 8),
        _at(monday + timedelta(days=7), 10),
    )
    # Sunday 23:30 in Viet Nam is still this week although it is Sunday 16:30 UTC.
    _event(
        section,
        "chu-nhat",
        "Trực Chủ nhật",
        _at(monday + timedelta(days=6), 23, 30),
        _at(monday + timedelta(days=6), 23, 45),
    )
    return section


def test_week_days_group_events_by_day_in_viet_nam_time(portal):
    section = _build(portal)
    days = schedule.week_days(section, date(2026, 11, 23))
    assert [d["date"] for d in days] == [date(2026, 11, 23) + timedelta(days=i) for i in range(7)]
    assert [e["title"] for e in days[0]["events"]] == ["Giao ban đầu tuần"]
    first = days[0]["events"][0]
    assert first["time"] == "07:30 – 09:00"
    assert first["chair"] == "Chủ tịch UBND thị trấn"
    assert first["location"] == "Phòng họp UBND"
    assert [e["title"] for e in days[2]["events"]] == ["Họp sớm", "Tiếp công dân"]
    assert days[2]["events"][1]["chair"] == "Phó Chủ tịch Trần Thị Mai"  # from the attendees
    assert [e["title"] for e in days[6]["events"]] == ["Trực Chủ nhật"]
    assert not days[1]["events"]
    assert "Hội nghị tuần sau" not in str(days)


def _schedule(html):
    """The schedule itself (portlets elsewhere on the page list upcoming events)."""
    start = html.index('class="dakto-work-schedule"')
    return html[start : html.index("</table>", start)]


def test_work_schedule_page_over_http(functional):
    portal = functional["portal"]
    _build(portal)
    transaction.commit()
    browser = Browser(functional["app"])
    browser.handleErrors = False
    url = portal.absolute_url() + "/" + SCHEDULE
    browser.open(url + "?week=2026-W48")
    html = _schedule(browser.contents)
    assert "23/11/2026" in html and "29/11/2026" in html
    assert '<th scope="col"' in html and 'scope="rowgroup"' in html
    assert "Giao ban đầu tuần" in html and "07:30 – 09:00" in html
    assert "Chủ tịch UBND thị trấn" in html and "Phòng họp UBND" in html
    assert "Hội nghị tuần sau" not in html
    assert "?week=2026-W47" in html and "?week=2026-W49" in html
    assert "<script" not in html
    browser.open(url + "?week=2026-W49")
    assert "Hội nghị tuần sau" in _schedule(browser.contents)
    assert "Giao ban đầu tuần" not in _schedule(browser.contents)
    # A malformed week: this week, with a message, never an error.
    browser.open(url + "?week=hôm-nay")
    assert "alert-warning" in browser.contents
    this_week = schedule.week_id(schedule.monday_of(schedule.today()))
    assert f'value="{this_week}"' in browser.contents


def test_the_chair_behavior_is_on_events(portal):
    fti = portal.portal_types["Event"]
    assert "dakto.policy.chair" in fti.behaviors
    assert "plone.eventattendees" in fti.behaviors
