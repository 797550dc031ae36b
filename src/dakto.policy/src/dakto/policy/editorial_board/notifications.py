"""E-mails of the editorial workflow (Article 8.1) through Plone's MailHost.

submit → the reviewers (kiem-duyet), approve → the publishers (xuat-ban),
reject → the author (the item's creator) with the reason. Each message is in
Vietnamese with the item's title and address. Messages leave when the
transaction commits; a mail problem never blocks a transition.
"""

from plone import api

from dakto.policy import mail
from dakto.policy.editorial_board import history
from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.names import EDITORIAL_TYPES
from dakto.policy.workflow.names import PUBLISH
from dakto.policy.workflow.names import PUBLISHERS_GROUP
from dakto.policy.workflow.names import REJECT
from dakto.policy.workflow.names import REVIEWERS_GROUP
from dakto.policy.workflow.names import SUBMIT


SIGNATURE = "\n\n-- \nBan Biên tập — {site}\nThư này được gửi tự động; vui lòng không trả lời."


def group_addresses(group):
    if api.group.get(groupname=group) is None:
        return []
    found = []
    for user in api.user.get_users(groupname=group):
        address = (user.getProperty("email") or "").strip()
        if address and address not in found:
            found.append(address)
    return found


def user_addresses(user_ids):
    found = []
    for user_id in user_ids:
        user = api.user.get(userid=user_id)
        address = (user.getProperty("email") or "").strip() if user is not None else ""
        if address and address not in found:
            found.append(address)
    return found


def _actor_name(user_id):
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return user_id or ""
    return user.getProperty("fullname") or user_id


def site_name():
    try:
        return api.portal.get_registry_record("dakto.identity.portal_title", default=None) or (
            api.portal.get().Title()
        )
    except Exception:  # noqa: BLE001
        return "Cổng thông tin điện tử"


def send(recipients, subject, body):
    """One message per recipient (nobody sees the others' addresses), queued
    for the commit; the number queued (``mail.send_each``: never raises, so
    mail never blocks a transition)."""
    return mail.send_each(recipients, subject, body + SIGNATURE.format(site=site_name()))


def message(obj, action):
    """``(recipients, subject, body)`` for a transition, or None."""
    title = obj.Title()
    url = obj.absolute_url()
    type_title = obj.getTypeInfo().Title() if obj.getTypeInfo() else obj.portal_type
    entry = history.last(obj, action) or {}
    actor = _actor_name(entry.get("actor"))
    if action == SUBMIT:
        return (
            group_addresses(REVIEWERS_GROUP),
            f"[Chờ kiểm duyệt] {title}",
            f"Kính gửi Ban Biên tập (kiểm duyệt),\n\n"
            f"{actor} vừa gửi bài «{title}» để kiểm duyệt.\n"
            f"Loại nội dung: {type_title}\n"
            f"Xem và duyệt tại: {url}\n",
        )
    if action == APPROVE:
        return (
            group_addresses(PUBLISHERS_GROUP),
            f"[Chờ xuất bản] {title}",
            f"Kính gửi Ban Biên tập (xuất bản),\n\n"
            f"Bài «{title}» đã được {actor} kiểm duyệt và đang chờ xuất bản.\n"
            f"Loại nội dung: {type_title}\n"
            f"Xem và xuất bản tại: {url}\n",
        )
    if action == REJECT:
        reason = (entry.get("comments") or "").strip() or "(không ghi lý do)"
        return (
            user_addresses(obj.listCreators()),
            f"[Bị trả lại] {title}",
            f"Bài «{title}» đã bị {actor} trả lại để chỉnh sửa.\n\n"
            f"Lý do: {reason}\n\n"
            f"Sửa bài và gửi kiểm duyệt lại tại: {url}\n",
        )
    return None


def action_succeeded(obj, event):
    """IActionSucceededEvent on an editorial item."""
    if getattr(obj, "portal_type", None) not in EDITORIAL_TYPES:
        return
    if event.action == PUBLISH:
        obj.reindexObject(idxs=["editorial_published"])
    found = message(obj, event.action)
    if found:
        send(*found)
