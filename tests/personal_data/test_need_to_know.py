"""Need-to-know (Luật 91/2025, issue 13.3): who sees citizens' personal data.

Per level — the board's groups ``cap-nhat``, ``kiem-duyet``, ``xuat-ban``,
the feedback receivers ``tiep-nhan-phan-anh``, the administrators
``quan-tri-he-thong``, the head of the board and anonymous — through a real
HTTP server: the pages, REST GET, ``@search`` (``fullobjects`` and
``metadata_fields=_all``), the exports; Feedback items, comments on drafts
with their e-mails and consent records; royalty amounts.
"""

import csv
import io
import json
from datetime import timedelta

import pytest
import requests
import transaction
from collective.easyform.api import get_actions
from odf.opendocument import load
from odf.table import Table
from odf.table import TableCell
from odf.table import TableRow
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import login
from plone.namedfile.file import NamedBlobFile

from dakto.policy.consultation import comments as store
from dakto.policy.consultation.period import today
from dakto.policy.feedback import names
from dakto.policy.personal_data.consent import record_consent
from dakto.policy.personal_data.interfaces import VIEW_PERSONAL_DATA
from dakto.policy.royalties.records import set_record
from dakto.policy.royalties.settings import MANAGE_PERMISSION
from dakto.policy.workflow.names import ADMINISTRATORS_GROUP
from dakto.policy.workflow.names import HEAD_OF_BOARD_GROUP
from dakto.policy.workflow.names import PUBLISHERS_GROUP
from dakto.policy.workflow.names import REVIEWERS_GROUP
from dakto.policy.workflow.names import UPDATERS_GROUP
from tests.feedback.helpers import make_feedback


PASSWORD = "mat-khau-du-lieu-42"
ANONYMOUS = "anonymous"
# level -> (user id, group)
LEVELS = {
    "cap-nhat": ("ntk-capnhat", UPDATERS_GROUP),
    "kiem-duyet": ("ntk-kiemduyet", REVIEWERS_GROUP),
    "xuat-ban": ("ntk-xuatban", PUBLISHERS_GROUP),
    "truong-ban": ("ntk-truongban", HEAD_OF_BOARD_GROUP),
    "tiep-nhan-phan-anh": ("ntk-tiepnhan", names.RECEIVERS_GROUP),
    "quan-tri": ("ntk-quantri", ADMINISTRATORS_GROUP),
}
ALL = (ANONYMOUS, *LEVELS)
# who may see the senders' details (the permission VIEW_PERSONAL_DATA)
NEED_TO_KNOW = {"tiep-nhan-phan-anh", "quan-tri"}
# who may moderate comments on a published draft (Review portal content)
MODERATORS = {"kiem-duyet", "xuat-ban", "truong-ban", "quan-tri"}
# who sees royalty amounts (dakto.policy: Manage royalties)
ROYALTY_MANAGERS = {"truong-ban", "quan-tri"}

SENDERS = (
    ("Nguyễn Thị Hoa", "0905 123 456", "hoa.nguyen@example.vn", "Tổ dân phố 3"),
    ("A Luân", "0978 456 123", "a.luan@example.vn", "Tổ dân phố 6"),
    ("Trần Văn Bình", "0914 222 333", "binh.tran@example.vn", "Tổ dân phố 1"),
    ("Y Hlin", "0912 777 888", "y.hlin@example.vn", "Thôn Kon Tu Dốp"),
)
COMMENTER_EMAIL = "le.thi.gop.y@example.vn"
FORM_SENDER = ("Đặng Thị Liên Hệ", "dang.lien.he@example.vn")
AMOUNT = 351000


def secrets_of_feedback():
    """Every sender detail, as it would appear in a JSON or HTML answer."""
    values = []
    for name, phone, email, address in SENDERS:
        values += [name, phone, email, address]
    return values


def leaked(text, values):
    """The values found in ``text`` (raw, or JSON-escaped)."""
    return [v for v in values if v in text or json.dumps(v)[1:-1] in text]


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    for level, (user_id, group) in LEVELS.items():
        api.user.create(
            email=f"{user_id}@dakto.example.org",
            username=user_id,
            password=PASSWORD,
            properties={"fullname": f"Cán bộ {level}"},
        )
        api.group.add_user(groupname=group, username=user_id)
    unit = api.content.create(
        container=portal["gioi-thieu"]["co-cau-to-chuc"],
        type="OrgUnit",
        id="cong-an",
        title="Công an thị trấn",
    )
    items = []
    for index, (name, phone, email, address) in enumerate(SENDERS):
        obj = make_feedback(
            name=name,
            phone=phone,
            email=email,
            address=address,
            subject=f"Phản ánh số {index + 1} về đèn đường",
        )
        obj.attachments = (
            NamedBlobFile(data=b"%PDF-1.4 anh", contentType="application/pdf", filename="a.pdf"),
        )
        if index >= 1:
            obj.purpose = "phan-anh"
            api.content.transition(obj, transition=names.CLASSIFY)
        if index >= 2:
            obj.forwarded_to = unit.UID()
            api.content.transition(obj, transition=names.FORWARD)
        if index >= 3:
            obj.answer = "Đã sửa đèn."
            api.content.transition(obj, transition=names.ANSWER)
        obj.reindexObject()
        items.append(obj)
    day = today()
    draft = api.content.create(
        container=portal["du-thao"], type="DraftDocument", id="du-thao-ntk", title="Dự thảo"
    )
    draft.draft_file = NamedBlobFile(data=b"%PDF-1.4 d", contentType="application/pdf")
    draft.comment_opens = day - timedelta(days=2)
    draft.comment_closes = day + timedelta(days=10)
    api.content.transition(draft, to_state="published")
    for state in (store.APPROVED, store.PENDING):
        comment = store.add(
            draft,
            {
                "name": f"Lê Thị Góp Ý {state}",
                "email": COMMENTER_EMAIL,
                "text": f"Góp ý {state}: đề nghị bổ sung Điều 2.",
            },
            record_consent(["comment_draft"]),
        )
        store.moderate(draft, comment, state, SITE_OWNER_NAME)
    article = api.content.create(
        container=portal["tin-tuc"]["kinh-te"], type="News Item", id="bai-ntk", title="Bài"
    )
    api.content.transition(article, to_state="published")
    api.portal.set_registry_record("dakto.royalties.unit_value", 234000)
    set_record(article, "tin", "1.5", "Nguyễn Văn A", "Văn phòng")
    contact_form = portal["lien-he"]["gui-thu-lien-he"]
    get_actions(contact_form)["saved_data"].addDataRow(
        {"ho_ten": FORM_SENDER[0], "email": FORM_SENDER[1], "consent": True}
    )
    transaction.commit()
    return {
        "portal": portal,
        "feedback": items,
        "draft": draft,
        "article": article,
        "form": contact_form,
    }


def get(level, url, **params):
    auth = None if level == ANONYMOUS else (LEVELS[level][0], PASSWORD)
    return requests.get(
        url, params=params, headers={"Accept": "application/json"}, auth=auth, timeout=60
    )


def refused(response):
    """Plone's answer to a user without the permission: 401/403, the login
    form or the "insufficient privileges" page."""
    return response.status_code in (401, 403) or any(
        word in response.url for word in ("login", "insufficient-privileges")
    )


def page(level, url, **params):
    auth = None if level == ANONYMOUS else (LEVELS[level][0], PASSWORD)
    return requests.get(url, params=params, auth=auth, timeout=60)


# --- Feedback ---------------------------------------------------------------------------


@pytest.mark.parametrize("level", ALL)
def test_feedback_search_fullobjects_and_metadata(site, level):
    portal_url = site["portal"].absolute_url()
    secrets = secrets_of_feedback()
    full = get(level, f"{portal_url}/@search", portal_type="Feedback", fullobjects="1")
    assert full.status_code == 200
    expected = 4 if level in NEED_TO_KNOW else 0
    assert full.json()["items_total"] == expected, level
    if level in NEED_TO_KNOW:
        assert sorted(i["sender_email"] for i in full.json()["items"]) == sorted(
            s[2] for s in SENDERS
        )
    else:
        assert leaked(full.text, secrets) == []
    meta = get(level, f"{portal_url}/@search", portal_type="Feedback", metadata_fields="_all")
    assert meta.json()["items_total"] == expected
    # the catalog keeps no sender's detail in clear, even for those who may see it
    assert leaked(meta.text, secrets) == []
    for name, phone, email, _address in SENDERS:
        for text in (name, email, phone):
            found = get(level, f"{portal_url}/@search", SearchableText=text)
            assert found.json()["items_total"] == 0, (level, text)
    subjects = get(level, f"{portal_url}/@search", SearchableText="đèn đường")
    assert subjects.json()["items_total"] == expected


@pytest.mark.parametrize("level", ALL)
def test_feedback_item_rest_page_and_attachment(site, level):
    for obj, (name, phone, email, address) in zip(site["feedback"], SENDERS, strict=True):
        rest = get(level, obj.absolute_url())
        html = page(level, obj.absolute_url())
        attachment = page(level, f"{obj.absolute_url()}/@@feedback-attachment", i="0")
        if level in NEED_TO_KNOW:
            assert rest.status_code == 200
            data = rest.json()
            assert (data["sender_name"], data["sender_phone"]) == (name, phone)
            assert (data["sender_email"], data["sender_address"]) == (email, address)
            assert html.status_code == 200
            assert name in html.text and email in html.text and phone in html.text
            assert "Phiên bản" in html.text or "notice version" in html.text or "1.0" in html.text
            assert attachment.status_code == 200 and attachment.content.startswith(b"%PDF")
        else:
            assert rest.status_code in (401, 403), (level, rest.status_code)
            assert refused(html), (level, html.url)
            assert refused(attachment), (level, attachment.url)
            for response in (rest, html):
                assert leaked(response.text, [name, phone, email, address]) == [], level
            assert not attachment.content.startswith(b"%PDF")


@pytest.mark.parametrize("level", ALL)
def test_feedback_folder_listing(site, level):
    section = site["portal"][names.SECTION]
    listing = get(level, section.absolute_url(), expand="")
    contents = page(level, f"{section.absolute_url()}/folder_contents")
    items = get(level, f"{section.absolute_url()}/@search", portal_type="Feedback")
    assert items.json()["items_total"] == (4 if level in NEED_TO_KNOW else 0)
    for response in (listing, contents):
        assert leaked(response.text, secrets_of_feedback()) == [], level


@pytest.mark.parametrize("level", ALL)
def test_who_handles_feedback(site, level):
    """Only the receivers and administrators classify, forward, answer, reject."""
    obj = site["feedback"][0]
    auth = None if level == ANONYMOUS else (LEVELS[level][0], PASSWORD)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj.purpose = "hoi-dap"
    transaction.commit()
    response = requests.post(
        f"{obj.absolute_url()}/@workflow/{names.CLASSIFY}",
        headers={"Accept": "application/json", "Referer": site["portal"].absolute_url()},
        auth=auth,
        json={},
        timeout=60,
    )
    transaction.begin()
    state = api.content.get_state(site["portal"].unrestrictedTraverse(obj.getPhysicalPath()))
    if level in NEED_TO_KNOW:
        assert response.status_code == 200, response.text[:300]
        assert state == names.CLASSIFIED
    else:
        assert response.status_code in (401, 403, 404), (level, response.status_code)
        assert state == names.RECEIVED


def test_permission_and_group(site):
    portal = site["portal"]
    group = api.group.get(groupname=names.RECEIVERS_GROUP)
    assert group is not None and group.getProperty("title") == "Tiếp nhận phản ánh"
    assert names.RECEIVER_ROLE in group.getRoles()
    roles = {r["name"] for r in portal.rolesOfPermission(VIEW_PERSONAL_DATA) if r["selected"]}
    assert roles == {"Manager", "Site Administrator", names.RECEIVER_ROLE}


# --- Comments on drafts -------------------------------------------------------------------


@pytest.mark.parametrize("level", ALL)
def test_draft_comment_contact_details_and_consent(site, level):
    draft = site["draft"]
    listing = get(level, f"{draft.absolute_url()}/@draft-comments")
    assert listing.status_code == 200
    data = listing.json()
    sees = level in NEED_TO_KNOW
    moderates = level in MODERATORS
    # anonymous and the updaters: the approved comment only; moderators all of them
    assert data["items_total"] == (2 if (moderates or sees) else 1), level
    for item in data["items"]:
        if sees:
            assert item["email"] == COMMENTER_EMAIL
            assert item["consent"]["purposes"] == ["comment_draft"]
        else:
            assert "email" not in item and "consent" not in item, (level, item)
    assert (COMMENTER_EMAIL in listing.text) == sees
    moderation = page(level, f"{draft.absolute_url()}/@@draft-comments-moderation")
    csv_export = page(level, f"{draft.absolute_url()}/@@draft-comments-export", format="csv")
    rest_export = get(level, f"{draft.absolute_url()}/@draft-comments-export", format="csv")
    draft_page = page(level, draft.absolute_url())
    assert COMMENTER_EMAIL not in draft_page.text
    if moderates:
        assert moderation.status_code == 200
        assert "Góp ý pending" in moderation.text
        assert (COMMENTER_EMAIL in moderation.text) == sees, level
        for export in (csv_export, rest_export):
            assert export.status_code == 200
            rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
            assert len(rows) == 3  # header + 2 comments
            assert ("Thư điện tử" in rows[0]) == sees, level
            assert (COMMENTER_EMAIL in export.text) == sees, level
    else:
        for response in (moderation, csv_export, rest_export):
            assert refused(response), (level, response.url)
            assert COMMENTER_EMAIL not in response.text


@pytest.mark.parametrize("level", ("kiem-duyet", "xuat-ban", "quan-tri"))
def test_draft_comments_ods_export(site, level):
    draft = site["draft"]
    response = page(level, f"{draft.absolute_url()}/@@draft-comments-export", format="ods")
    assert response.status_code == 200
    document = load(io.BytesIO(response.content))
    [sheet] = document.spreadsheet.getElementsByType(Table)
    cells = [
        str(cell)
        for row in sheet.getElementsByType(TableRow)
        for cell in row.getElementsByType(TableCell)
    ]
    assert "Góp ý pending: đề nghị bổ sung Điều 2." in cells
    assert ("Thư điện tử" in cells) == (level in NEED_TO_KNOW)
    assert (COMMENTER_EMAIL in cells) == (level in NEED_TO_KNOW)


@pytest.mark.parametrize("level", ALL)
def test_personal_data_requests_are_for_the_zope_manager(site, level):
    """The requests page (find, export, correct, erase one person's data across
    every holder) needs Manage portal: on this portal only Manager holds it."""
    portal_url = site["portal"].absolute_url()
    url = f"{portal_url}/@@personal-data-requests"
    response = page(level, url, email=SENDERS[0][2], format="json")
    assert refused(response), (level, response.url)
    assert SENDERS[0][0] not in response.text
    owner = requests.get(
        url,
        params={"email": SENDERS[0][2], "format": "json"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=60,
    )
    assert (
        owner.status_code == 200
        and owner.json()["holders"]["feedback"][0]["data"]["name"] == (SENDERS[0][0])
    )


def test_the_unit_sees_the_item_shared_with_it_and_no_other(site):
    """A receiver shares a forwarded item with the unit's account ("Can view",
    Reader) on the sharing tab / ``@sharing``: that account sees that item
    and its sender, nothing else; the board still sees nothing."""
    portal = site["portal"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(email="congan@dakto.example.org", username="ntk-congan", password=PASSWORD)
    transaction.commit()
    forwarded = site["feedback"][2]
    receiver = (LEVELS["tiep-nhan-phan-anh"][0], PASSWORD)
    unit = ("ntk-congan", PASSWORD)
    before = requests.get(
        forwarded.absolute_url(), headers={"Accept": "application/json"}, auth=unit, timeout=60
    )
    assert before.status_code in (401, 403)
    # the board may not share it (they do not even see it)
    by_reviewer = requests.post(
        f"{forwarded.absolute_url()}/@sharing",
        headers={"Accept": "application/json", "Referer": portal.absolute_url()},
        auth=(LEVELS["kiem-duyet"][0], PASSWORD),
        json={"entries": [{"id": "ntk-congan", "type": "user", "roles": {"Reader": True}}]},
        timeout=60,
    )
    assert by_reviewer.status_code in (401, 403)
    # a receiver may grant Reader, and only Reader
    editor = requests.post(
        f"{forwarded.absolute_url()}/@sharing",
        headers={"Accept": "application/json", "Referer": portal.absolute_url()},
        auth=receiver,
        json={"entries": [{"id": "ntk-congan", "type": "user", "roles": {"Editor": True}}]},
        timeout=60,
    )
    transaction.begin()
    fresh = portal.unrestrictedTraverse(forwarded.getPhysicalPath())
    assert "Editor" not in (fresh.get_local_roles_for_userid("ntk-congan") or ()), editor.text
    shared = requests.post(
        f"{forwarded.absolute_url()}/@sharing",
        headers={"Accept": "application/json", "Referer": portal.absolute_url()},
        auth=receiver,
        json={"entries": [{"id": "ntk-congan", "type": "user", "roles": {"Reader": True}}]},
        timeout=60,
    )
    assert shared.status_code == 204, shared.text[:300]
    after = requests.get(
        forwarded.absolute_url(), headers={"Accept": "application/json"}, auth=unit, timeout=60
    )
    assert after.status_code == 200 and after.json()["sender_email"] == SENDERS[2][2]
    found = requests.get(
        f"{portal.absolute_url()}/@search",
        params={"portal_type": "Feedback", "fullobjects": "1"},
        headers={"Accept": "application/json"},
        auth=unit,
        timeout=60,
    ).json()
    assert [i["sender_email"] for i in found["items"]] == [SENDERS[2][2]]


@pytest.mark.parametrize("level", ALL)
def test_form_submissions_and_their_consent_only_for_administrators(site, level):
    """What a citizen sent with a form (and its consent record) is the form's
    saved data: easyform's Download Saved Input (Manager, Site Administrator,
    the form's owner — here the site owner), never the board's levels."""
    form = site["form"]
    saved = page(level, f"{form.absolute_url()}/@@saveddata")
    data = page(level, f"{form.absolute_url()}/actions/saved_data/@@data")
    rest = get(level, form.absolute_url())
    found = get(
        level,
        f"{site['portal'].absolute_url()}/@search",
        portal_type="EasyForm",
        fullobjects="1",
        metadata_fields="_all",
    )
    assert rest.status_code == 200 and found.status_code == 200
    if level == "quan-tri":
        assert saved.status_code == 200 and FORM_SENDER[1] in saved.text
    else:
        assert refused(saved), (level, saved.url)
        assert refused(data), (level, data.url)
        for response in (saved, data, rest, found):
            assert leaked(response.text, list(FORM_SENDER)) == [], (level, response.url)


# --- Royalties ----------------------------------------------------------------------------


@pytest.mark.parametrize("level", ALL)
def test_royalty_amounts_only_with_manage_royalties(site, level):
    article = site["article"]
    portal_url = site["portal"].absolute_url()
    amounts = [str(AMOUNT), "351.000", "351,000"]
    expanded = get(level, article.absolute_url(), expand="royalty")
    assert expanded.status_code == 200
    assert leaked(expanded.text, amounts) == [], level
    searched = get(
        level,
        f"{portal_url}/@search",
        portal_type="News Item",
        metadata_fields="_all",
        fullobjects="1",
    )
    assert leaked(searched.text, amounts) == [], level
    assert leaked(page(level, article.absolute_url()).text, amounts) == [], level
    royalty = get(level, f"{article.absolute_url()}/@royalty")
    statement = get(level, f"{portal_url}/@royalty-statement", month=today().strftime("%Y-%m"))
    if level in ROYALTY_MANAGERS:
        assert royalty.status_code == 200 and royalty.json()["amount"] == AMOUNT
        assert statement.status_code == 200 and str(AMOUNT) in statement.text
    else:
        for response in (royalty, statement):
            assert response.status_code in (401, 403), (level, response.status_code)
            assert leaked(response.text, amounts) == []


def test_royalty_permission_roles(site):
    roles = {
        r["name"] for r in site["portal"].rolesOfPermission(MANAGE_PERMISSION) if r["selected"]
    }
    assert roles == {"Manager", "Site Administrator", "HeadOfBoard"}


@pytest.mark.parametrize("level", ("tiep-nhan-phan-anh", "quan-tri", "kiem-duyet"))
def test_edit_form_and_patch_of_the_sender(site, level):
    """The receivers and administrators correct a sender's details (the edit
    form shows them; PATCH changes them); the board cannot."""
    obj = site["feedback"][0]
    auth = (LEVELS[level][0], PASSWORD)
    patch = requests.patch(
        obj.absolute_url(),
        headers={"Accept": "application/json", "Referer": site["portal"].absolute_url()},
        auth=auth,
        json={"sender_phone": "0905 000 111"},
        timeout=60,
    )
    # after the PATCH: opening the edit form locks the item
    edit = requests.get(f"{obj.absolute_url()}/@@edit", auth=auth, timeout=60)
    transaction.begin()
    fresh = site["portal"].unrestrictedTraverse(obj.getPhysicalPath())
    if level in NEED_TO_KNOW:
        assert edit.status_code == 200
        assert 'name="form.widgets.sender_email"' in edit.text and SENDERS[0][2] in edit.text
        assert patch.status_code == 204, patch.text[:300]
        assert fresh.sender_phone == "0905 000 111"
    else:
        assert refused(edit) and SENDERS[0][2] not in edit.text
        assert patch.status_code in (401, 403)
        assert fresh.sender_phone == SENDERS[0][1]


def test_sender_fields_need_the_permission_even_with_view(portal):
    """Defence in depth: were View given to a role without View personal data
    (a later workflow change), REST, the page and the attachments still keep
    the sender's details."""
    from AccessControl import Unauthorized
    from AccessControl.Permission import Permission
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import setRoles
    from plone.restapi.interfaces import ISerializeToJson
    from zope.component import getMultiAdapter

    from dakto.policy.feedback.views import AttachmentView
    from dakto.policy.feedback.views import FeedbackView

    setRoles(portal, TEST_USER_ID, ["Manager"])
    obj = make_feedback(name="Nguyễn Văn Kín", email="kin@example.vn", phone="0905 999 000")
    obj.attachments = (NamedBlobFile(data=b"%PDF-1.4 x", filename="a.pdf"),)
    for name in ("View", "Access contents information"):
        Permission(name, (), obj).setRoles(("Manager", "Editor"))
    Permission(VIEW_PERSONAL_DATA, (), obj).setRoles(("Manager",))
    zope_request = portal.REQUEST
    setRoles(portal, TEST_USER_ID, ["Editor"])
    data = getMultiAdapter((obj, zope_request), ISerializeToJson)()
    assert data["title"] == obj.title
    assert not set(names.PERSONAL_FIELDS) & set(data), data.keys()
    html = FeedbackView(obj, zope_request)()
    assert obj.title in html
    assert leaked(html, ["Nguyễn Văn Kín", "kin@example.vn", "0905 999 000"]) == []
    zope_request.form["i"] = "0"
    with pytest.raises(Unauthorized):
        AttachmentView(obj, zope_request)()
    setRoles(portal, TEST_USER_ID, ["Manager"])
    data = getMultiAdapter((obj, zope_request), ISerializeToJson)()
    assert data["sender_email"] == "kin@example.vn"


# every transition of each state, with what it needs filled in
READY = {"purpose": "phan-anh", "answer": "Đã xử lý.", "rejection_reason": "Quảng cáo."}
MOVES = {
    names.RECEIVED: {names.CLASSIFY, names.REJECT},
    names.CLASSIFIED: {names.FORWARD, names.ANSWER, names.REJECT},
    names.FORWARDED: {names.ANSWER, names.REJECT},
    names.ANSWERED: {names.PUBLISH_QA, names.CLOSE},
    names.PUBLISHED_QA: {names.CLOSE},
    names.CLOSED: set(),
    names.REJECTED: set(),
}
PATHS = {
    names.RECEIVED: (),
    names.CLASSIFIED: (names.CLASSIFY,),
    names.FORWARDED: (names.CLASSIFY, names.FORWARD),
    names.ANSWERED: (names.CLASSIFY, names.ANSWER),
    names.PUBLISHED_QA: (names.CLASSIFY, names.ANSWER, names.PUBLISH_QA),
    names.CLOSED: (names.CLASSIFY, names.ANSWER, names.CLOSE),
    names.REJECTED: (names.REJECT,),
}


def test_feedback_matrix_per_level_and_state(portal):
    """In every state: who sees the item and its sender, who may edit, and
    which transitions each level is offered (python, the workflow tool)."""
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import setRoles

    setRoles(portal, TEST_USER_ID, ["Manager"])
    for user_id, group in LEVELS.values():
        api.user.create(email=f"{user_id}@dakto.example.org", username=user_id, password=PASSWORD)
        api.group.add_user(groupname=group, username=user_id)
    tool = api.portal.get_tool("portal_workflow")
    for state, path in PATHS.items():
        obj = make_feedback(subject=f"Ma trận {state}")
        for name, value in READY.items():
            setattr(obj, name, value)
        obj.forwarded_to = "x"
        for transition in path:
            tool.doActionFor(obj, transition)
        assert api.content.get_state(obj) == state
        for level, (user_id, _group) in LEVELS.items():
            with api.env.adopt_user(username=user_id):
                allowed = {t["id"] for t in tool.getTransitionsFor(obj)}
                may_view = api.user.has_permission("View", obj=obj)
                may_edit = api.user.has_permission("Modify portal content", obj=obj)
                may_see = api.user.has_permission(VIEW_PERSONAL_DATA, obj=obj)
            if level in NEED_TO_KNOW:
                assert may_view and may_see, (level, state)
                assert allowed == MOVES[state], (level, state, allowed)
                # administrators may still correct a closed item; receivers not
                assert may_edit == (level == "quan-tri" or state in names.OPEN_STATES)
            else:
                assert not (may_view or may_see or may_edit), (level, state)
                assert allowed == set(), (level, state, allowed)
