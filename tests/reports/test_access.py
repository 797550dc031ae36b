"""Who may see the reports, and what a bad period answers (400, never 500)."""

from datetime import date

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from dakto.policy.reports.period import PeriodError
from dakto.policy.reports.period import default_period
from dakto.policy.reports.period import read_period
from dakto.policy.workflow.names import REVIEWERS_GROUP
from dakto.policy.workflow.names import UPDATERS_GROUP


PASSWORD = "mat-khau-rat-dai-42"


def test_default_period_is_the_last_complete_half_year():
    assert default_period(date(2026, 11, 29)) == read_period({}, today=date(2026, 11, 29))
    period = default_period(date(2026, 11, 29))
    assert (period.start, period.end) == (date(2026, 1, 1), date(2026, 6, 30))
    period = default_period(date(2026, 3, 5))
    assert (period.start, period.end) == (date(2025, 7, 1), date(2025, 12, 31))
    period = default_period(date(2026, 7, 1))
    assert (period.start, period.end) == (date(2026, 1, 1), date(2026, 6, 30))


@pytest.mark.parametrize(
    "form, field",
    [
        ({"start": "2026-02-30", "end": "2026-03-01"}, "start"),
        ({"start": "01/01/2026", "end": "2026-03-01"}, "start"),
        ({"start": "2026-01-01", "end": "hôm nay"}, "end"),
        ({"start": "2026-06-01", "end": "2026-05-31"}, "end"),
        ({"start": "2026-01-01"}, "end"),
        ({"end": "2026-01-01"}, "start"),
        ({"start": "2020-01-01", "end": "2026-01-01"}, "end"),
        ({"start": ["x"], "end": "2026-01-01"}, "start"),
    ],
)
def test_bad_periods_name_the_field(form, field):
    with pytest.raises(PeriodError) as error:
        read_period(form)
    assert error.value.field == field


@pytest.fixture
def server(functional):
    portal = functional["portal"]
    for user_id, group in (("capnhat9", UPDATERS_GROUP), ("kiemduyet9", REVIEWERS_GROUP)):
        if api.user.get(userid=user_id) is None:
            api.user.create(email=f"{user_id}@example.vn", username=user_id, password=PASSWORD)
        if api.group.get(groupname=group) is None:
            api.group.create(groupname=group)
        api.group.add_user(groupname=group, username=user_id)
    transaction.commit()
    return portal.absolute_url()


def get(url, auth=None, json=False):
    headers = {"Accept": "application/json"} if json else {}
    return requests.get(url, auth=auth, headers=headers, timeout=60, allow_redirects=False)


def test_who_may_see_the_reports(server):
    period = "?start=2026-01-01&end=2026-06-30"
    for path in ("@activity-report", "@contribution-ranking"):
        assert get(f"{server}/{path}{period}", json=True).status_code == 401
        assert get(f"{server}/{path}{period}", ("capnhat9", PASSWORD), json=True).status_code == 401
        answer = get(f"{server}/{path}{period}", ("kiemduyet9", PASSWORD), json=True)
        assert answer.status_code == 200, answer.text
        assert answer.json()["start"] == "2026-01-01"
    for page in ("@@activity-report", "@@contribution-ranking"):
        assert get(f"{server}/{page}{period}").status_code in (302, 401, 403)
        refused = get(f"{server}/{page}{period}", ("capnhat9", PASSWORD))
        assert refused.status_code in (302, 401, 403)
        assert get(f"{server}/{page}{period}", ("kiemduyet9", PASSWORD)).status_code == 200
    owner = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    data = get(f"{server}/@activity-report{period}", owner, json=True).json()
    assert [s["id"] for s in data["sections"]][:3] == [
        "summary",
        "articles_by_section",
        "articles_by_month",
    ]


def test_bad_periods_are_400_on_pages_and_rest(server):
    owner = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    for query in (
        "start=2026-06-01&end=2026-05-01",
        "start=2026-13-01&end=2026-12-31",
        "start=2026-01-01",
    ):
        answer = get(f"{server}/@activity-report?{query}", owner, json=True)
        assert answer.status_code == 400, answer.text
        assert answer.json()["type"] == "BadRequest" and answer.json()["field"] in ("start", "end")
        answer = get(f"{server}/@contribution-ranking?{query}", owner, json=True)
        assert answer.status_code == 400
        page = get(f"{server}/@@activity-report?{query}", owner)
        assert page.status_code == 400 and 'role="alert"' in page.text
    page = get(f"{server}/@@contribution-ranking?start=x&end=y", owner)
    assert page.status_code == 400 and 'role="alert"' in page.text
