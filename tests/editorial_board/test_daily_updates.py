"""Quy chế, Article 8.1 "cập nhật thông tin hàng ngày" (TT 26/2009/TT-BTTTT:
at least once per working day): the working days without any publication on
the board's dashboard, in the daily digest and in the six-month report.

The weeks used: Monday 23/11/2026 to Wednesday 02/12/2026, today Thursday
03/12/2026; Friday 27/11/2026 is made a holiday of the board's calendar.
"""

from datetime import date

import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from dakto.policy.editorial_board import daily
from dakto.policy.editorial_board import reports
from dakto.policy.editorial_board.digest import send_digest
from dakto.policy.reports.model import activity_report
from dakto.policy.reports.period import Period
from dakto.policy.workflow.names import HEAD_OF_BOARD_GROUP
from dakto.policy.workflow.names import RETRACT
from tests.editorial_board.helpers import PASSWORD
from tests.editorial_board.helpers import article
from tests.editorial_board.helpers import as_manager
from tests.editorial_board.helpers import create_members
from tests.editorial_board.helpers import email
from tests.editorial_board.helpers import publish
from tests.editorial_board.helpers import walk


TODAY = date(2026, 12, 3)  # Thursday
HOLIDAY = "2026-11-27 Ngày nghỉ của Ban Biên tập"  # Friday


def calendar(portal, created="2026/11/01 08:00"):
    """The site in service since ``created``, the board's holidays with Friday 27/11."""
    portal.creation_date = DateTime(f"{created} GMT+7")
    holidays = list(api.portal.get_registry_record("dakto.editorial.holidays") or ())
    api.portal.set_registry_record("dakto.editorial.holidays", holidays + [HOLIDAY])


def published_on(portal, *days):
    """One article published on each of ``days`` ('YYYY/MM/DD HH:MM')."""
    for index, when in enumerate(days):
        publish(article(portal, f"bai-{index}", f"Tin ngày {when}"), at=when)


def site(portal):
    as_manager(portal)
    create_members()
    calendar(portal)
    # Published: Mon 23, Wed 25, Sat 28 (a day off), Tue 01/12 late in the evening.
    published_on(
        portal, "2026/11/23 09:00", "2026/11/25 15:00", "2026/11/28 10:00", "2026/12/01 23:30"
    )


def test_a_working_day_without_any_publication_is_counted(portal):
    """Tuesday 24/11, Thursday 26/11, Monday 30/11 and Wednesday 02/12 had no
    publication; the weekend and the holiday are not working days; today is
    not over yet."""
    site(portal)
    missed = daily.days_without_publication(date(2026, 11, 23), TODAY, today=TODAY)
    assert missed == [date(2026, 11, 24), date(2026, 11, 26), date(2026, 11, 30), date(2026, 12, 2)]


def test_an_evening_publication_counts_on_its_viet_nam_day(portal):
    site(portal)
    # 23:30 on 01/12 in Viet Nam is 16:30 UTC: still Tuesday 01/12.
    assert date(2026, 12, 1) not in daily.days_without_publication(
        date(2026, 12, 1), date(2026, 12, 1), today=TODAY
    )


def test_no_working_day_is_missed_before_the_site_existed(portal):
    site(portal)
    portal.creation_date = DateTime("2026/11/29 08:00 GMT+7")  # Sunday
    missed = daily.days_without_publication(date(2026, 11, 1), TODAY, today=TODAY)
    assert missed == [date(2026, 11, 30), date(2026, 12, 2)]


def test_an_item_taken_back_offline_is_no_publication(portal):
    site(portal)
    withdrawn = article(portal, "rut", "Tin rút xuống")
    publish(withdrawn, at="2026/12/02 09:00")
    walk(withdrawn, RETRACT)
    assert date(2026, 12, 2) in daily.days_without_publication(
        date(2026, 12, 2), date(2026, 12, 2), today=TODAY
    )


def test_the_morning_after_names_the_previous_working_day(portal):
    site(portal)
    assert daily.missed_yesterday(TODAY) == date(2026, 12, 2)
    # Monday 30/11: the previous working day is Thursday 26/11 (Friday is a holiday).
    assert daily.missed_yesterday(date(2026, 11, 30)) == date(2026, 11, 26)
    # Tuesday 01/12: Monday 30/11 had nothing either.
    assert daily.missed_yesterday(date(2026, 12, 1)) == date(2026, 11, 30)
    # Wednesday 02/12: Tuesday 01/12 had its evening article.
    assert daily.missed_yesterday(date(2026, 12, 2)) is None


def test_the_dashboard_shows_this_months_days_without_publication(portal):
    site(portal)
    data = reports.dashboard(today=TODAY)
    assert data["days_without_publication"] == ["2026-12-02"]
    page = portal.restrictedTraverse("@@editorial-dashboard")()
    assert 'id="daily-updates"' in page
    assert "02/12/2026" in page.split('id="days-without-publication"')[1].split("</ul>")[0]


def test_the_six_month_report_counts_them_by_month(portal):
    site(portal)
    found = activity_report(Period(date(2026, 11, 1), date(2026, 12, 31)), today=TODAY)
    part = next(s for s in found["sections"] if s["id"] == "daily_updates")
    # November from Monday 02/11 (the site was created on 01/11): 20 working days
    # (21 weekdays minus Friday 27/11); published on 23 and 25 only.
    november, december = part["rows"]
    assert november[0] == "11/2026" and november[1:4] == [20, 2, 18]
    assert "24/11" in november[4] and "26/11" in november[4] and "27/11" not in november[4]
    # December until yesterday: Tuesday 01 and Wednesday 02.
    assert december == ["12/2026", 2, 1, 1, "02/12"]
    assert part["footer"][1:4] == [22, 3, 19]


def head_of_board():
    if api.group.get(groupname=HEAD_OF_BOARD_GROUP) is None:
        api.group.create(groupname=HEAD_OF_BOARD_GROUP)
    api.user.create(
        email=email("truongban"),
        username="truongban",
        password=PASSWORD,
        properties={"fullname": "Chủ tịch, Trưởng Ban Biên tập"},
    )
    api.group.add_user(groupname=HEAD_OF_BOARD_GROUP, username="truongban")


def test_the_digest_warns_the_head_of_the_board_the_morning_after(mail, functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    create_members()
    head_of_board()
    calendar(portal)
    published_on(portal, "2026/12/01 09:00")
    transaction.commit()
    mail.wait_for(1, timeout=1)
    mail.messages.clear()
    assert send_digest(today=TODAY) == (0, 4)  # nothing late, yet a warning
    transaction.commit()
    messages = mail.wait_for(4)
    assert email("truongban") in [m["to"][0] for m in messages]
    message = messages[0]["message"]
    assert message["Subject"] == "[Ban Biên tập] Không có tin, bài xuất bản ngày 02/12/2026"
    body = mail.body(message)
    assert "Ngày làm việc 02/12/2026 không có tin, bài nào được xuất bản" in body
    assert "Điều 8.1" in body
    # The morning after a day with a publication: nothing late, nothing sent.
    mail.messages.clear()
    assert send_digest(today=date(2026, 12, 2)) == (0, 0)
    transaction.commit()
    assert mail.wait_for(1, timeout=1) == []
