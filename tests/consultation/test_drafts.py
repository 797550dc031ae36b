"""Drafts for public comment (Article 4.1e): the type, its forms, views and REST."""

import base64
from datetime import timedelta

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import login
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser

from dakto.policy.consultation.period import today


SUMMARY = "<p>Tiếp thu 12 ý kiến về mức hỗ trợ giống.</p>"


def _draft(container, id, opens, closes, summary=None, **fields):
    """A published draft whose period runs from today+opens to today+closes (days)."""
    day = today()
    obj = api.content.create(
        container=container, type="DraftDocument", id=id, title=fields.pop("title", id)
    )
    obj.drafting_body = fields.pop("drafting_body", "Văn phòng HĐND - UBND thị trấn")
    obj.draft_file = NamedBlobFile(
        data=b"%PDF-1.4 du thao", contentType="application/pdf", filename=f"{id}.pdf"
    )
    obj.comment_opens = day + timedelta(days=opens)
    obj.comment_closes = day + timedelta(days=closes)
    obj.comments_received = fields.pop("comments_received", 0)
    if summary:
        obj.comment_summary = RichTextValue(summary, "text/html", "text/x-html-safe")
    api.content.transition(obj, to_state="published")
    obj.reindexObject()
    return obj


def _file(name, mime):
    return {
        "data": base64.b64encode(b"%PDF-1.4 x").decode(),
        "encoding": "base64",
        "filename": name,
        "content-type": mime,
    }


def _body(opens=-1, closes=20, **extra):
    day = today()
    return {
        "@type": "DraftDocument",
        "title": "Dự thảo Quy chế văn hóa công sở",
        "drafting_body": "Văn phòng HĐND - UBND thị trấn",
        "draft_file": _file("du-thao.pdf", "application/pdf"),
        "comment_opens": (day + timedelta(days=opens)).isoformat(),
        "comment_closes": (day + timedelta(days=closes)).isoformat(),
    } | extra


def _owner_browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def _field_html(html, name):
    """The HTML of the form field ``name`` (from its wrapper to the next field)."""
    start = html.index(f'id="formfield-form-widgets-{name}"')
    end = html.find('id="formfield-form-widgets-', start + 10)
    return html[start:end]


# The type -----------------------------------------------------------------


def test_drafts_live_only_in_du_thao(portal, manager):
    assert _draft(portal["du-thao"], "d", -1, 10).portal_type == "DraftDocument"
    with pytest.raises((ValueError, api.exc.InvalidParameterError)):
        api.content.create(container=portal["tin-tuc"], type="DraftDocument", id="x", title="X")
    assert not portal.portal_types["DraftDocument"].global_allow


def test_catalog_sorts_on_the_closing_day(portal, manager):
    _draft(portal["du-thao"], "late", -1, 30)
    _draft(portal["du-thao"], "soon", -1, 3)
    brains = api.content.find(portal_type="DraftDocument", sort_on="comment_closes")
    assert [b.getId for b in brains] == ["soon", "late"]
    assert brains[0].drafting_body == "Văn phòng HĐND - UBND thị trấn"
    assert brains[0].comment_closes == today() + timedelta(days=3)


# REST ---------------------------------------------------------------------


def test_rest_creates_a_draft_and_reports_its_status(
    functional_portal, manager_request, anon_request
):
    response = manager_request.post("/du-thao", json=_body(comments_received=4))
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    for transition in ("submit", "approve", "publish"):  # the editorial workflow
        assert manager_request.post(f"{url}/@workflow/{transition}").status_code == 200
    status = anon_request.get(f"{url}/@draft-status")
    assert status.status_code == 200, status.text
    data = status.json()
    assert data["status"] == "open"
    assert data["days_left"] == 20
    assert data["closes"] == (today() + timedelta(days=20)).isoformat()
    assert data["comments_received"] == 4
    assert data["title"]  # translated status, e.g. "Đang lấy ý kiến"
    item = anon_request.get(url, params={"expand": "draft-status"}).json()
    assert item["@components"]["draft-status"]["status"] == "open"
    assert item["drafting_body"] == "Văn phòng HĐND - UBND thị trấn"
    assert item["draft_file"]["filename"] == "du-thao.pdf"


def test_rest_refuses_a_period_that_closes_before_it_opens(functional_portal, manager_request):
    response = manager_request.post("/du-thao", json=_body(opens=5, closes=2))
    assert response.status_code == 400, response.text
    assert "comment_closes" in response.json()["message"]
    # The same day for opening and closing is refused too: closing comes after opening.
    assert manager_request.post("/du-thao", json=_body(opens=2, closes=2)).status_code == 400
    assert "DraftDocument" not in [
        o.portal_type for o in functional_portal["du-thao"].objectValues()
    ]


def test_rest_refuses_a_closed_format_and_says_which_are_accepted(
    functional_portal, manager_request
):
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = manager_request.post("/du-thao", json=_body(draft_file=_file("du-thao.docx", docx)))
    assert response.status_code == 400, response.text
    message = response.json()["message"]
    assert "draft_file" in message and "PDF" in message and "ODF" in message


def test_rest_refuses_a_negative_number_of_comments(functional_portal, manager_request):
    response = manager_request.post("/du-thao", json=_body(comments_received=-3))
    assert response.status_code == 400
    assert "comments_received" in response.json()["message"]


def test_rest_shows_the_summary_only_once_closed(functional, anon_request, manager_request):
    _published(
        functional,
        (("open", -1, 5), {"summary": SUMMARY}),
        (("closed", -30, -1), {"summary": SUMMARY}),
    )
    assert anon_request.get("/du-thao/open").json()["comment_summary"] is None
    # The editors who prepare it see it before the period closes.
    assert (
        "Tiếp thu 12 ý kiến"
        in manager_request.get("/du-thao/open").json()["comment_summary"]["data"]
    )
    closed = anon_request.get("/du-thao/closed").json()
    assert "Tiếp thu 12 ý kiến" in closed["comment_summary"]["data"]
    assert anon_request.get("/du-thao/closed/@draft-status").json()["status"] == "closed"


# Forms --------------------------------------------------------------------


def test_add_form_shows_the_period_error_at_the_closing_field(functional):
    browser = _owner_browser(functional)
    browser.open(functional["portal"].absolute_url() + "/du-thao/++add++DraftDocument")
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Dự thảo sai thời hạn"
    browser.getControl(name="form.widgets.drafting_body").value = "Văn phòng"
    browser.getControl(name="form.widgets.draft_file").add_file(
        b"%PDF-1.4", "application/pdf", "du-thao.pdf"
    )
    browser.getControl(name="form.widgets.comment_opens").value = "2026-12-10"
    browser.getControl(name="form.widgets.comment_closes").value = "2026-12-01"
    browser.getControl(name="form.buttons.save").click()
    field = _field_html(browser.contents, "comment_closes")
    assert "must close after the day it opens" in field or "phải kết thúc sau ngày bắt đầu" in field
    assert not functional["portal"]["du-thao"].objectIds()


def test_add_form_refuses_a_closed_format_at_the_file_field(functional):
    browser = _owner_browser(functional)
    browser.open(functional["portal"].absolute_url() + "/du-thao/++add++DraftDocument")
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Dự thảo định dạng đóng"
    browser.getControl(name="form.widgets.drafting_body").value = "Văn phòng"
    browser.getControl(name="form.widgets.draft_file").add_file(
        b"PK..", "application/msword", "du-thao.docx"
    )
    browser.getControl(name="form.widgets.comment_opens").value = "2026-12-01"
    browser.getControl(name="form.widgets.comment_closes").value = "2026-12-21"
    browser.getControl(name="form.buttons.save").click()
    field = _field_html(browser.contents, "draft_file")
    assert "PDF" in field and "ODF" in field
    assert not functional["portal"]["du-thao"].objectIds()


def test_add_form_creates_a_valid_draft(functional):
    browser = _owner_browser(functional)
    browser.open(functional["portal"].absolute_url() + "/du-thao/++add++DraftDocument")
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Dự thảo hợp lệ"
    browser.getControl(name="form.widgets.drafting_body").value = "Văn phòng"
    browser.getControl(name="form.widgets.draft_file").add_file(
        b"%PDF-1.4", "application/pdf", "du-thao.pdf"
    )
    browser.getControl(name="form.widgets.comment_opens").value = "2026-12-01"
    browser.getControl(name="form.widgets.comment_closes").value = "2026-12-21"
    browser.getControl(name="form.buttons.save").click()
    assert functional["portal"]["du-thao"].objectIds() == ["du-thao-hop-le"]


# Views --------------------------------------------------------------------


def _published(functional, *drafts):
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    created = [_draft(portal["du-thao"], *args, **kw) for args, kw in drafts]
    transaction.commit()
    return created


def test_draft_page_shows_period_status_days_left_and_files(functional):
    (obj,) = _published(functional, (("quy-che", -3, 7), {"comments_received": 5}))
    browser = Browser(functional["app"])
    browser.open(obj.absolute_url())
    html = browser.contents.split('class="dakto-draft"', 1)[1]
    opens, closes = today() - timedelta(days=3), today() + timedelta(days=7)
    assert opens.strftime("%d/%m/%Y") in html and closes.strftime("%d/%m/%Y") in html
    assert "dakto-draft-open" in html
    assert "7" in html.split("dakto-draft-status", 1)[1].split("</p>", 1)[0]
    assert "Văn phòng HĐND - UBND thị trấn" in html
    assert "@@download/draft_file/quy-che.pdf" in html
    assert "dakto-draft-summary" not in html


def test_draft_page_shows_the_summary_only_once_closed(functional):
    open_, closed = _published(
        functional,
        (("dang-lay-y-kien", -3, 7), {"summary": SUMMARY}),
        (("da-ket-thuc", -40, -10), {"summary": SUMMARY}),
    )
    browser = Browser(functional["app"])
    browser.open(open_.absolute_url())
    assert "Tiếp thu 12 ý kiến" not in browser.contents
    browser.open(closed.absolute_url())
    assert "dakto-draft-closed" in browser.contents
    assert "Tiếp thu 12 ý kiến" in browser.contents.split('class="dakto-draft-summary"', 1)[1]


def test_draft_page_on_the_last_day(functional):
    (obj,) = _published(functional, (("hom-nay", -10, 0), {}))
    browser = Browser(functional["app"])
    browser.open(obj.absolute_url())
    status = browser.contents.split("dakto-draft-status", 1)[1].split("</p>", 1)[0]
    assert "dakto-draft-open" in browser.contents
    assert "today is the last day" in status or "hôm nay là ngày cuối" in status.lower()


def test_listing_shows_open_drafts_first_then_upcoming_then_closed(functional):
    _published(
        functional,
        (("mo-lau", -2, 30), {"title": "Dự thảo A còn lâu"}),
        (("mo-sap-dong", -20, 2), {"title": "Dự thảo B sắp đóng"}),
        (("sap-mo", 3, 33), {"title": "Dự thảo C sắp mở"}),
        (("dong-cu", -90, -60), {"title": "Dự thảo D đóng lâu rồi"}),
        (("dong-moi", -40, -5), {"title": "Dự thảo E vừa đóng"}),
    )
    browser = Browser(functional["app"])
    browser.open(functional["portal"].absolute_url() + "/du-thao/@@draft-listing")
    html = browser.contents.split('class="dakto-draft-listing"', 1)[1]
    order = [
        "Dự thảo B sắp đóng",
        "Dự thảo A còn lâu",
        "Dự thảo C sắp mở",
        "Dự thảo E vừa đóng",
        "Dự thảo D đóng lâu rồi",
    ]
    positions = [html.index(title) for title in order]
    assert positions == sorted(positions)
    assert (
        html.index("dakto-drafts-open")
        < html.index("dakto-drafts-not-yet-open")
        < html.index("dakto-drafts-closed")
    )
    assert (today() + timedelta(days=2)).strftime("%d/%m/%Y") in html  # closing date of B


# Demo ---------------------------------------------------------------------


def test_demo_drafts_open_closed_and_upcoming(portal, manager):
    from dakto.policy.consultation.demo import create_demo
    from dakto.policy.consultation.period import Period

    created = create_demo(portal)
    assert len(created) == 3
    assert create_demo(portal) == []  # idempotent
    statuses = sorted(Period(obj).status for obj in created)
    assert statuses == ["closed", "not-yet-open", "open"]
    closed = next(obj for obj in created if Period(obj).is_closed)
    assert closed.comment_summary.raw and closed.comments_received > 0
    assert all(obj.draft_file.filename.endswith(".odt") for obj in created)
    assert all(api.content.get_state(obj) == "published" for obj in created)
