"""The follow-up page by code: whoever holds the code sees the state, the
deadline and its extension with the reason, the answer or the reasons for
refusing (Luật TCTT Art. 28.2) — never the requester's personal data; a
malformed code is refused, an unknown one is 404, lookups are rate-limited."""

import transaction

from dakto.policy.access_to_information import actions
from dakto.policy.access_to_information import requests as store
from dakto.policy.access_to_information.status import STATUS_LIMITER
from tests.browsers import anon

from .test_requests import GOOD
from .test_requests import send


def _page(functional, code):
    folder = store.section(functional["portal"])
    browser = anon(functional)
    browser.open(f"{folder.absolute_url()}/@@{store.STATUS_VIEW}?code={code}")
    return browser


def test_the_receipt_links_the_follow_up_page_which_shows_no_personal_data(functional):
    folder = store.section(functional["portal"])
    browser = anon(functional)
    send(browser, folder, GOOD)
    link = browser.getLink(id="information-request-status-link")
    link.click()
    transaction.begin()
    [request] = store.all_requests(folder)
    html = browser.contents
    assert 'id="information-request-status"' in html
    # the code is a key: no cache keeps the page, no referrer carries it on
    assert browser.headers["Cache-Control"] == "private, no-store"
    assert browser.headers["Referrer-Policy"] == "no-referrer"
    assert request.code in html
    assert 'id="information-request-state">Đã tiếp nhận<' in html
    assert store.deadline(request).strftime("%d/%m/%Y") in html
    for name in store.PERSONAL:
        assert GOOD[name] not in html, name
    assert GOOD["information"] not in html  # what was asked stays with the board


def test_extension_answer_and_refusal_reasons_are_shown(functional):
    folder = store.section(functional["portal"])
    clean, _errors = store.validate(GOOD)
    extended, _m = actions.submit(folder, clean)
    actions.take_step(extended, actions.EXTEND, "admin", "Cần lấy ý kiến phòng Tài nguyên.")
    answered, _m = actions.submit(folder, clean)
    actions.take_step(answered, store.ANSWERED, "admin", "Mời nhận bản sao tại bộ phận một cửa.")
    refused, _m = actions.submit(folder, clean)
    actions.take_step(refused, store.REFUSED, "admin", "Thông tin đã được công khai (Điều 17).")
    transaction.commit()
    html = _page(functional, extended.code).contents
    assert "Cần lấy ý kiến phòng Tài nguyên." in html
    assert "(đã gia hạn)" in html
    assert store.deadline(extended).strftime("%d/%m/%Y") in html
    html = _page(functional, answered.code).contents
    assert 'id="information-request-answer"' in html
    assert "Mời nhận bản sao tại bộ phận một cửa." in html
    html = _page(functional, refused.code.lower().replace("-", " ")).contents  # as typed
    assert 'id="information-request-refusal"' in html
    assert "Thông tin đã được công khai (Điều 17)." in html


def test_malformed_unknown_and_too_many_lookups(functional):
    browser = _page(functional, "PA-7KQX-3MZD")  # a feedback code is not a request's
    assert browser.headers["status"].startswith("400")
    assert 'id="ir-code-error"' in browser.contents
    browser = _page(functional, "TT-7KQX-3MZD")
    assert browser.headers["status"].startswith("404")
    assert "TT-7KQX-3MZD" in browser.contents
    STATUS_LIMITER.reset()
    for _ in range(STATUS_LIMITER.max_requests):
        _page(functional, "TT-7KQX-3MZD")
    assert _page(functional, "TT-7KQX-3MZD").headers["status"].startswith("429")


def test_the_follow_up_page_is_only_on_the_section(functional):
    browser = anon(functional)
    browser.open(f"{functional['portal']['tin-tuc'].absolute_url()}/@@{store.STATUS_VIEW}")
    assert browser.headers["status"].startswith("404")


def test_codes_are_normalised_as_people_type_them():
    assert store.normalise_code(" tt 7kqx-3mzd ") == "TT-7KQX-3MZD"
    assert store.normalise_code("TT-7KQX-3MZ0") is None  # 0 is not in the alphabet
    assert store.normalise_code("PA-7KQX-3MZD") is None
    assert store.normalise_code(None) is None
