"""The permission matrix through the Plone UI (the workflow menu and
content_status_modify) and plone.restapi's ``POST @workflow/<transition>``,
for every role on a News Item and a LegalDocument; the reject reason in the
UI and over REST; the reason shown to the author."""

import re

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.testing.zope import Browser

from dakto.policy.workflow.names import DRAFT
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import REJECT
from tests.workflow.helpers import ANONYMOUS
from tests.workflow.helpers import MOVES
from tests.workflow.helpers import PASSWORD
from tests.workflow.helpers import ROLES
from tests.workflow.helpers import STATES
from tests.workflow.helpers import TRANSITIONS
from tests.workflow.helpers import allowed
from tests.workflow.helpers import comment_for
from tests.workflow.helpers import create_members
from tests.workflow.helpers import make_item
from tests.workflow.helpers import user_id


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    create_members()
    transaction.commit()
    return portal


def state_of(portal, obj):
    transaction.begin()
    return api.content.get_state(portal.unrestrictedTraverse(obj.getPhysicalPath()))


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
