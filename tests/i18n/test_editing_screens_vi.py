"""Issue 19.6: every screen the editorial board uses reads in Vietnamese.

Each level (cap-nhat, kiem-duyet, xuat-ban, quan-tri-he-thong) logs in with
``Accept-Language: vi`` and opens the screens it may open: the add and edit
forms of the portal's types and of Plone's News Item, Document, Event, File
and Image, folder contents, sharing, the workflow menu, users and groups, the
add-user form, the control panels overview and the portal's own control
panels. The visible text of each page (no scripts, styles or attributes but
title, aria-label, placeholder and the value of input buttons) must hold no word of
Plone's English UI vocabulary (ENGLISH below).

Before issue 19.6: 623 such words on 169 pages (Save 94, Cancel 94, Settings
53, Contributors 45, Categorization 39, Related Items 39, Summary 37, Add 28,
Change Note 27, Versioning 27…). Now: none. Besides the catalogs
(locales/vi/LC_MESSAGES/plone.po, z3c.form.po), Products.CMFPlone's users
overview wrote "Remove user …" without i18n (editing/users.py) and PlonePAS'
virtual group was "Authenticated Users (Virtual Group)" (editing/setup.py).
"""

import re
from collections import Counter
from datetime import datetime
from datetime import timedelta
from xml.etree import ElementTree

import lxml.html
import pytest
import pytz
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from plone.testing.zope import Browser

from tests.i18n.test_catalog import POLICY
from tests.workflow.helpers import ADMINISTRATOR
from tests.workflow.helpers import PASSWORD
from tests.workflow.helpers import PUBLISHER
from tests.workflow.helpers import REVIEWER
from tests.workflow.helpers import UPDATER
from tests.workflow.helpers import _fields
from tests.workflow.helpers import create_members
from tests.workflow.helpers import user_id


LEVELS = (UPDATER, REVIEWER, PUBLISHER, ADMINISTRATOR)

# Words and phrases of Plone's English UI (case-sensitive, whole words).
ENGLISH = (
    "Add",
    "Edit",
    "Save",
    "Cancel",
    "Summary",
    "Settings",
    "Categorization",
    "Dates",
    "Ownership",
    "Lead Image",
    "Change Note",
    "default",
    "Default",
    "Title",
    "Description",
    "Contents",
    "Sharing",
    "View",
    "Actions",
    "Display",
    "State",
    "Delete",
    "Rename",
    "Cut",
    "Copy",
    "Paste",
    "Search",
    "Users",
    "Groups",
    "Roles",
    "yes",
    "There were some errors",
    "Required",
    "required",
    "Publisher",
    "HeadOfBoard",
    "FeedbackReceiver",
    "Versioning",
    "Layout",
    "Tags",
    "Subject",
    "Language",
    "Related Items",
    "Creators",
    "Contributors",
    "Rights",
    "Publishing Date",
    "Expiration Date",
    "Exclude from navigation",
    "Allow discussion",
    "Text",
    "Image",
    "File",
    "Folder",
    "Page",
    "News Item",
    "Event",
    "Close",
    "Apply",
    "Upload",
    "Select",
    "Browse",
    "Name",
    "Modified",
    "Created",
    "Review state",
    "Status",
    "Permissions",
    "Inherit",
    "permissions",
    "Owner",
    "Editor",
    "Reader",
    "Contributor",
    "Reviewer",
    "Manager",
    "Site Administrator",
    "Member",
    "Authenticated",
    "Filter",
    "Home",
    "Log out",
    "Advanced",
    "Help",
    "Control Panel",
    "Site Setup",
    "User name",
    "Password",
    "Full Name",
    "E-mail",
    "Email",
    "Register",
    "Remove",
    "Show all",
    "Select all",
    "Items",
    "Item",
    "Previous",
    "Next",
    "Send",
    "Submit",
    "Comments",
    "Location",
    "Start",
    "End",
    "Whole Day",
    "Open End",
    "Recurrence",
    "Contact",
    "Attendees",
    "Caption",
    "Preview",
    "Upgrade",
)
PATTERN = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(w) for w in sorted(ENGLISH, key=len, reverse=True))
    + r")(?![\w-])"
)
BUDGET = 0

# Plone's own types whose forms the board uses, besides the portal's.
PLONE_TYPES = ("News Item", "Document", "Event", "File", "Image")
VISIBLE_ATTRIBUTES = ("title", "aria-label", "placeholder")
HIDDEN_TAGS = ("script", "style", "template", "noscript", "head", "svg")


def portal_types():
    root = ElementTree.parse(POLICY / "profiles" / "default" / "types.xml").getroot()
    names = [obj.get("name") for obj in root.iter("object") if obj.get("name") != "portal_types"]
    return sorted(set(names) | set(PLONE_TYPES))


def own_control_panels():
    """The paths of the portal's control panels (controlpanel.xml)."""
    root = ElementTree.parse(POLICY / "profiles" / "default" / "controlpanel.xml").getroot()
    return sorted(
        configlet.get("url_expr").split("${portal_url}/", 1)[1]
        for configlet in root.iter("configlet")
        if "${portal_url}/" in (configlet.get("url_expr") or "")
    )


def visible_text(html):
    """What a person reads on the page (and what a screen reader says)."""
    document = lxml.html.document_fromstring(html)
    for element in document.xpath("|".join(f"//{tag}" for tag in HIDDEN_TAGS)):
        element.drop_tree()
    for element in document.xpath("//*[@hidden or @type='hidden']"):
        if element.tag != "input":
            element.drop_tree()
    parts = [document.text_content()]
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        parts.extend(element.get(name) for name in VISIBLE_ATTRIBUTES if element.get(name))
        if element.tag == "input" and element.get("type") in (
            "submit",
            "button",
            "reset",
        ):
            parts.append(element.get("value") or "")
    return " ".join(parts)


def english_words(html):
    return PATTERN.findall(visible_text(html))


def addable_container(portal, portal_type):
    """A folder of the portal where ``portal_type`` may be added."""
    for brain in api.content.find(context=portal, is_folderish=True, sort_on="path"):
        folder = brain.getObject()
        if portal_type in [fti.getId() for fti in folder.allowedContentTypes()]:
            return folder
    if portal_type in [fti.getId() for fti in portal.allowedContentTypes()]:
        return portal
    return None


def extra_fields(portal_type):
    if portal_type == "File":
        return {
            "file": NamedBlobFile(b"%PDF-1.4 tep", contentType="application/pdf", filename="t.pdf")
        }
    if portal_type == "Image":
        gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
        return {"image": NamedBlobImage(gif, filename="a.gif")}
    if portal_type == "Event":
        # plone.app.event wants pytz zones
        zone = pytz.timezone("Asia/Ho_Chi_Minh")
        start = zone.localize(datetime.now().replace(microsecond=0) + timedelta(days=2))
        return {"start": start, "end": start + timedelta(hours=2)}
    return _fields(portal_type)


def screens(portal):
    """(name, path) of every screen to walk, and the items they need."""
    found = []
    for number, portal_type in enumerate(portal_types(), start=1):
        container = addable_container(portal, portal_type)
        if container is None:
            continue
        base = "/".join(container.getPhysicalPath()[2:])
        found.append((f"add {portal_type}", f"{base}/++add++{portal_type}"))
        obj = api.content.create(
            container=container,
            type=portal_type,
            id=f"muc-thu-{number}",
            title=f"Mục thử số {number}",
            safe_id=True,
            **extra_fields(portal_type),
        )
        path = "/".join(obj.getPhysicalPath()[2:])
        found.append((f"edit {portal_type}", f"{path}/edit"))
        if portal_type == "News Item":
            found.append(("workflow menu", path))
            found.append(("sharing", f"{path}/@@sharing"))
            found.append(("folder contents", f"{base}/folder_contents"))
    found += [
        ("users", "@@usergroup-userprefs"),
        ("groups", "@@usergroup-groupprefs"),
        ("new user", "@@new-user"),
        ("control panels", "@@overview-controlpanel"),
    ]
    found += [(f"control panel {path}", path) for path in own_control_panels()]
    return found


@pytest.fixture
def walk(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    create_members()
    pages = screens(portal)
    transaction.commit()
    url = portal.absolute_url()
    results = {}
    for level in LEVELS:
        browser = Browser(functional["app"])
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.addHeader("Authorization", f"Basic {user_id(level)}:{PASSWORD}")
        browser.addHeader("Accept-Language", "vi")
        for name, path in pages:
            browser.open(f"{url}/{path}")
            if not browser.headers["status"].startswith("200"):
                # the administrator opens every screen; the others what they may
                assert level != ADMINISTRATOR, (name, browser.headers["status"])
                continue
            if "text/html" not in browser.headers.get("content-type", ""):
                continue
            results[(level, name)] = english_words(browser.contents)
    return results


def test_editing_screens_read_in_vietnamese(walk):
    counts = Counter()
    for (level, name), words in sorted(walk.items()):
        counts.update(words)
        if words:
            print(f"{level:14} {name:45} {len(words):3} {sorted(Counter(words).items())}")
    total = sum(counts.values())
    print(f"English words: {total} on {len(walk)} pages; {counts.most_common()}")
    assert len(walk) > 40, "the levels open the screens they use"
    assert total <= BUDGET, f"{total} English words: {counts.most_common(30)}"


def test_the_walk_counts_english_words():
    html = (
        "<html><head><title>Title</title></head><body><script>Add</script>"
        '<h1>Add Mục Tin tức</h1><input type="submit" value="Save" />'
        '<a title="Edit" href="x">Sửa</a><p>Thêm, Lưu</p></body></html>'
    )
    assert sorted(english_words(html)) == ["Add", "Edit", "Save"]


ROLE_TITLES = {
    "Publisher": "Xuất bản",
    "HeadOfBoard": "Trưởng Ban biên tập",
    "FeedbackReceiver": "Tiếp nhận phản ánh",
    "Site Administrator": "Quản trị cổng",
}


def test_the_boards_roles_have_vietnamese_names(portal):
    """The users and groups overviews show a role by its id, translated in
    Plone's domain: the board's roles read in Vietnamese."""
    from zope.i18n import translate

    names = {role: translate(role, domain="plone", target_language="vi") for role in ROLE_TITLES}
    assert names == ROLE_TITLES


def test_z3c_forms_yes_and_errors_message_in_vietnamese(portal):
    from zope.i18n import translate

    assert translate("yes", domain="z3c.form", target_language="vi") == "có"
    assert translate("There were some errors.", domain="z3c.form", target_language="vi") == (
        "Chưa lưu được: có lỗi trong biểu mẫu."
    )
