"""Issue 19.5: the tracking page labels the status "Trạng thái" and heads
the history "Quá trình xử lý" (not "Ngày nhận" / "Trình tự thực hiện", the
words of other screens)."""

import re

import transaction

from dakto.policy.feedback import names
from tests.feedback.helpers import make_feedback
from tests.servers import http_get


def test_tracking_page_labels(functional):
    portal = functional["portal"]
    obj = make_feedback()
    code = obj.tracking_code
    transaction.commit()
    status, page = http_get(
        f"{portal.absolute_url()}/@@{names.STATUS_VIEW}?code={code}",
        headers={"Accept-Language": "vi"},
    )
    assert status == 200 and code in page
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>\s*<td([^>]*)>', page))
    assert 'id="feedback-status"' in rows.get("Trạng thái", ""), rows
    headings = re.findall(r"<h3>([^<]+)</h3>", page)
    assert "Quá trình xử lý" in headings, headings
    assert "Trình tự thực hiện" not in page
