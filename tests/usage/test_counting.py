"""Issue 17.5: how the website was used, counted as provincial portals show it
("Lượt xem"), without cookies and without keeping addresses; robots, staff and
repeated views are not counted."""

from datetime import date

import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zope.component import getUtility
from zope.ramcache.interfaces.ram import IRAMCache

from dakto.policy import antispam
from dakto.policy.dates import today
from dakto.policy.reports.model import activity_report
from dakto.policy.reports.period import Period
from dakto.policy.usage.store import VIEWS
from tests.usage.helpers import BROWSER_UA
from tests.usage.helpers import beacon
from tests.usage.helpers import published_news


MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def views(item):
    answer = requests.get(
        f"{item.absolute_url()}/@page-views", headers={"Accept": "application/json"}, timeout=60
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["total"]


SHOWN = 'Lượt xem: <span class="dakto-views-count">{}</span>'


def test_an_article_shows_its_views_and_carries_the_beacon(functional):
    portal = functional["portal"]
    item = published_news(portal)
    page = requests.get(item.absolute_url(), headers={"User-Agent": BROWSER_UA}, timeout=60)
    assert SHOWN.format(0) in page.text
    # the beacon: a hidden image (no JavaScript needed), the page's UID in its address
    assert f'src="{portal.absolute_url()}/@@dakto-view?uid={item.UID()}"' in page.text
    assert "Set-Cookie" not in page.headers

    answer = beacon(portal.absolute_url(), item.UID())
    assert answer.status_code == 204
    assert answer.headers["X-Dakto-View"] == "counted"
    assert "no-store" in answer.headers["Cache-Control"]
    assert "Set-Cookie" not in answer.headers
    assert views(item) == 1
    # what dakto.js asks for the number of now: never from a cache
    now = requests.get(
        f"{item.absolute_url()}/@page-views", headers={"Accept": "application/json"}, timeout=60
    )
    assert now.json()["total_shown"] == "1"
    assert "no-store" in now.headers["Cache-Control"]
    # The page stays cacheable: the cached copy lags...
    page = requests.get(item.absolute_url(), headers={"User-Agent": BROWSER_UA}, timeout=60)
    assert SHOWN.format(0) in page.text
    # ...until it is rendered again (an edit or a publication purges it).
    getUtility(IRAMCache).invalidateAll()
    page = requests.get(item.absolute_url(), headers={"User-Agent": BROWSER_UA}, timeout=60)
    assert SHOWN.format(1) in page.text


def test_the_beacon_image_counts(functional):
    portal = functional["portal"]
    item = published_news(portal)
    answer = beacon(portal.absolute_url(), item.UID(), method="GET")
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("image/gif")
    assert answer.content.startswith(b"GIF89a")
    assert "Set-Cookie" not in answer.headers
    assert views(item) == 1


def test_nothing_about_the_visitor_is_kept(functional):
    portal = functional["portal"]
    item = published_news(portal)
    assert beacon(portal.absolute_url(), item.UID()).headers["X-Dakto-View"] == "counted"
    day = today().isoformat()
    rows = VIEWS.dump()
    assert len(rows) == 1
    site, uid, stored_day, count = rows[0]
    assert (site, uid, count) == ("/plone", item.UID(), 1)
    assert stored_day == day  # the Viet Nam day, no time of day
    # The rate limits' keys are HMACs, not the address.
    keys = [":".join(key) for key in antispam.HITS.store._failures]
    assert keys and all("127.0.0.1" not in key and "localhost" not in key for key in keys)
    assert all("page-view" in key for key in keys)
    assert "127.0.0.1" not in repr(rows)


def test_robots_staff_and_unknown_pages_are_not_counted(functional):
    portal = functional["portal"]
    item = published_news(portal)
    site = portal.absolute_url()
    for agent in (
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32.3",
        None,  # no User-Agent
    ):
        assert beacon(site, item.UID(), user_agent=agent).headers["X-Dakto-View"] == "robot", agent
    assert beacon(site, item.UID(), auth=MANAGER).headers["X-Dakto-View"] == "staff"
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        draft = api.content.create(
            container=portal["tin-tuc"], type="News Item", id="nhap", title="Nháp"
        )
    transaction.commit()
    for uid in (draft.UID(), "0" * 32, "../../etc/passwd", ""):
        assert beacon(site, uid).headers["X-Dakto-View"] == "unknown"
    assert views(item) == 0
    assert VIEWS.dump() == []


def test_one_client_cannot_inflate_the_counts(functional):
    portal = functional["portal"]
    first = published_news(portal)
    site = portal.absolute_url()
    # A reload within 30 minutes is the same reader.
    results = [beacon(site, first.UID()).headers["X-Dakto-View"] for _ in range(5)]
    assert results == ["counted"] + ["limited"] * 4
    assert views(first) == 1
    # However many pages one client opens, at most the client's budget counts.
    api.portal.set_registry_record(antispam.RATE_LIMITS_RECORD, {"page-view-client": "3/3600"})
    transaction.commit()
    pages = [published_news(portal, id=f"bai-{n}", title=f"Bài {n}") for n in range(5)]
    results = [beacon(site, page.UID()).headers["X-Dakto-View"] for page in pages]
    assert results.count("counted") == 2  # the first article used one of the 3
    assert results.count("limited") == 3


def test_the_report_shows_views_by_section_and_the_most_read_pages(functional):
    portal = functional["portal"]
    site = portal.absolute_url()
    read = published_news(portal, id="doc-nhieu", title="Bài đọc nhiều")
    other = published_news(portal, id="bai-khac", title="Bài khác", folder="van-hoa-xa-hoi")
    day = today().isoformat()
    VIEWS.add("/plone", read.UID(), day)
    VIEWS.add("/plone", read.UID(), day)
    assert beacon(site, other.UID()).headers["X-Dakto-View"] == "counted"
    VIEWS.add("/plone", other.UID(), "2020-01-01")  # outside the period
    period = Period(date.fromisoformat(day), date.fromisoformat(day))
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        report = {s["id"]: s for s in activity_report(period)["sections"]}
    by_section = report["usage_by_section"]
    assert by_section["rows"] == [["Tin tức - Sự kiện", 3]]
    assert by_section["footer"][1] == 3
    assert by_section["chart"] == (0, 1)
    assert report["usage_top_pages"]["rows"] == [
        ["Bài đọc nhiều", "Tin tức - Sự kiện", 2],
        ["Bài khác", "Tin tức - Sự kiện", 1],
    ]
    summary = dict((str(label), n) for label, n in report["summary"]["rows"])
    assert summary["Page views"] == 3
    answer = requests.get(
        f"{site}/@page-views?start={day}&end={day}",
        auth=MANAGER,
        headers={"Accept": "application/json"},
        timeout=60,
    ).json()
    assert answer["total"] == 3
    assert [(i["title"], i["views"]) for i in answer["items"]] == [
        ("Bài đọc nhiều", 2),
        ("Bài khác", 1),
    ]
    refused = requests.get(
        f"{site}/@page-views", headers={"Accept": "application/json"}, timeout=60
    )
    assert refused.status_code == 401
    html = requests.get(f"{site}/@@activity-report?start={day}&end={day}", auth=MANAGER, timeout=60)
    assert "Lượt xem theo chuyên mục" in html.text and "Các trang được xem nhiều nhất" in html.text
