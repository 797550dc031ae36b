"""The REST examples of docs/rest-api.md, run against the functional test server.

Each example is a ```sh block with one ``curl`` command followed by an ```http
block with the documented answer: its status line, optional headers, and a
JSON body. The request is parsed (method, user, headers, body, URL) and sent to
the test server in the order of the document (the documented site
``http://127.0.0.1:8080/dakto`` becomes the test portal); the answer must have
the documented status, the documented headers' values as prefixes, and every
key of the documented JSON (nested objects, and the first item of lists).
Values that differ from the documented ones (a tracking code, a comment's id)
replace them in the later requests. A test also checks that every custom
``plone:service`` (method and name) has an example.
"""

import json
import re
import shlex
from datetime import timedelta
from pathlib import Path

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from dakto.policy.antispam import RateLimiter
from dakto.policy.security.lockout import COUNTERS
from tests.feedback.helpers import PNG
from tests.feedback.helpers import forward_to_unit


REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "rest-api.md"
SRC = REPO / "src"
DOCUMENTED_SITE = "http://127.0.0.1:8080/dakto"
DOCUMENTED_ROOT = "http://127.0.0.1:8080/"
PASSWORD = "mat-khau-vi-du-2026"
# documented user -> (user id, full name, group)
USERS = {
    "capnhat": ("Nguyễn Thị Hoa", "cap-nhat"),
    "kiemduyet": ("Lê Văn Duyệt", "kiem-duyet"),
}

# the documented code of the feedback forwarded to a unit (the site fixture's)
FORWARDED_CODE = "PA-8DVT-KH3N"

EXAMPLE = re.compile(r"^```sh\n(curl .*?)^```\n+^```http\n(.*?)^```\n", re.S | re.M)


def examples(text=None):
    """``[(curl command, documented answer)]`` of the document, in order."""
    return EXAMPLE.findall(text if text is not None else DOC.read_text(encoding="utf-8"))


def parse_curl(command):
    words = shlex.split(command.replace("\\\n", " "), comments=True)
    assert words[0] == "curl", command
    request = {"method": None, "headers": {}, "user": None, "data": None, "url": None}
    words = iter(words[1:])
    for word in words:
        if word == "-X":
            request["method"] = next(words)
        elif word == "-u":
            request["user"] = next(words).split(":", 1)[0]
        elif word == "-H":
            name, value = next(words).split(":", 1)
            request["headers"][name.strip()] = value.strip()
        elif word in ("-d", "--data", "--data-binary"):
            data = next(words)
            request["data"] = (REPO / data[1:]).read_bytes() if data.startswith("@") else data
        elif word == "-o":
            next(words)
        elif word.startswith("http"):
            request["url"] = word
        elif word not in ("-s", "-i"):
            raise AssertionError(f"curl option not understood by the test: {word}")
    request["method"] = request["method"] or ("POST" if request["data"] is not None else "GET")
    assert request["url"], command
    return request


def parse_answer(text):
    head, _, body = text.partition("\n\n")
    lines = head.strip().splitlines()
    status = int(lines[0].split()[1])
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return status, headers, json.loads(body) if body.strip() else None


def missing_keys(documented, actual, path="$"):
    """The documented keys absent from the actual JSON."""
    if isinstance(documented, dict):
        if not isinstance(actual, dict):
            return [f"{path}: not an object"]
        found = []
        for key, value in documented.items():
            if key not in actual:
                found.append(f"{path}.{key}")
            else:
                found += missing_keys(value, actual[key], f"{path}.{key}")
        return found
    if isinstance(documented, list) and documented and isinstance(documented[0], (dict, list)):
        if not isinstance(actual, list):
            return [f"{path}: not a list"]
        return missing_keys(documented[0], actual[0], f"{path}[0]") if actual else []
    return []


def differing_strings(documented, actual, found=None):
    """{documented: actual} of string leaves that differ (ids, codes)."""
    found = {} if found is None else found
    if isinstance(documented, dict) and isinstance(actual, dict):
        for key, value in documented.items():
            if key in actual:
                differing_strings(value, actual[key], found)
    elif isinstance(documented, str) and isinstance(actual, str) and documented != actual:
        if len(documented) >= 6:
            found[documented] = actual
    return found


def services():
    """(method, name) of every custom plone:service."""
    found = set()
    for zcml in SRC.glob("*/src/**/*.zcml"):
        for attributes in re.findall(r"<plone:service(.*?)/>", zcml.read_text(), re.S):
            fields = dict(re.findall(r'(\w+)="([^"]*)"', attributes))
            found.add((fields["method"], fields["name"]))
    return found


def test_every_service_has_an_example():
    documented = set()
    for command, _answer in examples():
        request = parse_curl(command)
        for name in re.findall(r"/(@[\w-]+)", request["url"]):
            documented.add((request["method"], name))
    assert sorted(services() - documented) == []


def test_parsers_see_drift():
    """A documented status or key that the answer lacks is reported."""
    text = (
        "```sh\ncurl -X POST -u admin:$PW -H 'Accept: application/json' "
        "-d '{\"a\": 1}' http://127.0.0.1:8080/dakto/@x\n```\n\n"
        '```http\nHTTP/1.1 201 Created\n\n{"id": "abc", "items": [{"title": "t"}]}\n```\n'
    )
    ((command, answer),) = examples(text)
    assert parse_curl(command)["method"] == "POST"
    status, _headers, body = parse_answer(answer)
    assert status == 201
    assert missing_keys(body, {"id": "x", "items": [{}]}) == ["$.items[0].title"]
    assert missing_keys(body, {"items": []}) == ["$.id"]


@pytest.fixture(scope="class")
def site(functional_class, functional_portal_class):
    """The content the examples name, at the documented paths."""
    from dakto.policy.consultation.period import today
    from dakto.policy.workflow.names import PUBLISHED
    from dakto.policy.workflow.names import SUBMIT

    portal = functional_portal_class
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for userid, (fullname, group) in USERS.items():
            api.user.create(
                username=userid,
                email=f"{userid}@example.vn",
                password=PASSWORD,
                properties={"fullname": fullname},
            )
            api.group.add_user(groupname=group, username=userid)
        news = portal["tin-tuc"]["kinh-te"]
        published = api.content.create(
            container=news,
            type="News Item",
            id="bai-da-xuat-ban",
            title="Hội chợ nông sản Đắk Tô",
            news_source="UBND thị trấn",
            news_author="Nguyễn Văn A",
        )
        api.content.transition(obj=published, to_state=PUBLISHED)
        draft = api.content.create(
            container=portal["du-thao"],
            type="DraftDocument",
            id="du-thao-quy-che-quan-ly-trat-tu-xay-dung",
            title="Dự thảo Quy chế quản lý trật tự xây dựng",
        )
        draft.drafting_body = "Văn phòng UBND thị trấn"
        draft.comment_opens = today() - timedelta(days=2)
        draft.comment_closes = today() + timedelta(days=10)
        api.content.transition(obj=draft, to_state=PUBLISHED)
        draft.reindexObject()
    with api.env.adopt_user(username="capnhat"):
        submitted = api.content.create(
            container=news,
            type="News Item",
            id="bai-viet",
            title="Khánh thành cầu treo",
            news_source="Văn phòng UBND",
            news_author="Trần Văn Bình",
        )
        api.content.transition(obj=submitted, transition=SUBMIT)
    with api.env.adopt_roles(["Manager"]):
        forwarded = forward_to_unit(
            portal,
            "phong-kinh-te-ha-tang",
            files=[("anh-cong-tac.png", PNG)],
            subject="Cống thoát nước tổ 5 bị tắc",
            content="Sau mỗi trận mưa nước tràn vào nhà dân ở tổ 5.",
        )
    transaction.commit()
    RateLimiter.reset_all()
    COUNTERS._failures.clear()
    return {
        "url": portal.absolute_url(),
        "root": portal.aq_parent.absolute_url(),
        "id_path": f"/@dakto-sites/{portal.getId()}",
        # the item forwarded to a unit has a random code: the documented one stands for it
        "replace": {FORWARDED_CODE: forwarded.tracking_code},
    }


def send(site, request):
    url = request["url"].replace(DOCUMENTED_SITE, site["url"])
    url = url.replace(DOCUMENTED_ROOT, site["root"] + "/").replace(
        "/@dakto-sites/dakto", site["id_path"]
    )
    data = request["data"]
    if isinstance(data, str):
        data = data.replace(DOCUMENTED_SITE, site["url"])
    for documented, actual in site["replace"].items():
        url = url.replace(documented, actual)
        if isinstance(data, str):
            data = data.replace(documented, actual)
    auth = None
    if request["user"] == "admin":
        auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    elif request["user"]:
        auth = (request["user"], PASSWORD)
    body = data.encode("utf-8") if isinstance(data, str) else data
    return requests.request(
        request["method"], url, headers=request["headers"], data=body, auth=auth, timeout=120
    )


class TestExamples:
    @pytest.mark.parametrize("index", range(len(examples())))
    def test_example(self, site, index):
        command, answer = examples()[index]
        request = parse_curl(command)
        status, headers, documented = parse_answer(answer)
        response = send(site, request)

        assert response.status_code == status, (command, response.status_code, response.text[:800])
        for name, value in headers.items():
            assert response.headers.get(name, "").startswith(value), (name, response.headers)
        if documented is not None:
            actual = response.json()
            assert missing_keys(documented, actual) == [], (command, actual)
            site["replace"].update(differing_strings(documented, actual))
