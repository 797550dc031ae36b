"""Four eyes (issue 21.6): a reviewer may correct a submitted text and approve
it, but the publisher sees who changed it since submission and the
difference from the submitted version (Plone's versioning history and its
compare view), on the item and in ``GET @workflow``; and nobody publishes a
text that they changed themselves. Part of the permission matrix: who may
publish an item that was changed after submission."""

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.textfield.value import RichTextValue
from plone.testing.zope import Browser
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from dakto.policy.workflow import four_eyes
from dakto.policy.workflow.names import APPROVE
from dakto.policy.workflow.names import EDITORIAL_TYPES
from dakto.policy.workflow.names import PUBLISH
from dakto.policy.workflow.names import PUBLISHED
from dakto.policy.workflow.names import PUBLISHERS_GROUP
from dakto.policy.workflow.names import REVIEWED
from dakto.policy.workflow.names import REVIEWERS_GROUP
from dakto.policy.workflow.names import SUBMIT
from tests.workflow.helpers import ADMINISTRATOR
from tests.workflow.helpers import PASSWORD
from tests.workflow.helpers import PUBLISHER
from tests.workflow.helpers import REVIEWER
from tests.workflow.helpers import TYPES
from tests.workflow.helpers import UPDATER
from tests.workflow.helpers import create_members
from tests.workflow.helpers import make_item
from tests.workflow.helpers import user_id


# One person in both the reviewers' and the publishers' group.
BOTH = ("wf-duyet-xuatban", "Trịnh Văn Cả")
ORIGINAL = "<p>Chợ phiên họp vào sáng thứ Bảy.</p>"
REWRITTEN = "<p>Chợ phiên dời sang chiều Chủ nhật, thu phí gấp đôi.</p>"
JSON = {"Accept": "application/json", "Accept-Language": "vi"}
PATCH = {
    "text": {"data": REWRITTEN},
    "news_source": "Ban quản lý chợ",
    "news_author": "Trịnh Văn Cả",
}


def create_both():
    uid, name = BOTH
    if api.user.get(userid=uid) is None:
        api.user.create(
            email=f"{uid}@dakto.example.org",
            username=uid,
            password=PASSWORD,
            properties={"fullname": name},
        )
    api.group.add_user(groupname=REVIEWERS_GROUP, username=uid)
    api.group.add_user(groupname=PUBLISHERS_GROUP, username=uid)


@pytest.fixture
def board(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    create_members()
    create_both()
    return portal


def submitted_news(portal, id="bai-cho-phien"):
    obj = make_item(portal, "News Item", id)
    obj.text = RichTextValue(ORIGINAL, "text/html", "text/x-html-safe")
    with api.env.adopt_user(username=user_id(UPDATER)):
        api.portal.get_tool("portal_workflow").doActionFor(obj, SUBMIT)
    return obj


def edit_as(obj, uid, html=REWRITTEN):
    with api.env.adopt_user(username=uid):
        obj.text = RichTextValue(html, "text/html", "text/x-html-safe")
        notify(ObjectModifiedEvent(obj))


def act(obj, uid, transition):
    with api.env.adopt_user(username=uid):
        api.portal.get_tool("portal_workflow").doActionFor(obj, transition)


# Setup: every editorial type versioned and comparable; publishers read versions


def test_every_editorial_type_is_versioned_and_comparable(portal):
    repository = api.portal.get_tool("portal_repository")
    diff = api.portal.get_tool("portal_diff")
    for portal_type in EDITORIAL_TYPES:
        assert portal_type in repository.getVersionableContentTypes(), portal_type
        assert "at_edit_autoversion" in repository.getPolicyMap()[portal_type]
        assert diff.getDiffForPortalType(portal_type), portal_type
    roles = {
        r["name"]
        for r in portal.rolesOfPermission("CMFEditions: Access previous versions")
        if r["selected"]
    }
    assert {"Reviewer", "Publisher", "HeadOfBoard"} <= roles


@pytest.mark.parametrize("portal_type", list(TYPES))
def test_a_version_is_saved_at_submit(board, portal_type):
    obj = make_item(board, portal_type, f"fe-{portal_type.lower().replace(' ', '-')}")
    with api.env.adopt_user(username=user_id(UPDATER)):
        api.portal.get_tool("portal_workflow").doActionFor(obj, SUBMIT)
    record = four_eyes.submission(obj)
    assert record["submitter"] == user_id(UPDATER)
    assert record["version_id"] is not None
    history = api.portal.get_tool("portal_repository").getHistoryMetadata(obj)
    assert history.getLength(countPurged=False) >= 1
    assert four_eyes.changed_since_submission(obj) is None  # nothing changed yet


# The matrix of publish after a change since submission


def test_reviewer_corrects_approves_and_the_publisher_sees_it(board):
    obj = submitted_news(board)
    edit_as(obj, user_id(REVIEWER))
    act(obj, user_id(REVIEWER), APPROVE)  # reviewers may correct, then approve
    assert api.content.get_state(obj) == REVIEWED
    with api.env.adopt_user(username=user_id(PUBLISHER)):
        info = four_eyes.changed_since_submission(obj)
    assert [p["id"] for p in info["changed_by"]] == [user_id(REVIEWER)]
    assert info["changed_by"][0]["fullname"] == "Lê Văn Duyệt"
    assert info["submitted_by"] == user_id(UPDATER)
    assert info["diff"] == (
        f"{obj.absolute_url()}/@@history?one=current&two={info['submitted_version']}"
    )
    # the submitted version is the original text
    repository = api.portal.get_tool("portal_repository")
    submitted = repository.retrieve(obj, info["submitted_version"]).object
    assert submitted.text.raw == ORIGINAL
    assert obj.text.raw == REWRITTEN
    # the publisher did not change it: may publish
    act(obj, user_id(PUBLISHER), PUBLISH)
    assert api.content.get_state(obj) == PUBLISHED


@pytest.mark.parametrize(
    "changer", [BOTH[0], "wf-quantri"], ids=["reviewer-and-publisher", "administrator"]
)
def test_nobody_publishes_a_text_they_changed(board, changer):
    assert user_id(ADMINISTRATOR) == "wf-quantri"
    obj = submitted_news(board, id=f"fe-{changer}")
    edit_as(obj, changer)
    act(obj, user_id(REVIEWER), APPROVE)
    tool = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=changer):
        assert PUBLISH not in [t["id"] for t in tool.getTransitionsFor(obj)]
        with pytest.raises(WorkflowException):
            tool.doActionFor(obj, PUBLISH)
    assert api.content.get_state(obj) == REVIEWED
    act(obj, user_id(PUBLISHER), PUBLISH)  # somebody else may
    assert api.content.get_state(obj) == PUBLISHED


def test_an_unchanged_text_is_published_by_anyone_who_may(board):
    obj = submitted_news(board, id="fe-unchanged")
    act(obj, BOTH[0], APPROVE)
    act(obj, BOTH[0], PUBLISH)  # approving is no change
    assert api.content.get_state(obj) == PUBLISHED


def test_a_new_submission_starts_a_new_review(board):
    obj = submitted_news(board, id="fe-again")
    edit_as(obj, BOTH[0])
    first = four_eyes.submission(obj)["version_id"]
    with api.env.adopt_user(username=user_id(UPDATER)):
        tool = api.portal.get_tool("portal_workflow")
        tool.doActionFor(obj, "retract")
        tool.doActionFor(obj, SUBMIT)
    assert four_eyes.changed_since_submission(obj) is None
    assert four_eyes.submission(obj)["version_id"] > first
    act(obj, user_id(REVIEWER), APPROVE)
    act(obj, BOTH[0], PUBLISH)  # the text they changed was reviewed again
    assert api.content.get_state(obj) == PUBLISHED


def test_changes_in_draft_do_not_count(board):
    obj = make_item(board, "News Item", "fe-draft")
    edit_as(obj, BOTH[0])
    assert four_eyes.changes(obj) == []


# Over REST and on the screens


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    create_members()
    create_both()
    obj = submitted_news(portal, id="fe-rest")
    transaction.commit()
    return portal, obj


def call(method, url, uid, **kwargs):
    return requests.request(method, url, auth=(uid, PASSWORD), headers=JSON, timeout=60, **kwargs)


def test_rest_patch_approve_then_the_publisher_sees_and_the_changer_may_not(site):
    portal, obj = site
    url = obj.absolute_url()
    reviewer = BOTH[0]
    response = call("PATCH", url, reviewer, json=PATCH)
    assert response.status_code == 204, response.text
    response = call("POST", url + "/@workflow/approve", reviewer)
    assert response.status_code == 200, response.text
    # GET @workflow: who changed it and the link to the difference
    info = call("GET", url + "/@workflow", user_id(PUBLISHER)).json()
    changed = info["changed_since_submission"]
    assert [p["id"] for p in changed["changed_by"]] == [reviewer]
    assert changed["changed_by"][0]["fullname"] == BOTH[1]
    assert changed["diff"].startswith(url + "/@@history?one=current&two=")
    # the same in the item's own answer with ?expand=workflow
    item = call("GET", url + "?expand=workflow", user_id(PUBLISHER)).json()
    assert item["@components"]["workflow"]["changed_since_submission"] == changed
    # the compare view answers the publisher with both texts
    page = requests.get(changed["diff"], auth=(user_id(PUBLISHER), PASSWORD), timeout=60)
    assert page.status_code == 200
    assert "thứ Bảy" in page.text and "Chủ nhật" in page.text
    # the person who changed it may not publish it, and is told why
    transitions = [
        t["@id"].rsplit("/", 1)[-1]
        for t in call("GET", url + "/@workflow", reviewer).json()["transitions"]
    ]
    assert PUBLISH not in transitions
    response = call("POST", url + "/@workflow/publish", reviewer)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["message"]
    transaction.begin()
    assert api.content.get_state(obj) == REVIEWED
    response = call("POST", url + "/@workflow/publish", user_id(PUBLISHER))
    assert response.status_code == 200, response.text
    transaction.begin()
    assert api.content.get_state(obj) == PUBLISHED
    # published: nothing pending to show any more
    assert (
        call("GET", url + "/@workflow", user_id(PUBLISHER)).json()["changed_since_submission"]
        is None
    )


def test_the_publisher_sees_the_change_on_the_item(functional, site):
    portal, obj = site
    call("PATCH", obj.absolute_url(), BOTH[0], json=PATCH)
    call("POST", obj.absolute_url() + "/@workflow/approve", user_id(REVIEWER))
    transaction.begin()
    for uid, mine in ((user_id(PUBLISHER), False), (BOTH[0], True)):
        browser = Browser(functional["app"])
        browser.addHeader("Authorization", f"Basic {uid}:{PASSWORD}")
        browser.addHeader("Accept-Language", "vi")
        browser.open(obj.absolute_url())
        html = browser.contents
        assert "dakto-changed-since-submission" in html
        assert "Đã sửa sau khi gửi kiểm duyệt" in html
        assert BOTH[1] in html
        assert "@@history?one=current&amp;two=" in html
        assert ("Bạn đã tự sửa" in html) is mine
        assert ("workflow-transition-publish" in html) is not mine
    # the author, who neither approves nor publishes, does not get the note
    browser = Browser(functional["app"])
    browser.addHeader("Authorization", f"Basic {user_id(UPDATER)}:{PASSWORD}")
    browser.open(obj.absolute_url())
    assert "dakto-changed-since-submission" not in browser.contents
