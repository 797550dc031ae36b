"""Requests for information (Luật Tiếp cận thông tin 2016; NĐ 13/2018/NĐ-CP
Mẫu số 02): the form, the code, the deadline in working days, the small
workflow, need-to-know, the list of information published."""

from datetime import date
from datetime import datetime

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import Browser

from dakto.policy.access_to_information import requests as store
from dakto.policy.antispam import HONEYPOT_FIELD
from dakto.policy.editorial_board import deadlines as calendar
from tests.browsers import anon
from tests.browsers import owner


GOOD = {
    "name": "Lê Thị Mai",
    "birth_date": "12/05/1985",
    "id_number": "062185000123",
    "residence": "Tổ dân phố 3, phường Hải Châu",
    "phone": "0905123456",
    "email": "mai.le@example.vn",
    "information": "Quyết định phê duyệt quy hoạch sử dụng đất năm 2026 của phường.",
    "purpose": "Tìm hiểu trước khi xin cấp phép xây dựng nhà ở.",
    "delivery": "mang-dien-tu",
}


def section(functional):
    return store.section(functional["portal"])


def send(browser, folder, values):
    browser.open(f"{folder.absolute_url()}/@@yeu-cau-cung-cap-thong-tin")
    form = browser.getForm(id="information-request-form")
    for name in store.FIELDS:
        form.getControl(name=name).value = values.get(name, "")
    if values.get("delivery"):
        form.getControl(name="delivery").value = [values["delivery"]]
    form.getControl(name="form.submitted").click()


def test_the_section_page_links_the_form_and_lists_what_is_published(functional):
    portal = functional["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        item = api.content.create(
            container=portal["tin-tuc"], type="News Item", id="ke-hoach", title="Kế hoạch năm 2026"
        )
        item.news_source, item.news_author = "UBND", "Văn phòng"
        api.content.transition(item, to_state="published")
        draft = api.content.create(
            container=portal["tin-tuc"], type="News Item", id="nhap", title="Bản nháp chưa đăng"
        )
    transaction.commit()
    browser = anon(functional)
    browser.open(section(functional).absolute_url())
    html = browser.contents
    assert 'id="public-information-list"' in html
    assert "Danh mục thông tin công khai" in html
    assert "Kế hoạch năm 2026" in html and item.absolute_url() in html
    assert draft.title not in html  # only what is published
    assert "@@yeu-cau-cung-cap-thong-tin" in html
    # not on other folders
    browser.open(portal["tin-tuc"].absolute_url())
    assert 'id="public-information-list"' not in browser.contents


def test_a_citizen_requests_information_and_gets_a_code_and_the_deadline(functional):
    folder = section(functional)
    browser = anon(functional)
    send(browser, folder, GOOD)
    assert 'id="information-request-sent"' in browser.contents
    assert f'name="{HONEYPOT_FIELD}"' not in browser.contents  # the form is gone
    transaction.begin()
    [request] = store.all_requests(folder)
    assert request.code in browser.contents
    assert store.PREFIX + "-" in request.code and len(request.code) == 12
    assert request.state == store.RECEIVED
    assert request.name == GOOD["name"] and request.delivery == "mang-dien-tu"
    due = store.deadline(request)
    assert due.strftime("%d/%m/%Y") in browser.contents


def test_the_official_form_fields_are_asked(functional):
    browser = anon(functional)
    browser.open(f"{section(functional).absolute_url()}/@@yeu-cau-cung-cap-thong-tin")
    html = browser.contents
    for label in (
        "Họ và tên",
        "Ngày, tháng, năm sinh",
        "Số CMND/CCCD hoặc hộ chiếu",
        "Nơi cư trú",
        "Thông tin yêu cầu cung cấp",
        "Mục đích yêu cầu cung cấp thông tin",
        "Hình thức nhận thông tin",
        "Nhận qua dịch vụ bưu chính",
    ):
        assert label in html, label


def test_a_request_without_the_required_fields_is_refused_at_the_fields(functional):
    folder = section(functional)
    browser = anon(functional)
    send(browser, folder, {"name": "Lê Thị Mai", "birth_date": "31/02/1985"})
    assert browser.headers["status"].startswith("400")
    for name in (
        "id_number",
        "residence",
        "information",
        "purpose",
        "delivery",
        "birth_date",
        "phone",
    ):
        assert f'id="ir-{name}-error"' in browser.contents, name
    transaction.begin()
    assert store.all_requests(folder) == []


def test_honeypot_and_rate_limit(functional):
    folder = section(functional)
    browser = anon(functional)
    url = f"{folder.absolute_url()}/@@yeu-cau-cung-cap-thong-tin"
    browser.post(url, f"name=x&{HONEYPOT_FIELD}=spam")
    assert browser.headers["status"].startswith("400")
    assert 'id="information-request-error"' in browser.contents
    from dakto.policy.access_to_information.views import LIMITER

    LIMITER.reset()
    for _ in range(LIMITER.max_requests):
        browser.post(url, "name=x")
    browser.post(url, "name=x")
    assert browser.headers["status"].startswith("429")


def test_the_form_is_only_on_the_access_to_information_section(functional):
    browser = anon(functional)
    browser.open(f"{functional['portal']['tin-tuc'].absolute_url()}/@@yeu-cau-cung-cap-thong-tin")
    assert browser.headers["status"].startswith("404")


def test_deadline_is_15_working_days_from_receipt_extendable_once_by_15(portal):
    folder = store.section(portal)
    clean, errors = store.validate(GOOD)
    assert not errors
    request = store.add(folder, clean)
    request.created = datetime(2026, 12, 1, 3, 0)  # a Tuesday in Viet Nam
    holidays = calendar.holidays()
    assert store.deadline(request) == calendar.add_working_days(request.created, 15, holidays)
    assert store.deadline(request, frozenset()) == date(2026, 12, 22)  # weekends skipped
    store.extend(request, "admin", "Thông tin cần tập hợp từ nhiều bộ phận")
    assert store.deadline(request, frozenset()) == date(2027, 1, 12)
    try:
        store.extend(request, "admin", "lần nữa")
    except store.TransitionError:
        pass
    else:
        raise AssertionError("a second extension was accepted")


def test_the_workflow_received_processing_answered_or_refused_with_a_reason(portal):
    folder = store.section(portal)
    clean, _errors = store.validate(GOOD)
    request = store.add(folder, clean)
    store.transition(request, store.PROCESSING, "admin")
    for state in (store.ANSWERED, store.REFUSED):
        try:
            store.transition(request, state, "admin", "")
        except store.TransitionError:
            pass
        else:
            raise AssertionError(f"{state} without a note was accepted")
    store.transition(request, store.REFUSED, "admin", "Thông tin thuộc bí mật nhà nước (Điều 6).")
    assert [h["state"] for h in request.history] == ["received", "processing", "refused"]
    try:
        store.transition(request, store.ANSWERED, "admin", "x")
    except store.TransitionError:
        pass
    else:
        raise AssertionError("a refused request was answered")


def test_the_board_processes_requests_and_personal_data_is_need_to_know(functional):
    folder = section(functional)
    send(anon(functional), folder, GOOD)
    transaction.begin()
    [request] = store.all_requests(folder)
    board = owner(functional)
    board.open(f"{folder.absolute_url()}/@@information-requests")
    assert request.code in board.contents
    assert GOOD["id_number"] in board.contents  # the administrator holds View personal data
    form = board.getForm(index=_form_index(board))
    form.getControl(name="note").value = "Gửi kèm Quyết định số 12/QĐ-UBND."
    form.getControl(name="step", index=1).click()  # Answered
    transaction.begin()
    assert store.get(folder, request.code).state == store.ANSWERED

    # a reviewer without View personal data sees the request, not the person
    api.user.create(email="r@example.vn", username="reviewer", password="Ca-phe-Dak-2026-xanh")
    api.user.grant_roles(username="reviewer", roles=["Reviewer"])
    transaction.commit()
    reviewer = Browser(functional["app"])
    reviewer.handleErrors = False
    reviewer.addHeader("Authorization", "Basic reviewer:Ca-phe-Dak-2026-xanh")
    reviewer.open(f"{folder.absolute_url()}/@@information-requests")
    assert request.code in reviewer.contents
    assert GOOD["id_number"] not in reviewer.contents
    assert GOOD["name"] not in reviewer.contents

    # anonymous: no list
    browser = anon(functional)
    browser.open(f"{folder.absolute_url()}/@@information-requests")
    assert request.code not in browser.contents


def _form_index(browser):
    return [
        i for i, part in enumerate(browser.contents.split("<form")[1:]) if 'name="code"' in part
    ][0]
