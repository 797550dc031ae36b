"""The permission matrix through the Plone UI (the workflow menu and
content_status_modify) and plone.restapi's ``POST @workflow/<transition>``,
for every role on a News Item and a LegalDocument; the reject reason in the
UI and over REST; the reason shown to the author."""

import base64
import json
import re
from urllib.parse import urlencode
from urllib.parse import urlsplit

import pytest
import requests
import transaction
from plone import api
from plone.testing.zope import Browser

from dakto.policy.workflow.names import DRAFT
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import PUBLISHED
from dakto.policy.workflow.names import REJECT
from dakto.policy.workflow.names import REVIEWED
from tests.workflow.helpers import ADMINISTRATOR
from tests.workflow.helpers import ANONYMOUS
from tests.workflow.helpers import MOVES
from tests.workflow.helpers import PASSWORD
from tests.workflow.helpers import PUBLISHER
from tests.workflow.helpers import REVIEWER
from tests.workflow.helpers import ROLES
from tests.workflow.helpers import STATES
from tests.workflow.helpers import TRANSITIONS
from tests.workflow.helpers import UPDATER
from tests.workflow.helpers import allowed
from tests.workflow.helpers import comment_for
from tests.workflow.helpers import make_item
from tests.workflow.helpers import may_move
from tests.workflow.helpers import site_with_members
from tests.workflow.helpers import state_of
from tests.workflow.helpers import user_id


@pytest.fixture
def site(functional):
    return site_with_members(functional)


def browser_for(functional, role):
    browser = Browser(functional["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    if role != ANONYMOUS:
        browser.addHeader("Authorization", f"Basic {user_id(role)}:{PASSWORD}")
    return browser


def menu_transitions(html):
    return set(re.findall(r'id="workflow-transition-([a-z_]+)"', html)) - {"advanced", "policy"}


@pytest.mark.parametrize("role", ROLES)
def test_ui(functional, site, role):
    portal = site
    items = {}
    for portal_type in ("News Item", "LegalDocument"):
        for state in STATES:
            slug = portal_type.replace(" ", "").lower()
            items[(portal_type, state)] = make_item(
                portal, portal_type, f"ui-{slug}-{state}", state=state
            )
    transaction.commit()
    browser = browser_for(functional, role)
    for (portal_type, state), obj in items.items():
        expected = {t for t in TRANSITIONS if allowed(role, state, t)}
        browser.open(obj.absolute_url())
        if role == ANONYMOUS:
            # Never shown the menu; unpublished items are not shown at all.
            assert not menu_transitions(browser.contents)
            continue
        assert menu_transitions(browser.contents) == expected, (role, portal_type, state)
        # A refused transition through the form: nothing changes.
        token = re.search(r"_authenticator=([0-9a-f]+)", browser.contents)
        for transition in sorted(set(MOVES[state]) - expected)[:1]:
            url = f"{obj.absolute_url()}/content_status_modify?workflow_action={transition}"
            if token:
                url += f"&_authenticator={token.group(1)}"
            browser.open(url)
            assert state_of(portal, obj) == state, (role, transition)
    # One allowed transition per state through the menu link (a reject goes
    # through its reason form).
    for (portal_type, state), obj in items.items():
        if role == ANONYMOUS or portal_type != "News Item":
            continue
        expected = sorted(t for t in TRANSITIONS if allowed(role, state, t))
        if not expected:
            continue
        transition = expected[0]
        browser.open(obj.absolute_url())
        browser.getLink(id=f"workflow-transition-{transition}").click()
        if transition == REJECT:
            browser.getControl(name="reason").value = comment_for(REJECT)
            browser.getControl(name="form.buttons.reject").click()
        assert state_of(portal, obj) == MOVES[state][transition], (role, state, transition)


def rest(portal, role, obj, transition, comment=""):
    auth = None if role == ANONYMOUS else (user_id(role), PASSWORD)
    return requests.post(
        f"{obj.absolute_url()}/@workflow/{transition}",
        json={"comment": comment} if comment else {},
        headers={"Accept": "application/json"},
        auth=auth,
        timeout=30,
    )


@pytest.mark.parametrize("role", ROLES)
def test_rest(site, role):
    portal = site
    counter = iter(range(1000))
    failures = []
    for state in STATES:
        obj = make_item(portal, "News Item", f"api-{state}-{next(counter)}", state=state)
        transaction.commit()
        for transition in TRANSITIONS:
            if allowed(role, state, transition):
                continue
            response = rest(portal, role, obj, transition, comment_for(transition))
            if response.status_code not in (400, 401, 403, 404):
                failures.append((state, transition, response.status_code, response.text[:200]))
            assert state_of(portal, obj) == state
        for transition in sorted(t for t in TRANSITIONS if allowed(role, state, t)):
            fresh = make_item(portal, "News Item", f"api-{state}-{next(counter)}", state=state)
            transaction.commit()
            response = rest(portal, role, fresh, transition, comment_for(transition))
            if response.status_code != 200:
                failures.append((state, transition, response.status_code, response.text[:200]))
            assert state_of(portal, fresh) == MOVES[state][transition]
    assert failures == []


def test_reject_without_reason_ui_and_rest(functional, site):
    portal = site
    obj = make_item(portal, "News Item", "khong-ly-do", state=PENDING_REVIEW)
    transaction.commit()
    # REST: 400 with the reason, nothing changed.
    response = rest(portal, "reviewer", obj, REJECT)
    assert response.status_code == 400
    assert "lý do" in response.json()["error"]["message"]
    assert state_of(portal, obj) == PENDING_REVIEW
    # A refused transition the state does not offer: 400, never a silent 200.
    response = rest(portal, "reviewer", obj, "publish")
    assert response.status_code in (400, 403)
    # UI: the menu entry opens the reason form; an empty reason is refused at the field.
    browser = browser_for(functional, "reviewer")
    browser.open(obj.absolute_url())
    browser.getLink(id=f"workflow-transition-{REJECT}").click()
    assert "@@editorial-reject" in browser.url
    browser.getControl(name="form.buttons.reject").click()
    assert browser.headers["status"].startswith("400")
    assert "Phải ghi lý do" in browser.contents
    assert state_of(portal, obj) == PENDING_REVIEW
    # content_status_modify (the "Advanced..." form) without a comment: a 400 page.
    token = re.search(r'name="_authenticator" value="([0-9a-f]+)"', browser.contents).group(1)
    browser.open(
        f"{obj.absolute_url()}/content_status_modify?workflow_action=reject&_authenticator={token}"
    )
    assert browser.headers["status"].startswith("400")
    assert "Phải ghi lý do" in browser.contents
    assert state_of(portal, obj) == PENDING_REVIEW
    # With a reason: back to draft, and the author reads it on the item.
    browser.open(obj.absolute_url() + "/@@editorial-reject")
    browser.getControl(name="reason").value = "Ảnh chưa có chú thích."
    browser.getControl(name="form.buttons.reject").click()
    assert state_of(portal, obj) == DRAFT
    author = browser_for(functional, "updater")
    author.open(obj.absolute_url())
    assert "Bị trả lại:" in author.contents
    assert "Ảnh chưa có chú thích." in author.contents
    assert "Lê Văn Duyệt" in author.contents
    # Submitted again: the note is gone.
    author.getLink(id="workflow-transition-submit").click()
    assert state_of(portal, obj) == PENDING_REVIEW
    author.open(obj.absolute_url())
    assert "Bị trả lại:" not in author.contents


# The doors that change an item's address or content (issue 13.2), files and
# images (issue 21.2) and what a refused transition says (issue 19.8).

DOOR_STATES = (DRAFT, REVIEWED, PUBLISHED)
DOOR_ROLES = (UPDATER, REVIEWER, PUBLISHER, ADMINISTRATOR)
JSON = {"Accept": "application/json"}


def headers(url):
    """A REST client's headers, with the portal's own origin (as its pages send)."""
    parts = urlsplit(url if isinstance(url, str) else url.absolute_url())
    return {**JSON, "Origin": f"{parts.scheme}://{parts.netloc}"}


def auth(role):
    return None if role == ANONYMOUS else (user_id(role), PASSWORD)


def exists(portal, path):
    transaction.begin()
    return portal.unrestrictedTraverse(path, None) is not None


@pytest.mark.parametrize("role", DOOR_ROLES)
def test_rest_move_and_copy(site, role):
    portal = site
    target = portal.unrestrictedTraverse("tin-tuc/van-hoa-xa-hoi")
    failures = []
    for state in DOOR_STATES:
        obj = make_item(portal, "News Item", f"rest-move-{state}", state=state)
        transaction.commit()
        path = "/".join(obj.getPhysicalPath())
        response = requests.post(
            f"{target.absolute_url()}/@move",
            json={"source": obj.absolute_url()},
            headers=headers(portal),
            auth=auth(role),
            timeout=30,
        )
        moved_path = "/".join(target.getPhysicalPath()) + "/" + obj.getId()
        if may_move(role, state):
            if response.status_code != 200 or not exists(portal, moved_path):
                failures.append(("move", state, response.status_code, response.text[:200]))
                continue
            # Moved by someone who may: it keeps its state at its new address.
            assert api.content.get_state(portal.unrestrictedTraverse(moved_path)) == state
            continue
        if response.status_code not in (401, 403):
            failures.append(("move", state, response.status_code, response.text[:200]))
        assert exists(portal, path) and not exists(portal, moved_path), (role, state)
        if role == UPDATER:  # the reason, not a bare refusal
            assert response.status_code == 403
            assert "chỉ người xuất bản" in response.json()["error"]["message"]
        # A copy by an updater (or an administrator) starts over as a draft that
        # the public cannot read.
        response = requests.post(
            f"{target.absolute_url()}/@copy",
            json={"source": obj.absolute_url()},
            headers=headers(portal),
            auth=auth(role),
            timeout=30,
        )
        if role in (UPDATER, ADMINISTRATOR):
            assert response.status_code == 200, response.text[:200]
            copy_url = response.json()[0]["target"]
            transaction.begin()
            copy = portal.unrestrictedTraverse(copy_url[len(portal.absolute_url()) + 1 :])
            assert api.content.get_state(copy) == DRAFT
            assert requests.get(copy_url, headers=JSON, timeout=30).status_code in (401, 404)
        else:
            assert response.status_code in (401, 403), (role, state, response.status_code)
    assert failures == []


@pytest.mark.parametrize("state", [REVIEWED, PUBLISHED])
def test_rest_edit_of_reviewed_and_published(site, state):
    portal = site
    for role in DOOR_ROLES:
        obj = make_item(portal, "Document", f"rest-edit-{state}-{role}", state=state)
        transaction.commit()
        response = requests.patch(
            obj.absolute_url(),
            json={"title": "Sửa sau khi duyệt"},
            headers=headers(portal),
            auth=auth(role),
            timeout=30,
        )
        transaction.begin()
        title = portal.unrestrictedTraverse(obj.getPhysicalPath()).Title()
        if role == ADMINISTRATOR:
            assert response.status_code == 204 and title == "Sửa sau khi duyệt"
        else:
            assert response.status_code in (401, 403), (role, response.status_code)
            assert title != "Sửa sau khi duyệt"


def authenticator(browser, url):
    browser.open(url)
    return re.search(r"_authenticator=([0-9a-f]+)", browser.contents).group(1)


def fc_rename(browser, token, obj, new_id):
    """Rename ``obj`` through folder_contents' rename action; its JSON answer."""
    folder = obj.aq_parent
    browser.post(
        folder.absolute_url() + "/@@fc-rename",
        urlencode(
            {
                "UID_0": obj.UID(),
                "newid_0": new_id,
                "newtitle_0": obj.Title(),
                "folder": "/" + "/".join(folder.getPhysicalPath()[2:]),
                "_authenticator": token,
            }
        ),
    )
    return json.loads(browser.contents)


def test_folder_contents_rename_cut_paste_and_object_rename(functional, site):
    portal = site
    obj = make_item(portal, "News Item", "fc-cong-khai", state=PUBLISHED)
    transaction.commit()
    folder = obj.aq_parent
    folder_path = "/" + "/".join(folder.getPhysicalPath()[2:])
    browser = browser_for(functional, UPDATER)
    token = authenticator(browser, folder.absolute_url() + "/folder_contents")
    # Rename (id and title) in folder_contents: refused with the reason.
    answer = fc_rename(browser, token, obj, "fc-ten-moi")
    assert answer["status"] == "warning" and "chỉ người xuất bản" in answer["msg"], answer
    assert exists(portal, obj.getPhysicalPath()) and "fc-ten-moi" not in folder.objectIds()
    # Cut, then paste in another section: refused with the reason, nothing moved.
    target = portal.unrestrictedTraverse("tin-tuc/van-hoa-xa-hoi")
    browser.post(
        folder.absolute_url() + "/@@fc-cut",
        urlencode(
            {"selection": json.dumps([obj.UID()]), "folder": folder_path, "_authenticator": token}
        ),
    )
    assert json.loads(browser.contents)["status"] == "success"
    browser.post(
        target.absolute_url() + "/@@fc-paste",
        urlencode(
            {
                "folder": "/" + "/".join(target.getPhysicalPath()[2:]),
                "_authenticator": token,
            }
        ),
    )
    answer = json.loads(browser.contents)
    assert answer["status"] == "warning" and "chỉ người xuất bản" in answer["msg"], answer
    transaction.begin()
    assert obj.getId() in folder.objectIds() and obj.getId() not in target.objectIds()
    assert api.content.get_state(folder[obj.getId()]) == PUBLISHED
    # object_rename (the Rename action of the item): not open to the updater.
    browser.open(obj.absolute_url() + "/object_rename")
    assert "form.widgets.new_id" not in browser.contents
    # An administrator renames it; it stays published.
    admin = browser_for(functional, ADMINISTRATOR)
    token = authenticator(admin, folder.absolute_url() + "/folder_contents")
    assert fc_rename(admin, token, obj, "fc-ten-moi")["status"] == "success"
    transaction.begin()
    assert api.content.get_state(folder["fc-ten-moi"]) == PUBLISHED


def upload(url, role, name="m3.pdf", data=b"%PDF-1.4 quyet dinh so 12", mime="application/pdf"):
    return requests.post(
        url,
        json={
            "@type": "File",
            "id": name,
            "title": name,
            "file": {
                "data": base64.b64encode(data).decode(),
                "encoding": "base64",
                "filename": name,
                "content-type": mime,
            },
        },
        headers=headers(url),
        auth=auth(role),
        timeout=30,
    )


def test_updater_uploads_wait_for_a_publisher(site):
    portal = site
    section = portal.absolute_url() + "/gioi-thieu"
    # At the site root: refused, with the reason; nothing stored.
    response = upload(portal.absolute_url(), UPDATER)
    assert response.status_code == 403, response.text[:300]
    assert "cấp cao nhất" in response.json()["message"]
    assert not exists(portal, ("", "plone", "m3.pdf"))
    # In a section that holds only news: refused by its addable types.
    response = upload(portal.absolute_url() + "/tin-tuc", UPDATER)
    assert 400 <= response.status_code < 500, response.status_code
    assert not exists(portal, ("", "plone", "tin-tuc", "m3.pdf"))
    # A program named .pdf: refused by the upload check on this door too.
    response = upload(section, UPDATER, data=b"MZ\x90\x00 program")
    assert response.status_code == 400 and "chương trình" in response.json()["message"]
    # In its section: stored, private; the public cannot download it.
    response = upload(section, UPDATER)
    assert response.status_code == 201, response.text[:300]
    url = response.json()["@id"]
    download = f"{url}/@@download/file"
    anonymous = requests.get(download, allow_redirects=False, timeout=30)
    assert anonymous.status_code in (401, 302, 404) and b"quyet dinh" not in anonymous.content
    assert requests.get(url, headers=JSON, timeout=30).status_code in (401, 404)
    # The updater cannot publish it; a publisher does, and then it is public.
    assert (
        requests.post(
            f"{url}/@workflow/publish", headers=headers(url), auth=auth(UPDATER), timeout=30
        ).status_code
        == 403
    )
    response = requests.post(
        f"{url}/@workflow/publish", headers=headers(url), auth=auth(PUBLISHER), timeout=30
    )
    assert response.status_code == 200, response.text[:300]
    public = requests.get(download, timeout=30)
    assert public.status_code == 200 and public.content == b"%PDF-1.4 quyet dinh so 12"


def transition(role, obj, name):
    return requests.post(
        f"{obj.absolute_url()}/@workflow/{name}",
        json={},
        headers=headers(obj),
        auth=auth(role),
        timeout=30,
    )


def test_a_refused_transition_says_what_and_why(functional, site):
    portal = site
    obj = make_item(portal, "News Item", "tu-duyet-link", state=PENDING_REVIEW)
    transaction.commit()
    # The updater opens the approve link of their own item.
    browser = browser_for(functional, UPDATER)
    token = authenticator(browser, obj.absolute_url())
    browser.open(
        f"{obj.absolute_url()}/content_status_modify?workflow_action=approve&_authenticator={token}"
    )
    assert state_of(portal, obj) == PENDING_REVIEW
    assert "Trạng thái của đối tượng đã được thay đổi" not in browser.contents
    assert "Chưa thực hiện" in browser.contents and "Phê duyệt" in browser.contents
    assert "vai trò của bạn không được" in browser.contents
    # A reviewer who submitted it: told that nobody approves their own submission.
    api.group.add_user(groupname="cap-nhat", username=user_id(REVIEWER))
    own = make_item(portal, "News Item", "tu-duyet-cua-minh")
    with api.env.adopt_user(username=user_id(REVIEWER)):
        api.portal.get_tool("portal_workflow").doActionFor(own, "submit")
    transaction.commit()
    reviewer = browser_for(functional, REVIEWER)
    token = authenticator(reviewer, own.absolute_url())
    reviewer.open(
        f"{own.absolute_url()}/content_status_modify?workflow_action=approve&_authenticator={token}"
    )
    assert state_of(portal, own) == PENDING_REVIEW
    assert "bạn là người gửi duyệt mục này" in reviewer.contents
    assert "Trạng thái của đối tượng đã được thay đổi" not in reviewer.contents
    # A transition the state does not have.
    reviewer.open(
        f"{own.absolute_url()}/content_status_modify?workflow_action=publish&_authenticator={token}"
    )
    assert "Chưa thực hiện: không thể «" in reviewer.contents
    assert state_of(portal, own) == PENDING_REVIEW
    # REST: the same reasons.
    response = transition(REVIEWER, own, "approve")
    assert response.status_code == 403
    assert "bạn là người gửi duyệt mục này" in response.json()["error"]["message"]
    response = transition(UPDATER, obj, "approve")
    assert response.status_code == 403
    assert "vai trò của bạn không được" in response.json()["error"]["message"]
    response = transition(UPDATER, obj, "publish")
    assert response.status_code == 400
    assert "Không có gì thay đổi" in response.json()["error"]["message"]
    # Allowed ones still say "changed".
    reviewer.open(obj.absolute_url())
    reviewer.getLink(id="workflow-transition-approve").click()
    assert state_of(portal, obj) == "reviewed"
    assert "Trạng thái của đối tượng đã được thay đổi" in reviewer.contents


def test_webdav_move(site):
    """WebDAV (Zope's own, on the same port): MOVE of a published item by an
    updater is refused (401: Zope's own checks come first, before the
    integrity guard, which stands behind them); nothing changes."""
    portal = site
    obj = make_item(portal, "News Item", "dav-cong-khai", state=PUBLISHED)
    transaction.commit()
    target = portal.unrestrictedTraverse("tin-tuc/van-hoa-xa-hoi")
    response = requests.request(
        "MOVE",
        obj.absolute_url(),
        headers={"Destination": f"{target.absolute_url()}/dav-cong-khai"},
        auth=auth(UPDATER),
        timeout=30,
    )
    assert response.status_code in (401, 403), (response.status_code, response.text[:300])
    assert exists(portal, obj.getPhysicalPath())
    assert not exists(portal, (*target.getPhysicalPath(), "dav-cong-khai"))
    assert state_of(portal, obj) == PUBLISHED


def tus_upload(folder_url, role, name, data):
    """plone.restapi's resumable upload (tus): create, then send the bytes."""
    metadata = ",".join(
        f"{key} {base64.b64encode(value.encode()).decode()}"
        for key, value in (
            ("filename", name),
            ("content-type", "application/pdf"),
            ("@type", "File"),
        )
    )
    common = {**headers(folder_url), "Tus-Resumable": "1.0.0"}
    created = requests.post(
        f"{folder_url}/@tus-upload",
        headers={**common, "Upload-Length": str(len(data)), "Upload-Metadata": metadata},
        auth=auth(role),
        timeout=30,
    )
    assert created.status_code == 201, (created.status_code, created.text[:300])
    return requests.patch(
        created.headers["Location"],
        data=data,
        headers={
            **common,
            "Content-Type": "application/offset+octet-stream",
            "Upload-Offset": "0",
        },
        auth=auth(role),
        timeout=30,
    )


def test_tus_upload_keeps_the_format_check_and_starts_private(site, tmp_path, monkeypatch):
    monkeypatch.setenv("TUS_TMP_FILE_DIR", str(tmp_path))
    portal = site
    section = portal.absolute_url() + "/gioi-thieu"
    response = tus_upload(section, UPDATER, "gia-mao.pdf", b"MZ\x90\x00 program")
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert "chương trình" in response.json()["message"]
    assert not exists(portal, ("", "plone", "gioi-thieu", "gia-mao.pdf"))
    response = tus_upload(section, UPDATER, "that.pdf", b"%PDF-1.4 that")
    assert response.status_code == 204, (response.status_code, response.text[:300])
    url = response.headers["Location"]
    transaction.begin()
    obj = portal.unrestrictedTraverse(url[len(portal.absolute_url()) + 1 :])
    assert api.content.get_state(obj) == "private"
    anonymous = requests.get(f"{url}/@@download/file", allow_redirects=False, timeout=30)
    assert anonymous.status_code != 200


def test_the_reject_form_refused_says_why(functional, site):
    """The reject form opened by someone who may not send the item back: told
    what and why on the item (it was Zope's bare 'Forbidden' page)."""
    portal = site
    obj = make_item(portal, "News Item", "tra-lai-khong-duoc", state=PENDING_REVIEW)
    transaction.commit()
    browser = browser_for(functional, UPDATER)
    browser.open(obj.absolute_url() + "/@@editorial-reject")
    assert browser.url == obj.absolute_url()
    assert "Chưa thực hiện" in browser.contents and "vai trò của bạn không được" in browser.contents
    assert state_of(portal, obj) == PENDING_REVIEW
