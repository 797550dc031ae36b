"""Requests for information hold personal data (Luật 91/2025): found by the
administrator's personal-data export, corrected, erased, purged when closed."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from dakto.policy.access_to_information import requests as store
from dakto.policy.personal_data.holders import export as export_person
from dakto.policy.personal_data.holders import holder

from .test_requests import GOOD


def _request(portal):
    clean, errors = store.validate(GOOD)
    assert not errors
    return store.add(store.section(portal), clean)


def test_requests_are_found_by_email_and_phone_and_erased(portal):
    request = _request(portal)
    found = export_person(email=GOOD["email"].upper())["holders"]["information_requests"]
    assert [r["uid"] for r in found] == [request.code]
    assert found[0]["data"]["id_number"] == GOOD["id_number"]
    by_phone = holder("information_requests").find(phone="+84 905 123 456")
    assert [r["uid"] for r in by_phone] == [request.code]
    assert holder("information_requests").correct(request.code, {"residence": "Tổ 5"})
    assert request.residence == "Tổ 5"
    assert holder("information_requests").erase(request.code)
    assert request.name is None and request.id_number is None and request.email is None
    assert request.information == GOOD["information"]  # the request itself stays


def test_purge_erases_only_closed_requests_older_than_the_limit(portal):
    open_request = _request(portal)
    closed = _request(portal)
    store.transition(closed, store.ANSWERED, "admin", "Đã gửi thông tin.")
    purged = holder("information_requests").purge(datetime.now(UTC) + timedelta(seconds=1))
    assert purged == 1
    assert closed.name is None
    assert open_request.name == GOOD["name"]
    assert holder("information_requests").purge(datetime.now(UTC) - timedelta(days=1)) == 0
