"""Upgrade 1004 → 1005, part feedback channel (issue 17.2): feedback stored
before 1005 came through the web form: it gets channel "web"; an item that
already has a channel keeps it."""

from dakto.policy.upgrades import v1005_feedback_channel
from tests.feedback.helpers import make_feedback


def test_old_items_get_channel_web_and_logged_ones_keep_theirs(portal, manager):
    old = make_feedback(subject="Phản ánh cũ")
    del old.channel  # a 1004 item: no channel attribute of its own
    assert "channel" not in old.__dict__ and old.channel is None
    by_phone = make_feedback(subject="Qua điện thoại")
    by_phone.channel = "dien-thoai"

    assert v1005_feedback_channel.upgrade(None) == 1

    assert old.channel == "web"
    assert by_phone.channel == "dien-thoai"
    assert v1005_feedback_channel.upgrade(None) == 0  # runs twice without harm
