"""The six-month report counts the requests for information received in the
period: answered within the deadline (15 working days, extendable once by
at most 15 — Luật TCTT Art. 29-31), late, refused (Art. 28), not answered yet."""

from datetime import UTC
from datetime import date
from datetime import datetime

from dakto.policy.access_to_information import actions
from dakto.policy.access_to_information import requests as store
from dakto.policy.access_to_information.report import request_sections
from dakto.policy.reports.period import Period

from .test_requests import GOOD


def _request(folder, received, state=None, closed=None, extended=False):
    clean, _errors = store.validate(GOOD)
    request = store.add(folder, clean)
    request.created = request.history[0]["time"] = received
    if extended:
        actions.take_step(request, actions.EXTEND, "admin", "Cần thêm thời gian.")
    if state:
        actions.take_step(request, state, "admin", "Nội dung.")
        request.history[-1]["time"] = closed
    return request


def test_the_report_counts_on_time_late_refused_and_pending(portal):
    folder = store.section(portal)
    received = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # Monday 2/3/2026, 9:00 in Viet Nam
    in_time = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
    after = datetime(2026, 4, 20, 2, 0, tzinfo=UTC)
    _request(folder, received, store.ANSWERED, in_time)
    _request(folder, received, store.ANSWERED, after)  # late
    _request(folder, received, store.REFUSED, in_time)
    _request(folder, received, store.ANSWERED, datetime(2026, 4, 6, 2, 0, tzinfo=UTC), True)
    _request(folder, received)  # open, past its deadline on 1/6: late and pending
    _request(folder, datetime(2026, 8, 3, 2, 0, tzinfo=UTC))  # outside the period
    period = Period(date(2026, 1, 1), date(2026, 6, 30))
    [part] = request_sections(period, date(2026, 6, 1))
    rows = {str(label): number for label, number in part["rows"]}
    assert rows["Received"] == 5
    assert rows["Answered within the deadline"] == 2  # one of them after the extension
    assert rows["Late (answered or refused late, or open past the deadline)"] == 2
    assert rows["Refused, with the reasons in writing"] == 1
    assert rows["Not answered yet"] == 1
    assert rows["Deadline extended"] == 1


def test_the_report_has_the_part_and_its_summary_line(portal):
    from dakto.policy.reports.model import activity_report

    folder = store.section(portal)
    _request(folder, datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    _request(folder, datetime(2026, 3, 3, 2, 0, tzinfo=UTC), store.ANSWERED, in_time_of_march())
    report = activity_report(Period(date(2026, 1, 1), date(2026, 6, 30)), date(2026, 7, 1))
    by_id = {s["id"]: s for s in report["sections"]}
    assert by_id["information_requests"]["rows"][0][1] == 2
    summary = {str(label): number for label, number in by_id["summary"]["rows"]}
    assert summary["Requests for information received"] == 2


def in_time_of_march():
    return datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
