"""REST: anonymous ``POST @information-request`` (bad input → 400 with the
reasons per field, Luật TCTT Art. 24.2's contents), the public
``GET @information-request-status``, and the board's list and steps."""

import json

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from dakto.policy.access_to_information import requests as store

from .test_requests import GOOD


def _browser(functional, auth=None):
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.addHeader("Accept", "application/json")
    browser.addHeader("Content-Type", "application/json")
    if auth:
        browser.addHeader("Authorization", f"Basic {auth}")
    return browser


def _post(browser, url, data):
    browser.post(url, json.dumps(data), "application/json")
    return json.loads(browser.contents)


def test_anonymous_submit_and_public_status(functional):
    portal_url = functional["portal"].absolute_url()
    browser = _browser(functional)
    answer = _post(browser, f"{portal_url}/@information-request", GOOD)
    assert browser.headers["status"].startswith("201")
    code = answer["code"]
    transaction.begin()
    request = store.get(store.section(functional["portal"]), code)
    assert answer["deadline"] == store.deadline(request).isoformat()
    browser.open(f"{portal_url}/@information-request-status?code={code.lower()}")
    status = json.loads(browser.contents)
    assert status["code"] == code and status["status"] == store.RECEIVED
    assert browser.headers["Cache-Control"] == "private, no-store"
    assert status["deadline"] == answer["deadline"]
    assert not {"name", "id_number", "email", "phone", "residence", "requester"} & set(status)
    assert GOOD["id_number"] not in json.dumps(status)
    browser.open(f"{portal_url}/@information-request-status/{code}")
    assert json.loads(browser.contents)["code"] == code


def test_bad_input_is_400_with_the_reasons(functional):
    portal_url = functional["portal"].absolute_url()
    browser = _browser(functional)
    answer = _post(
        browser, f"{portal_url}/@information-request", {"name": "Lê Thị Mai", "delivery": "x"}
    )
    assert browser.headers["status"].startswith("400")
    fields = {e["field"] for e in answer["error"]["errors"]}
    assert {"id_number", "residence", "information", "purpose", "delivery", "phone"} <= fields
    browser.post(f"{portal_url}/@information-request", "[1, 2]", "application/json")
    assert browser.headers["status"].startswith("400")
    browser.open(f"{portal_url}/@information-request-status?code=xyz")
    assert browser.headers["status"].startswith("400")
    browser.open(f"{portal_url}/@information-request-status?code=TT-7KQX-3MZD")
    assert browser.headers["status"].startswith("404")
    transaction.begin()
    assert store.all_requests(store.section(functional["portal"])) == []


def test_the_board_lists_and_takes_steps(functional):
    portal_url = functional["portal"].absolute_url()
    code = _post(_browser(functional), f"{portal_url}/@information-request", GOOD)["code"]
    board = _browser(functional, f"{SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    board.open(f"{portal_url}/@information-requests")
    listing = json.loads(board.contents)
    [item] = listing["items"]
    assert item["code"] == code and item["requester"]["id_number"] == GOOD["id_number"]
    assert item["steps"] == [store.PROCESSING, store.ANSWERED, store.REFUSED, "extend"]
    answer = _post(board, f"{portal_url}/@information-requests/{code}", {"step": "refused"})
    assert board.headers["status"].startswith("400")  # a refusal needs its reasons
    assert answer["error"]["type"] == "StepNotPossible"
    answer = _post(board, f"{portal_url}/@information-requests/{code}", {"step": "publish"})
    assert board.headers["status"].startswith("400")
    answer = _post(
        board,
        f"{portal_url}/@information-requests/{code}",
        {"step": "refused", "note": "Không thuộc trách nhiệm cung cấp (Điều 28.1c)."},
    )
    assert board.headers["status"].startswith("200")
    assert answer["status"] == store.REFUSED
    assert answer["refusal_reason"] == "Không thuộc trách nhiệm cung cấp (Điều 28.1c)."
    _post(board, f"{portal_url}/@information-requests/TT-7KQX-3MZD", {"step": "processing"})
    assert board.headers["status"].startswith("404")


def test_the_list_is_for_the_board_and_personal_data_need_to_know(functional):
    portal_url = functional["portal"].absolute_url()
    _post(_browser(functional), f"{portal_url}/@information-request", GOOD)
    anonymous = _browser(functional)
    anonymous.open(f"{portal_url}/@information-requests")
    assert anonymous.headers["status"].startswith("401")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(email="r@example.vn", username="reviewer", password="Ca-phe-Dak-2026-xanh")
        api.user.grant_roles(username="reviewer", roles=["Reviewer"])
    transaction.commit()
    reviewer = _browser(functional, "reviewer:Ca-phe-Dak-2026-xanh")
    reviewer.open(f"{portal_url}/@information-requests")
    [item] = json.loads(reviewer.contents)["items"]
    assert "requester" not in item
    assert GOOD["id_number"] not in json.dumps(item) and GOOD["name"] not in json.dumps(
        item, ensure_ascii=False
    )
