"""Issue 19.10: a crawler following the work schedule's week links stops
at the weeks that have events (a crawler followed 867 weeks, 2018 to 2035)."""

import re
from datetime import time
from datetime import timedelta

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.testing.zope import Browser

from dakto.policy.organisation import schedule
from tests.organisation.helpers import SCHEDULE
from tests.organisation.helpers import publish


LINK = re.compile(r"<a\b[^>]*>", re.S)


def _followed_week_links(html):
    """The week links a crawler that honours rel=nofollow follows."""
    found = []
    for tag in LINK.findall(html):
        if "dakto-week-" not in tag:
            continue
        rel = re.search(r'\brel="([^"]*)"', tag)
        if rel and "nofollow" in rel.group(1).split():
            continue
        found.append(re.search(r'href="([^"]+)"', tag).group(1).replace("&amp;", "&"))
    return found


def test_week_links_stop_at_the_weeks_with_events(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    section = portal.unrestrictedTraverse(SCHEDULE)
    this_monday = schedule.monday_of(schedule.today())
    for id, weeks in (("truoc", -3), ("sau", 4)):
        day = this_monday + timedelta(weeks=weeks, days=1)
        publish(
            api.content.create(
                container=section,
                type="Event",
                id=id,
                title=f"Họp {id}",
                start=schedule.at(day, time(8)),
                end=schedule.at(day, time(10)),
            )
        )
    transaction.commit()
    browser = Browser(functional["app"])
    start = section.absolute_url() + "/@@work-schedule"
    seen, queue = set(), [start]
    while queue and len(seen) < 60:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        browser.open(url)
        queue.extend(u for u in _followed_week_links(browser.contents) if u not in seen)
    weeks = {re.search(r"week=([\dW-]+)", u).group(1) for u in seen if "week=" in u}
    expected = {schedule.week_id(this_monday + timedelta(weeks=n)) for n in range(-3, 5)}
    assert weeks == expected  # every week from the first event's to the last one's
    # past the last event: the link is there for people, marked for robots
    browser.open(f"{start}?week={schedule.week_id(this_monday + timedelta(weeks=4))}")
    assert 'rel="next nofollow"' in browser.contents
    assert 'name="robots"' not in browser.contents
    browser.open(f"{start}?week={schedule.week_id(this_monday + timedelta(weeks=9))}")
    assert re.search(r'<meta name="robots" content="noindex, nofollow"', browser.contents)
    assert "dakto-week-previous" in browser.contents and "dakto-week-next" in browser.contents
