"""Every number of the activity report, checked against a site built for it."""

from datetime import date

from dakto.policy.reports.model import activity_report
from dakto.policy.reports.period import Period
from tests.reports.site import TODAY
from tests.reports.site import build


PERIOD = Period(date(2026, 1, 1), date(2026, 6, 30))


def test_every_number_of_the_report(portal):
    """One site build (it is the slow part), every section checked."""
    build(portal)
    found = activity_report(PERIOD, today=TODAY)
    report = {part["id"]: part for part in found["sections"]}
    check_articles_by_section_and_month(report)
    check_articles_by_member_against_quota(report)
    check_articles_received_by_channel(report)
    check_feedback(report)
    check_drafts_documents_and_promotions(report)
    check_summary(report)
    # Late feedback is counted on the day the report is made.
    later = activity_report(PERIOD, today=date(2026, 11, 29))
    feedback = next(part for part in later["sections"] if part["id"] == "feedback")
    assert feedback["rows"][3][1] == 3  # f4's deadline has passed too
    # A period without activity gives zeros, not errors.
    empty = activity_report(Period(date(2020, 1, 1), date(2020, 1, 31)), today=TODAY)
    parts = {part["id"]: part for part in empty["sections"]}
    assert [row[1] for row in parts["summary"]["rows"]] == [0] * 10
    assert parts["articles_by_section"]["rows"] == []
    assert parts["articles_by_month"]["rows"] == [["01/2020", 0]]


def plain(part):
    """Rows and footer with messages as their msgids (str)."""
    return [[str(v) if isinstance(v, str) else v for v in row] for row in part["rows"]], [
        str(v) if isinstance(v, str) else v for v in part["footer"]
    ]


def check_articles_by_section_and_month(report):
    rows, footer = plain(report["articles_by_section"])
    assert rows == [["Kinh tế", 2], ["Văn hóa - Xã hội", 2]]
    assert footer == ["Total", 4]
    rows, footer = plain(report["articles_by_month"])
    assert rows == [
        ["01/2026", 1],
        ["02/2026", 0],
        ["03/2026", 2],
        ["04/2026", 0],
        ["05/2026", 0],
        ["06/2026", 1],  # 30/06 23:50 Viet Nam time is still June
    ]
    assert footer == ["Total", 4]


def check_articles_by_member_against_quota(report):
    rows, footer = plain(report["articles_by_member"])
    assert rows == [
        ["Hoàng Văn Em", 0, 6, 6],
        ["Lê Văn Cường", 0, 6, 6],
        ["Nguyễn Thị Lan", 3, 6, 3],
        ["Phạm Thị Dung", 0, 6, 6],
        ["Trần Văn Bình", 1, 6, 5],
    ]
    assert footer == ["Total", 4, "", ""]


def check_articles_received_by_channel(report):
    rows, footer = plain(report["intake_by_channel"])
    assert rows == [
        ["On paper (with a soft copy)", 1, 0, 0, 0, 1],
        ["Zalo", 2, 2, 2, 0, 0],
        ["E-mail", 1, 1, 0, 1, 0],
    ]
    assert footer == ["Total", 4, 3, 2, 1, 1]


def check_feedback(report):
    rows, _footer = plain(report["feedback"])
    assert [row[1] for row in rows] == [5, 2, 1, 2, 1, 2, 0]
    rows, footer = plain(report["feedback_by_topic"])
    assert rows == [
        ["Land and housing", 2, 0, 1],
        ["Environment and sanitation", 1, 0, 0],
        ["Roads and traffic", 2, 2, 1],
    ]
    assert footer == ["Total", 5, 2, 2]
    rows, footer = plain(report["feedback_by_unit"])
    assert rows == [["Công an thị trấn", 1, 1, 1], ["Văn phòng", 2, 1, 1]]
    assert footer == ["Total", 3, 2, 2]


def check_drafts_documents_and_promotions(report):
    rows, footer = plain(report["drafts"])
    assert rows == [["Dự thảo quy hoạch chợ", "20/05/2026 – 15/07/2026", 2, 5]]
    assert footer == ["Total", 1, 2, 5]
    rows, _footer = plain(report["documents"])
    assert rows == [
        ["Legal documents", 1, 1],
        ["Administrative procedures", 2, 0],
    ]  # p2 counted once
    rows, footer = plain(report["promotions"])
    assert rows == [["Quảng bá pr1", date(2026, 6, 15), date(2026, 8, 31), 16]]
    assert footer == ["Total", 1, "", ""]


def check_summary(report):
    rows, _footer = plain(report["summary"])
    # ... requests for information 0, ..., page views 0 (none counted here)
    assert [row[1] for row in rows] == [4, 4, 5, 0, 1, 2, 1, 2, 1, 0]
