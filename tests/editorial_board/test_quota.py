"""The monthly quota counts the month of the publish transition only."""

import pytest
from AccessControl import Unauthorized
from DateTime import DateTime
from plone import api
from zExceptions import BadRequest

from dakto.policy.editorial_board import board
from dakto.policy.editorial_board.services import QuotaGet
from tests.editorial_board.helpers import MEMBERS
from tests.editorial_board.helpers import article
from tests.editorial_board.helpers import as_manager
from tests.editorial_board.helpers import create_members
from tests.editorial_board.helpers import publish


def service(cls, context, request):
    """A REST service object as plone.rest makes it (context and request set)."""
    found = cls()
    found.context, found.request = context, request
    return found


@pytest.fixture
def quota_site(portal):
    as_manager(portal)
    create_members()
    october = article(portal, "thang-10", "Tin tháng Mười", creator="capnhat1")
    october.creation_date = DateTime("2026/10/02 08:00 GMT+7")
    publish(october, at="2026/10/15 09:00")
    # Created (and given an effective date) in October, published in November.
    november = article(
        portal, "tao-thang-10-dang-thang-11", "Tin tạo tháng Mười", creator="capnhat2"
    )
    november.creation_date = DateTime("2026/10/20 08:00 GMT+7")
    november.setEffectiveDate(DateTime("2026/10/21 08:00 GMT+7"))
    publish(november, at="2026/11/02 09:00")
    # The last minutes of the month in Viet Nam are still that month (17:30 UTC).
    late_evening = article(portal, "cuoi-thang", "Tin cuối tháng Mười", creator="capnhat1")
    publish(late_evening, at="2026/10/31 23:50")
    # Not published: does not count.
    article(portal, "nhap", "Bản nháp", creator="capnhat2")
    return portal


def counts(month):
    return {row["user_id"]: row["count"] for row in board.quota(month)}


def test_publication_month_counts_not_creation(quota_site):
    october = counts("2026-10")
    november = counts("2026-11")
    assert october["capnhat1"] == 2 and october["capnhat2"] == 0
    assert november["capnhat1"] == 0 and november["capnhat2"] == 1
    assert counts("2026-09")["capnhat1"] == 0


def test_every_board_member_is_listed_and_flagged(quota_site):
    rows = {row["user_id"]: row for row in board.quota("2026-11")}
    assert set(MEMBERS) <= set(rows)
    assert rows["capnhat2"]["below_quota"] is False
    assert rows["capnhat1"]["below_quota"] is True
    assert rows["kiemduyet"]["below_quota"] is True
    api.portal.set_registry_record("dakto.editorial.monthly_quota", 2)
    rows = {row["user_id"]: row for row in board.quota("2026-10")}
    assert rows["capnhat1"]["below_quota"] is False  # two in October
    assert rows["capnhat2"]["below_quota"] is True


def test_rest_and_page(quota_site):
    request = quota_site.REQUEST
    request.form["month"] = "2026-10"
    answer = service(QuotaGet, quota_site, request).reply()
    member = next(m for m in answer["members"] if m["user_id"] == "capnhat1")
    assert [a["title"] for a in member["articles"]] == ["Tin tháng Mười", "Tin cuối tháng Mười"]
    assert answer["quota"] == 1 and answer["month"] == "2026-10"
    html = api.content.get_view("editorial-quota", quota_site, request)()
    assert "Tin tháng Mười" in html and "Tin tạo tháng Mười" not in html
    assert "10/2026" in html
    request.form["month"] = "2026-10-01"
    with pytest.raises(BadRequest, match="month"):
        service(QuotaGet, quota_site, request).reply()


def test_updater_may_not_see_the_quota(quota_site):
    request = quota_site.REQUEST
    with api.env.adopt_user(username="capnhat1"):
        with pytest.raises(Unauthorized):
            quota_site.restrictedTraverse("@@editorial-quota")
    with api.env.adopt_user(username="kiemduyet"):
        assert quota_site.restrictedTraverse("@@editorial-quota") is not None
    assert request is not None
