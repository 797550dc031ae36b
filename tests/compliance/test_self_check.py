"""The compliance self-check (issue 17, point 8): each publishing duty of the
legal notes is a line, met or not met (in words, not by colour only), with a
link to the page where it is fixed."""

from datetime import date

import requests
import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from zope.component import getGlobalSiteManager
from zope.i18n import translate
from zope.interface import implementer

from dakto.policy.compliance.checks import Result
from dakto.policy.compliance.interfaces import ICheck
from dakto.policy.compliance.model import run_checks
from tests.legal_documents.helpers import make as make_legal
from tests.legal_documents.helpers import prepare as prepare_legal
from tests.organisation.helpers import build as build_organisation
from tests.procedures.helpers import make as make_procedure
from tests.procedures.helpers import prepare as prepare_procedures


TODAY = date(2026, 12, 3)
ORDER = [
    "organisation",
    "leaders",
    "legal_documents",
    "procedures",
    "english",
    "budget",
    "planning",
    "feedback",
    "daily_updates",
]


def text(message):
    return translate(message, target_language="en")


def lines(today=TODAY):
    return {line["id"]: line for line in run_checks(today)}


def page(portal, id, title, container):
    folder = portal.unrestrictedTraverse(container)
    obj = api.content.create(container=folder, type="Document", id=id, title=title)
    api.content.transition(obj=obj, to_state="published")
    obj.reindexObject()
    return obj


def test_every_duty_of_the_legal_notes_is_a_line_in_order(portal):
    found = run_checks(TODAY)
    assert [line["id"] for line in found] == ORDER
    for line in found:
        assert line["title"] and line["basis"] and line["fix_url"].startswith("http")


def test_an_empty_site_misses_the_duties_that_need_content(portal):
    found = lines()
    not_met = {name for name, line in found.items() if not line["ok"]}
    assert not_met == {"organisation", "leaders", "procedures", "english", "budget", "planning"}
    assert found["organisation"]["fix_url"].endswith("/gioi-thieu/co-cau-to-chuc")


def test_organisation_functions_contact_officer_and_leaders_phone_and_email(portal):
    """Article 4.1a, NĐ 42/2022 Art. 6: functions, the contact officer, leaders
    with phone and e-mail."""
    section = build_organisation(portal)
    found = lines()
    assert found["organisation"]["ok"] and found["leaders"]["ok"]
    section["pho-chu-tich"].email = ""
    section["pho-chu-tich"].reindexObject()
    found = lines()
    assert not found["leaders"]["ok"]
    assert "Trần Thị Mai" in text(found["leaders"]["detail"])
    assert found["leaders"]["fix_url"].endswith("/pho-chu-tich/edit")
    section["van-phong"]["nhung"].is_contact_officer = False
    section["van-phong"]["nhung"].reindexObject()
    assert not lines()["organisation"]["ok"]


def test_a_legal_document_not_online_two_working_days_after_issue(portal):
    """NĐ 43/2011 Art. 17: issued Friday 27/11, due Tuesday 01/12; on 03/12 still offline."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    assert lines()["legal_documents"]["ok"]
    make_legal(
        prepare_legal(portal), "qd-5", "5/QĐ-UBND", publish=False, issue_date=date(2026, 11, 27)
    )
    found = lines()["legal_documents"]
    assert not found["ok"] and "5/QĐ-UBND" in text(found["detail"])


def test_procedures_complete(portal):
    """NĐ 63/2010 Art. 8.2: every required part of a published procedure."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    folder = prepare_procedures(portal)
    make_procedure(folder, "khai-sinh", "Đăng ký khai sinh", "1.001193")
    assert lines()["procedures"]["ok"]
    make_procedure(folder, "ket-hon", "Đăng ký kết hôn", "1.000894", processing_time="")
    found = lines()["procedures"]
    assert not found["ok"] and found["fix_url"].endswith("/ket-hon/edit")


def test_english_part_budget_and_plans_for_the_year(portal):
    """NĐ 42/2022 Art. 7 (English) and Article 4.1h (budget, plans of the year)."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    page(portal, "about", "About the People's Committee", "en")
    page(portal, "du-toan-2026", "Dự toán ngân sách năm 2026", "thong-tin-cong-khai/ngan-sach")
    found = lines()
    assert found["english"]["ok"] and found["budget"]["ok"] and not found["planning"]["ok"]
    # Next year, the budget of 2026 is not the year's any more.
    assert not lines(date(2027, 1, 4))["budget"]["ok"]


def test_a_working_day_without_publication_is_a_missed_duty(portal):
    """Article 8.1: at least one publication every working day."""
    portal.creation_date = DateTime("2026/11/01 08:00 GMT+7")
    found = lines()["daily_updates"]
    assert not found["ok"]
    assert "01/12/2026, 02/12/2026" in text(found["detail"])


@implementer(ICheck)
class FeatureCheck:
    title = "Một nghĩa vụ của tính năng"
    basis = "Điều thử"
    after = ("daily_updates",)

    def __call__(self, portal, today):
        return Result(False, "Chưa làm", portal.absolute_url())


def test_a_feature_adds_its_own_check(portal):
    registry = getGlobalSiteManager()
    check = FeatureCheck()
    registry.registerUtility(check, ICheck, name="feature")
    try:
        found = run_checks(TODAY)
        assert [line["id"] for line in found] == ORDER + ["feature"]
        assert found[-1]["ok"] is False and found[-1]["detail"] == "Chưa làm"
    finally:
        registry.unregisterUtility(check, ICheck, name="feature")


def test_page_and_service_for_administrators_only(functional):
    portal = functional["portal"]
    url = portal.absolute_url()
    transaction.commit()
    assert (
        requests.get(
            f"{url}/@compliance", headers={"Accept": "application/json"}, timeout=30
        ).status_code
        == 401
    )
    owner = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    answer = requests.get(
        f"{url}/@compliance", headers={"Accept": "application/json"}, auth=owner, timeout=30
    )
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert [item["id"] for item in data["items"]][: len(ORDER)] == ORDER
    assert data["failed"] == sum(not item["ok"] for item in data["items"]) > 0
    html = requests.get(f"{url}/@@compliance", auth=owner, timeout=30).text
    assert 'lang="vi"' in html
    assert "Tự kiểm tra việc tuân thủ" in html
    assert "Chưa đạt" in html  # said in words, not by colour only
    assert f'href="{url}/gioi-thieu/co-cau-to-chuc"' in html
