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
    field = IFeedback["received_on"]
    field.validate(date.today())
    try:
        field.validate(date.today() + timedelta(days=1))
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
