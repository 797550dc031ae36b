"""Feedback received in every way (Quy chế Điều 9.1: "qua mạng hoặc gửi trực
tiếp"): each item records the channel it came through (one vocabulary) and
the date it was received; the answer deadline counts from that date."""

from datetime import date
from datetime import timedelta

from plone import api
from plone.restapi.interfaces import ISerializeToJson
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy import dates
from dakto.policy.editorial_board.deadlines import add_working_days
from dakto.policy.editorial_board.deadlines import holidays
from dakto.policy.feedback import names
from dakto.policy.feedback.content import IFeedback
from dakto.policy.feedback.deadlines import answer_deadline
from dakto.policy.feedback.deadlines import step_deadline
from dakto.policy.feedback.status import status_info
from tests.feedback.helpers import make_feedback


def test_the_channels_are_one_vocabulary_in_vietnamese(portal):
    vocabulary = getUtility(IVocabularyFactory, "dakto.policy.feedback_channels")(portal)
    assert [t.token for t in vocabulary] == ["web", "truc-tiep", "dien-thoai", "thu", "zalo"]
    request = portal.REQUEST
    request["LANGUAGE"] = "vi"
    titles = [translate(t.title, target_language="vi") for t in vocabulary]
    assert titles == [
        "Biểu mẫu trên Cổng thông tin",
        "Trực tiếp",
        "Qua điện thoại",
        "Qua thư",
        "Qua Zalo",
    ]
    assert IFeedback["channel"].vocabularyName == "dakto.policy.feedback_channels"


def test_the_web_form_items_come_through_the_web(manager):
    obj = make_feedback()
    assert obj.channel == "web"


def test_the_deadline_counts_from_the_date_received(manager):
    obj = make_feedback()
    received = date.today() - timedelta(days=10)
    obj.received_on = received  # received at the one-stop desk ten days ago
    due = add_working_days(received, 15, holidays())
    assert answer_deadline(obj) == due
    obj.purpose = "phan-anh"
    api.content.transition(obj, transition=names.CLASSIFY)
    obj.forwarded_to = "x"
    api.content.transition(obj, transition=names.FORWARD)
    assert step_deadline(obj) == due
    info = status_info(obj, obj.REQUEST)
    assert info["received"] == received.isoformat() and info["channel"] == "web"


def test_a_date_received_in_the_future_is_refused(portal):
    # Today in Viet Nam (UTC+7), which from 17:00 UTC is the machine's tomorrow.
    today = dates.today()
    field = IFeedback["received_on"]
    field.validate(today)
    try:
        field.validate(today + timedelta(days=1))
    except Invalid as error:
        assert "after today" in str(error)
    else:
        raise AssertionError("a future date was accepted")


def test_the_rest_serializer_has_the_channel(manager):
    obj = make_feedback()
    obj.channel = "zalo"
    data = getMultiAdapter((obj, obj.REQUEST), ISerializeToJson)()
    assert data["channel"]["token"] == "zalo"
    assert "received_on" in data


def test_the_printable_receipt_has_the_code_dates_and_a_qr_code_of_the_follow_up_page(manager):
    obj = make_feedback()
    obj.channel = "truc-tiep"
    obj.received_on = date.today()
    request = obj.REQUEST
    request["LANGUAGE"] = "vi"
    html = obj.restrictedTraverse("@@giay-bien-nhan")()
    assert obj.tracking_code in html and "Giấy biên nhận phản ánh" in html
    assert "Trực tiếp" in html  # the channel
    assert date.today().strftime("%d/%m/%Y") in html
    due = answer_deadline(obj).strftime("%d/%m/%Y")
    assert f'id="receipt-due">{due}<' in html
    assert "<svg" in html and "<script" not in html.split('class="dakto-receipt"')[1]
    assert "@page" in html and "A5" in html  # print CSS
    assert f"@@{names.STATUS_VIEW}?code={obj.tracking_code}" in html


def test_the_qr_code_encodes_the_follow_up_url(portal):
    from dakto.policy.feedback.receipt import qr_svg

    svg = qr_svg("http://example.vn/@@tra-cuu-phan-anh?code=PA-7KQX-3MZD")
    assert svg.startswith("<svg") and "<path" in svg
    assert qr_svg("http://example.vn/a") != qr_svg("http://example.vn/b")


def test_feedback_logged_by_staff_gets_a_tracking_code_the_citizen_can_follow(manager):
    from dakto.policy.feedback import status

    section = api.portal.get()[names.SECTION]
    obj = api.content.create(
        container=section,
        type=names.PORTAL_TYPE,
        title="Phản ánh qua điện thoại",
        content="Ông A gọi điện báo cống tắc.",
        topic="moi-truong",
        channel="dien-thoai",
        received_on=date.today(),
    )
    assert obj.tracking_code and status.find(obj.tracking_code) == obj
    info = status_info(obj, obj.REQUEST)
    assert info["channel"] == "dien-thoai" and info["received"] == date.today().isoformat()
