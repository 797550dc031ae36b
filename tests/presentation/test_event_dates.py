"""Issue 19.3: the events portlet, an event's page and the event listing in
Vietnamese, dd/mm/yyyy and 24-hour, without a time zone name."""

import re
from datetime import time
from datetime import timedelta

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from dakto.policy.organisation import schedule
from tests.organisation.helpers import SCHEDULE
from tests.organisation.helpers import publish
from tests.presentation.helpers import visitor


ENGLISH = re.compile(
    r"Upcoming Events|Upcoming events|Previous events|Future events|Past events"
    r"|\b(?:AM|PM)\b|Asia/Ho_Chi_Minh|UTC700|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" \d\d, \d{4}| from \d\d:\d\d to "
)


def test_event_periods():
    from dakto.policy.dates import local_period

    day = schedule.today() + timedelta(days=1)
    start, end = schedule.at(day, time(15)), schedule.at(day, time(17))
    text = day.strftime("%d/%m/%Y")
    assert local_period(start, end) == f"{text} 15:00 – 17:00"
    assert local_period(start, end, open_end=True) == f"{text} 15:00"
    assert local_period(start, end, whole_day=True) == text
    later = schedule.at(day + timedelta(days=1), time(9))
    then = (day + timedelta(days=1)).strftime("%d/%m/%Y")
    assert local_period(start, later) == f"{text} 15:00 – {then} 09:00"
    assert local_period(start, later, whole_day=True) == f"{text} – {then}"
    assert local_period(None) == ""


def _text(html):
    text = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\s+", " ", text)


def _english(html):
    return sorted(set(ENGLISH.findall(_text(html))))


def test_events_in_vietnamese(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    day = schedule.today() + timedelta(days=1)
    event = publish(
        api.content.create(
            container=portal.unrestrictedTraverse(SCHEDULE),
            type="Event",
            id="lam-viec",
            title="Làm việc với Đoàn kiểm tra",
            start=schedule.at(day, time(15)),
            end=schedule.at(day, time(17)),
            location="Phòng họp UBND",
        )
    )
    transaction.commit()
    when = f"{day:%d/%m/%Y} 15:00 – 17:00"
    browser = visitor(functional)
    # the events portlet of the pages that have portlets (the homepage has
    # none: it shows the week's schedule, tests/homepage)
    url = portal.absolute_url() + "/van-ban"
    browser.open(url)
    html = browser.contents
    portlet = html[html.index("portletEvents") :]
    portlet = portlet[: portlet.index("</aside>")] if "</aside>" in portlet else portlet
    assert "Sự kiện sắp diễn ra" in portlet and "Sự kiện đã qua" in portlet
    assert "Làm việc với Đoàn kiểm tra" in portlet and when in portlet
    assert _english(html) == [], url
    browser.open(portal.absolute_url())
    assert _english(browser.contents) == []
    if schedule.monday_of(day) == schedule.monday_of(schedule.today()):
        assert "Làm việc với Đoàn kiểm tra" in browser.contents
    browser.open(event.absolute_url())
    assert f"{day:%d/%m/%Y}, từ 15:00 đến 17:00" in _text(browser.contents)
    assert "Thời gian" in browser.contents and "Địa điểm" in browser.contents
    assert _english(browser.contents) == []
    browser.open(portal.absolute_url() + "/event_listing?mode=future")
    assert "Sự kiện sắp diễn ra" in browser.contents
    assert _english(browser.contents) == []
