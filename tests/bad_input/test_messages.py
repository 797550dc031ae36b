"""A request Zope cannot read fails before traversal, where no site layer
applies: it still gets a 400 with the reason — a page for a browser, JSON
for other clients — in Vietnamese, or in English when asked for first."""

import re

import pytest
import requests


VI = {"Accept-Language": "vi"}
EN = {"Accept-Language": "en-US,en;q=0.9,vi;q=0.5"}
FR = {"Accept-Language": "fr-FR"}  # neither portal language: Vietnamese
REASON_VI = "Không đọc được dữ liệu biểu mẫu của yêu cầu (ValueError: "
REASON_EN = "The request's form data could not be read (ValueError: "


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


@pytest.mark.parametrize(
    "language, heading, reason, lang",
    [
        (VI, "Cổng thông tin không đọc được yêu cầu của bạn", REASON_VI, "vi"),
        (FR, "Cổng thông tin không đọc được yêu cầu của bạn", REASON_VI, "vi"),
        (EN, "The portal could not read your request", REASON_EN, "en"),
    ],
)
def test_a_browser_gets_a_page_with_the_reason(functional, language, heading, reason, lang):
    url = functional["portal"].absolute_url() + "/@@search?b_start:int=abc"
    response = requests.get(url, headers={"Accept": "text/html", **language}, timeout=60)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/html")
    page = text(response.text)
    assert heading in page and reason in page
    assert "Traceback" not in response.text and "lỗi hệ thống" not in page
    assert f'lang="{lang}"' in response.text


@pytest.mark.parametrize("language, reason", [(VI, REASON_VI), ({}, REASON_VI), (EN, REASON_EN)])
def test_other_clients_get_json_with_the_reason(functional, language, reason):
    url = functional["portal"].absolute_url() + "/@@search?b_start:int=abc"
    response = requests.get(url, headers=language, timeout=60)  # Accept: */*
    assert response.status_code == 400
    assert response.json()["type"] == "BadRequest"
    assert response.json()["message"].startswith(reason)


@pytest.mark.parametrize(
    "language, expected",
    [
        (VI, "b_size: '0' phải là số nguyên từ 1 trở lên."),
        (EN, "b_size: '0' must be a whole number from 1."),
    ],
)
def test_rest_search_batch_size(functional, language, expected):
    url = functional["portal"].absolute_url() + "/@search?b_size=0"
    response = requests.get(url, headers={"Accept": "application/json", **language}, timeout=60)
    assert response.status_code == 400
    assert response.json()["message"] == expected
