"""Progress notices over REST (NĐ 43/2011 Art. 17 as carried on): the staff
who handle an item tell the citizen, within the deadline, that the matter is
being handled and the day to expect the answer, with ``POST
@progress-notice/<code>`` or ``POST <item>/@progress-notice``. The sender is
mailed (a real SMTP server) and ``@feedback-status`` shows the notice; bad
input is a 4xx with the reason and stores nothing."""

import json
from datetime import timedelta

import transaction
from plone import api

from dakto.policy.dates import today
from dakto.policy.feedback import names
from dakto.policy.feedback import status
from dakto.policy.feedback.deadlines import progress_notices
from tests.feedback.helpers import GOOD
from tests.feedback.helpers import PASSWORD
from tests.feedback.helpers import make_feedback
from tests.servers import http_get


RECEIVER = "tiep-nhan-4"
EDITOR = "cap-nhat-4"
TEXT = "Đã chuyển Phòng Kinh tế - Hạ tầng kiểm tra hiện trường."


def _item(portal):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="tn4@example.vn", username=RECEIVER, password=PASSWORD)
        api.group.add_user(groupname=names.RECEIVERS_GROUP, username=RECEIVER)
        api.user.create(email="cn4@example.vn", username=EDITOR, password=PASSWORD)
        api.group.add_user(groupname="cap-nhat", username=EDITOR)
        obj = make_feedback()
    transaction.commit()
    return obj


def _post(url, body, user=RECEIVER):
    code, text = http_get(
        url,
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        data=json.dumps(body).encode() if not isinstance(body, bytes) else body,
        method="POST",
        auth=(user, PASSWORD) if user else None,
    )
    return code, json.loads(text) if text.strip() else {}


def test_a_receiver_sends_a_notice_the_citizen_is_mailed_and_the_status_shows_it(functional, mail):
    portal = functional["portal"]
    obj = _item(portal)
    expected = today() + timedelta(days=20)
    code, data = _post(
        f"{portal.absolute_url()}/@progress-notice/{obj.tracking_code.lower()}",
        {"text": TEXT, "expected": expected.strftime("%d/%m/%Y")},
    )
    assert code == 201, data
    assert data["tracking_code"] == obj.tracking_code and data["mailed"] is True
    [notice] = data["progress_notices"]
    assert notice["text"] == TEXT and notice["expected"] == expected.isoformat()
    mail.wait_for(1)
    [message] = mail.to(GOOD["email"])
    assert TEXT in mail.body(message) and expected.strftime("%d/%m/%Y") in mail.body(message)
    transaction.begin()
    info = status.status_info(status.find(obj.tracking_code), obj.REQUEST)
    assert info["progress_notices"][0]["text"] == TEXT
    # on the item itself too
    code, data = _post(
        f"{obj.absolute_url()}/@progress-notice",
        {"text": "Đang chờ kết quả khảo sát.", "expected": expected.isoformat()},
    )
    assert code == 201 and len(data["progress_notices"]) == 2


def test_bad_input_and_others_are_refused_with_a_reason(functional):
    portal = functional["portal"]
    obj = _item(portal)
    url = f"{portal.absolute_url()}/@progress-notice/{obj.tracking_code}"
    good = {"text": TEXT, "expected": (today() + timedelta(days=5)).isoformat()}
    for body, field in (
        ({"text": "  ", "expected": good["expected"]}, "text"),
        ({"text": "x" * 2001, "expected": good["expected"]}, "text"),
        ({"text": TEXT, "expected": today().isoformat()}, "expected"),  # after today
        ({"text": TEXT, "expected": "31/02/2027"}, "expected"),
        ({"text": TEXT}, "expected"),
    ):
        code, data = _post(url, body)
        assert code == 400, (body, data)
        assert data["error"]["field"] == field, data
    code, data = _post(url, b"[1, 2]")
    assert code == 400 and data["error"]["message"]
    code, data = _post(f"{portal.absolute_url()}/@progress-notice/PA-AAAA-BBBB", good)
    assert code == 404
    code, data = _post(url, good, user=None)
    assert code == 401 and data["error"]["message"]
    code, data = _post(url, good, user=EDITOR)  # the editorial board does not read feedback
    assert code == 403 and data["error"]["message"]
    transaction.begin()
    assert not progress_notices(status.find(obj.tracking_code))
    # answered: no notice any more
    with api.env.adopt_roles(["Manager"]):
        fresh = status.find(obj.tracking_code)
        fresh.purpose = "phan-anh"
        api.content.transition(fresh, transition=names.CLASSIFY)
        fresh.forwarded_to = "x"
        api.content.transition(fresh, transition=names.FORWARD)
        fresh.answer = "Đã xử lý."
        api.content.transition(fresh, transition=names.ANSWER)
    transaction.commit()
    code, data = _post(url, good)
    assert code == 409 and data["error"]["type"] == "NotOpen"
