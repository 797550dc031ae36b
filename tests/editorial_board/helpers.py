"""Board members, articles walked through the editorial workflow, register entries."""

from datetime import datetime

from DateTime import DateTime
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.namedfile.file import NamedBlobFile
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

from dakto.policy.editorial_board.content import INTAKE_RECORD
from dakto.policy.editorial_board.content import REGISTER_ID
from dakto.policy.workflow.names import ADMINISTRATORS_GROUP
from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.names import PUBLISH
from dakto.policy.workflow.names import PUBLISHERS_GROUP
from dakto.policy.workflow.names import REVIEWERS_GROUP
from dakto.policy.workflow.names import SUBMIT
from dakto.policy.workflow.names import UPDATERS_GROUP
from dakto.policy.workflow.names import WORKFLOW_ID


PASSWORD = "mat-khau-rat-dai-42"
VN = "Asia/Ho_Chi_Minh"

# user id: (full name, group)
MEMBERS = {
    "capnhat1": ("Nguyễn Thị Lan", UPDATERS_GROUP),
    "capnhat2": ("Trần Văn Bình", UPDATERS_GROUP),
    "kiemduyet": ("Lê Văn Cường", REVIEWERS_GROUP),
    "xuatban": ("Phạm Thị Dung", PUBLISHERS_GROUP),
    "quantri": ("Hoàng Văn Em", ADMINISTRATORS_GROUP),
}


def email(user_id):
    return f"{user_id}@dakto.example.org"


def create_members():
    for user_id, (fullname, group) in MEMBERS.items():
        if api.user.get(userid=user_id) is None:
            api.user.create(
                email=email(user_id),
                username=user_id,
                password=PASSWORD,
                properties={"fullname": fullname},
            )
        if api.group.get(groupname=group) is None:
            api.group.create(groupname=group)
        api.group.add_user(groupname=group, username=user_id)


def register(portal):
    return portal[REGISTER_ID]


def as_manager(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])


def article(portal, id, title, creator="capnhat1", container="tin-tuc"):
    folder = portal[container]
    obj = api.content.create(
        container=folder,
        type="News Item",
        id=id,
        title=title,
        safe_id=False,
    )
    obj.news_source = "UBND thị trấn Đắk Tô"
    obj.news_author = MEMBERS.get(creator, (creator,))[0]
    obj.setCreators([creator])
    obj.changeOwnership(api.user.get(userid=creator).getUser())
    obj.manage_setLocalRoles(creator, ["Owner"])
    obj.reindexObject()
    return obj


def walk(obj, *transitions, at=None, comment=""):
    """Run ``transitions`` (as the current user); ``at``: a 'YYYY/MM/DD HH:MM'
    Viet Nam time to write into the history entries they made."""
    for transition in transitions:
        api.content.transition(obj=obj, transition=transition, comment=comment)
        if at:
            set_time(obj, transition, at)
    obj.reindexObject()


def set_time(obj, action, when):
    """Pretend the last ``action`` of ``obj`` happened at ``when`` (Viet Nam time)."""
    moment = DateTime(f"{when} GMT+7")
    history = obj.workflow_history
    chain = list(history[WORKFLOW_ID])
    for index in range(len(chain) - 1, -1, -1):
        if chain[index].get("action") == action:
            chain[index] = dict(chain[index], time=moment)
            break
    else:
        raise AssertionError(f"no {action} in the history")
    history[WORKFLOW_ID] = tuple(chain)
    obj.workflow_history = history
    obj.reindexObject()


def publish(obj, at=None):
    walk(obj, SUBMIT, APPROVE, PUBLISH)
    if at:
        for action in (SUBMIT, APPROVE, PUBLISH):
            set_time(obj, action, at)


def intake(
    portal,
    id,
    received,
    channel="zalo",
    sender="Y Blông",
    unit="Tổ dân phố 2",
    article=None,
    creator="capnhat1",
    title=None,
):
    """A register entry; ``received`` a naive datetime (Viet Nam)."""
    folder = register(portal)
    obj = api.content.create(
        container=folder,
        type=INTAKE_RECORD,
        id=id,
        title=title or f"Bài {id}",
        safe_id=False,
        channel=channel,
        received=received,
        sender_name=sender,
        sender_unit=unit,
        soft_copy=NamedBlobFile(b"Noi dung bai viet", "text/plain", f"{id}.txt"),
    )
    if article is not None:
        obj.article = RelationValue(getUtility(IIntIds).getId(article))
    obj.setCreators([creator])
    obj.reindexObject()
    return obj


def dt(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M")
