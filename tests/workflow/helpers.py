"""Board members in the real groups, items in every state, and the expected
permission matrix of the editorial workflow (README: Editorial workflow)."""

from datetime import date
from datetime import datetime
from datetime import timedelta

from plone import api
from plone.namedfile.file import NamedBlobFile

from dakto.policy.workflow.names import ADMINISTRATORS_GROUP
from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.names import ARCHIVE
from dakto.policy.workflow.names import ARCHIVED
from dakto.policy.workflow.names import DRAFT
from dakto.policy.workflow.names import GUARDED_STATES
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import PUBLISH
from dakto.policy.workflow.names import PUBLISHED
from dakto.policy.workflow.names import PUBLISHERS_GROUP
from dakto.policy.workflow.names import REJECT
from dakto.policy.workflow.names import RESTORE
from dakto.policy.workflow.names import RETRACT
from dakto.policy.workflow.names import REVIEWED
from dakto.policy.workflow.names import REVIEWERS_GROUP
from dakto.policy.workflow.names import SUBMIT
from dakto.policy.workflow.names import UPDATERS_GROUP


PASSWORD = "mat-khau-bien-tap-42"

ANONYMOUS = "anonymous"
MEMBER = "member"
UPDATER = "updater"
REVIEWER = "reviewer"
PUBLISHER = "publisher"
ADMINISTRATOR = "administrator"
ROLES = (ANONYMOUS, MEMBER, UPDATER, REVIEWER, PUBLISHER, ADMINISTRATOR)

# role -> (user id, full name, group)
USERS = {
    MEMBER: ("wf-thanhvien", "Đinh Văn Khách", None),
    UPDATER: ("wf-capnhat", "Nguyễn Thị Hoa", UPDATERS_GROUP),
    REVIEWER: ("wf-kiemduyet", "Lê Văn Duyệt", REVIEWERS_GROUP),
    PUBLISHER: ("wf-xuatban", "Phạm Thị Xuân", PUBLISHERS_GROUP),
    ADMINISTRATOR: ("wf-quantri", "Hoàng Văn Trị", ADMINISTRATORS_GROUP),
}
AUTHOR = USERS[UPDATER][0]

# type -> section it lives in
TYPES = {
    "News Item": "tin-tuc/kinh-te",
    "LegalDocument": "van-ban",
    "DraftDocument": "du-thao",
    "Procedure": "thu-tuc-hanh-chinh",
    "OrgUnit": "gioi-thieu/co-cau-to-chuc",
    "Person": "gioi-thieu/co-cau-to-chuc",
    "Promotion": "dau-tu/quang-ba-doanh-nghiep",
    "Document": "gioi-thieu",
    "Event": "tin-tuc/chi-dao-dieu-hanh/lich-cong-tac",
}

STATES = (DRAFT, PENDING_REVIEW, REVIEWED, PUBLISHED, ARCHIVED)
TRANSITIONS = (SUBMIT, APPROVE, REJECT, PUBLISH, RETRACT, ARCHIVE, RESTORE)

# The structure: state -> {transition: new state}
MOVES = {
    DRAFT: {SUBMIT: PENDING_REVIEW},
    PENDING_REVIEW: {APPROVE: REVIEWED, REJECT: DRAFT, RETRACT: DRAFT},
    REVIEWED: {PUBLISH: PUBLISHED, REJECT: DRAFT, RETRACT: DRAFT},
    PUBLISHED: {RETRACT: DRAFT, ARCHIVE: ARCHIVED},
    ARCHIVED: {RESTORE: PUBLISHED, RETRACT: DRAFT},
}

# Who may do what, on an item written and submitted by the updater.
MAY = {
    ANONYMOUS: {},
    MEMBER: {},
    UPDATER: {DRAFT: {SUBMIT}, PENDING_REVIEW: {RETRACT}, REVIEWED: {RETRACT}},
    REVIEWER: {PENDING_REVIEW: {APPROVE, REJECT}, REVIEWED: {REJECT}},
    PUBLISHER: {
        REVIEWED: {PUBLISH, REJECT},
        PUBLISHED: {RETRACT, ARCHIVE},
        ARCHIVED: {RESTORE, RETRACT},
    },
    ADMINISTRATOR: {state: set(moves) for state, moves in MOVES.items()},
}

# How an item written by the updater reaches each state: (transition, by role).
PATH = {
    DRAFT: (),
    PENDING_REVIEW: ((SUBMIT, UPDATER),),
    REVIEWED: ((SUBMIT, UPDATER), (APPROVE, REVIEWER)),
    PUBLISHED: ((SUBMIT, UPDATER), (APPROVE, REVIEWER), (PUBLISH, PUBLISHER)),
    ARCHIVED: (
        (SUBMIT, UPDATER),
        (APPROVE, REVIEWER),
        (PUBLISH, PUBLISHER),
        (ARCHIVE, PUBLISHER),
    ),
}
REASON = "Thiếu nguồn tin và ảnh minh họa; đề nghị bổ sung."


def allowed(role, state, transition):
    return transition in MAY[role].get(state, set())


def may_move(role, state):
    """Who moves or renames an item (issue 13.2): administrators always;
    updaters (who add and delete in the sections) unless it was reviewed or
    published; reviewers and publishers never, for they add nothing (a
    publisher who is also an updater may: test_matrix_python)."""
    if role == ADMINISTRATOR:
        return True
    return role == UPDATER and state not in GUARDED_STATES


def user_id(role):
    return USERS[role][0]


def create_members():
    for uid, fullname, group in USERS.values():
        if api.user.get(userid=uid) is None:
            api.user.create(
                email=f"{uid}@dakto.example.org",
                username=uid,
                password=PASSWORD,
                properties={"fullname": fullname},
            )
        if group:
            api.group.add_user(groupname=group, username=uid)


def _fields(portal_type):
    if portal_type == "Promotion":
        today = date.today()
        return {
            "confirmation": NamedBlobFile(
                data=b"%PDF-1.4 xac nhan", contentType="application/pdf", filename="xn.pdf"
            ),
            "valid_from": today - timedelta(days=1),
            "valid_until": today + timedelta(days=30),
        }
    if portal_type == "Event":
        start = datetime.now().replace(microsecond=0) + timedelta(days=2)
        return {"start": start, "end": start + timedelta(hours=2)}
    return {}


def make_item(portal, portal_type, id, state=DRAFT, title=None):
    """An item written by the updater (its owner and creator), walked to
    ``state`` by the right people. Call as a Manager."""
    container = portal.unrestrictedTraverse(TYPES[portal_type])
    obj = api.content.create(
        container=container,
        type=portal_type,
        id=id,
        title=title or f"Mục {id}",
        safe_id=False,
        **_fields(portal_type),
    )
    author = api.user.get(userid=AUTHOR).getUser()
    obj.changeOwnership(author)
    obj.manage_setLocalRoles(AUTHOR, ["Owner"])
    obj.setCreators([AUTHOR])
    obj.reindexObject()
    obj.reindexObjectSecurity()
    walk(obj, state)
    return obj


def walk(obj, state):
    tool = api.portal.get_tool("portal_workflow")
    for transition, role in PATH[state]:
        with api.env.adopt_user(username=user_id(role)):
            tool.doActionFor(obj, transition, comment=REASON)
    assert api.content.get_state(obj) == state


def comment_for(transition):
    return REASON if transition == REJECT else ""


def site_with_members(functional):
    """The functional layer's site, its owner logged in, with a member of every
    level (committed, so that the layer's HTTP server sees them)."""
    import transaction
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import login

    login(functional["app"], SITE_OWNER_NAME)
    create_members()
    transaction.commit()
    return functional["portal"]


def state_of(portal, obj):
    """The state of ``obj`` as committed by the server (a new transaction)."""
    import transaction

    transaction.begin()
    return api.content.get_state(portal.unrestrictedTraverse(obj.getPhysicalPath()))
