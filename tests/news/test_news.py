"""News (Article 7.1): source and author, reference news, topics, listings, the article page."""

import pytest
import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import login
from plone.testing.zope import Browser
from zope.component import getUtility
from zope.interface import Invalid
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import ValidationError

from dakto.policy.news.behaviors import INewsAttribution
from dakto.policy.structure.sections import NEWS_TOPICS


ATTRIBUTION = {"news_source": "UBND thị trấn", "news_author": "Nguyễn Văn An"}
VN = "GMT+7"


def _news(container, id, title, effective=None, **fields):
    obj = api.content.create(container=container, type="News Item", id=id, title=title)
    for name, value in fields.items():
        setattr(obj, name, value)
    if effective:
        obj.setEffectiveDate(DateTime(f"{effective} {VN}"))
    api.content.transition(obj, to_state="published")
    obj.reindexObject()
    return obj


def _committed(functional, *items):
    """Create news items (``(container path, id, title, fields)``) and commit."""
    login(functional["app"], SITE_OWNER_NAME)
    portal = functional["portal"]
    created = [
        _news(portal.unrestrictedTraverse(path), id, title, **fields)
        for path, id, title, fields in items
    ]
    transaction.commit()
    return created


def _owner_browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def _field_html(html, name):
    start = html.index(f'id="formfield-form-widgets-INewsAttribution-{name}"')
    end = html.find('id="formfield-form-widgets-', start + 10)
    return html[start:end]


def _listing(browser):
    return browser.contents.split('class="dakto-news-listing"', 1)[1]


# The behavior and its vocabulary -----------------------------------------


def test_news_item_has_the_behavior(portal, manager):
    fti = portal.portal_types["News Item"]
    assert "dakto.policy.news_attribution" in fti.behaviors
    assert "plone.leadimage" in fti.behaviors  # Plone's own behaviours kept
    obj = api.content.create(
        container=portal["tin-tuc"]["kinh-te"], type="News Item", id="n", title="N"
    )
    assert INewsAttribution.providedBy(obj)


def test_topics_vocabulary_comes_from_the_sections(portal):
    terms = getUtility(IVocabularyFactory, "dakto.policy.news_topics")(portal)
    assert [(t.value, t.title) for t in terms] == [(s.id, s.title) for s in NEWS_TOPICS]
    assert "kinh-te" in terms and "tin-tham-khao" not in terms


def test_topics_outside_the_vocabulary_are_refused():
    field = INewsAttribution["news_topics"]
    field.validate(["kinh-te", "van-hoa-xa-hoi"])
    with pytest.raises(ValidationError):
        field.validate(["thoi-tiet"])


@pytest.mark.parametrize(
    ("source", "author", "reader", "errors"),
    [
        ("UBND", "An", False, []),
        ("UBND", "", False, ["AuthorRequired"]),
        ("  ", "An", False, ["SourceRequired"]),
        (None, None, False, ["SourceRequired", "AuthorRequired"]),
        (None, None, True, []),  # a reader's contribution needs neither
    ],
)
def test_invariants_source_and_author(source, author, reader, errors):
    class Data:
        reader_contribution = reader
        news_source = source
        news_author = author

    found = []
    try:
        INewsAttribution.validateInvariants(Data(), found)
    except Invalid:
        pass
    assert [type(e).__name__ for e in found] == errors


# REST ----------------------------------------------------------------------


def test_rest_refuses_news_without_source_and_author(request_factory, functional_portal):
    session = request_factory(role="Manager")
    response = session.post("/tin-tuc/kinh-te", json={"@type": "News Item", "title": "Thiếu nguồn"})
    assert response.status_code == 400
    message = response.json()["message"]
    # Each field named, with the reason, in the site's language (Vietnamese).
    assert "news_source: Hãy nhập nguồn tin" in message
    assert "news_author: Hãy nhập người viết" in message
    response = session.post(
        "/tin-tuc/kinh-te",
        json={"@type": "News Item", "title": "Thiếu tác giả", "news_source": "UBND"},
    )
    assert response.status_code == 400
    assert (
        "news_author" in response.json()["message"]
        and "news_source" not in response.json()["message"]
    )
    assert "thieu-nguon" not in functional_portal["tin-tuc"]["kinh-te"].objectIds()


def test_rest_accepts_a_reader_contribution_without_source_and_author(
    request_factory, functional_portal
):
    session = request_factory(role="Manager")
    body = {"@type": "News Item", "title": "Bạn đọc viết", "reader_contribution": True}
    response = session.post("/tin-tuc/kinh-te", json=body)
    assert response.status_code == 201, response.text


def test_rest_patch_cannot_remove_the_author(request_factory, functional_portal):
    session = request_factory(role="Manager")
    response = session.post(
        "/tin-tuc/kinh-te", json={"@type": "News Item", "title": "Đủ nguồn"} | ATTRIBUTION
    )
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    response = session.patch(url, json={"news_author": ""})
    assert response.status_code == 400
    assert "news_author" in response.json()["message"]
    assert session.get(url).json()["news_author"] == "Nguyễn Văn An"


def test_rest_serializes_the_behavior_fields(request_factory, functional_portal):
    session = request_factory(role="Manager")
    body = {"@type": "News Item", "title": "Giá cà phê", "news_topics": ["kinh-te"]} | ATTRIBUTION
    response = session.post("/tin-tham-khao", json=body)
    assert response.status_code == 201, response.text
    data = session.get(response.json()["@id"]).json()
    assert data["news_source"] == "UBND thị trấn"
    assert data["news_author"] == "Nguyễn Văn An"
    assert data["reader_contribution"] is False
    assert data["reference_news"] is True  # added in the reference-news section
    assert data["news_topics"] == [{"token": "kinh-te", "title": "Kinh tế"}]
    found = session.get(
        "/@search",
        params={
            "portal_type": "News Item",
            "news_topics": "kinh-te",
            "metadata_fields": ["news_source", "news_author"],
        },
    ).json()
    assert [(i["title"], i["news_source"], i["news_author"]) for i in found["items"]] == [
        ("Giá cà phê", "UBND thị trấn", "Nguyễn Văn An")
    ]


def test_rest_refuses_reference_news_outside_its_section(request_factory, functional_portal):
    session = request_factory(role="Manager")
    body = {"@type": "News Item", "title": "Tin đồn", "reference_news": True} | ATTRIBUTION
    response = session.post("/tin-tuc/kinh-te", json=body)
    assert response.status_code == 400
    assert (
        "reference_news: Tin tham khảo phải đăng trong mục 'Tin tham khảo'"
        in response.json()["message"]
    )
    assert session.post("/tin-tham-khao", json=body).status_code == 201


# Forms ---------------------------------------------------------------------


def _add_form(functional, folder="tin-tuc/kinh-te"):
    browser = _owner_browser(functional)
    browser.open(f"{functional['portal'].absolute_url()}/{folder}/++add++News Item")
    return browser


def test_add_form_shows_the_missing_author_at_its_field(functional):
    browser = _add_form(functional)
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Tin không có tác giả"
    browser.getControl(name="form.widgets.INewsAttribution.news_source").value = "UBND"
    browser.getControl(name="form.buttons.save").click()
    assert "Hãy nhập người viết tin bài" in _field_html(browser.contents, "news_author")
    assert "Hãy nhập" not in _field_html(browser.contents, "news_source")
    assert "tin-khong-co-tac-gia" not in functional["portal"]["tin-tuc"]["kinh-te"].objectIds()


def test_add_form_accepts_a_reader_contribution(functional):
    browser = _add_form(functional)
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Ý kiến về rác thải"
    browser.getControl(name="form.widgets.INewsAttribution.reader_contribution:list").value = [
        "selected"
    ]
    browser.getControl(name="form.buttons.save").click()
    assert "y-kien-ve-rac-thai" in functional["portal"]["tin-tuc"]["kinh-te"].objectIds()


def test_add_form_refuses_reference_news_outside_its_section(functional):
    browser = _add_form(functional)
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Tin chưa xác nhận"
    browser.getControl(name="form.widgets.INewsAttribution.news_source").value = "Mạng xã hội"
    browser.getControl(name="form.widgets.INewsAttribution.news_author").value = "Trần B"
    browser.getControl(name="form.widgets.INewsAttribution.reference_news:list").value = [
        "selected"
    ]
    browser.getControl(name="form.buttons.save").click()
    assert "Tin tham khảo phải đăng trong mục" in _field_html(browser.contents, "reference_news")
    assert "tin-chua-xac-nhan" not in functional["portal"]["tin-tuc"]["kinh-te"].objectIds()


# The reference-news rule ----------------------------------------------------


def test_added_in_reference_section_is_reference_news(portal, manager):
    obj = _news(portal["tin-tham-khao"], "r", "Dự báo", **ATTRIBUTION)
    assert obj.reference_news is True
    assert api.content.find(UID=obj.UID(), is_reference_news=True)


def test_moved_into_reference_section_becomes_reference_news(portal, manager):
    obj = _news(portal["tin-tuc"]["kinh-te"], "m", "Tin chưa xác nhận", **ATTRIBUTION)
    assert not obj.reference_news
    moved = api.content.move(source=obj, target=portal["tin-tham-khao"])
    assert moved.reference_news is True
    assert api.content.find(UID=moved.UID(), is_reference_news=True)


# Listings ----------------------------------------------------------------


def test_listing_newest_first_with_date_description_source_and_no_reference_news(functional):
    _committed(
        functional,
        ("tin-tuc/kinh-te", "cu", "Tin cũ", {"effective": "2026/01/02 08:00"} | ATTRIBUTION),
        (
            "tin-tuc/van-hoa-xa-hoi",
            "moi",
            "Tin mới",
            {"effective": "2026/11/20 08:00", "description": "Mô tả tin mới"} | ATTRIBUTION,
        ),
        (
            "tin-tuc/van-hoa-xa-hoi",
            "ban-doc",
            "Ý kiến bạn đọc về đường",
            {"effective": "2026/06/01 10:00", "reader_contribution": True},
        ),
        (
            "tin-tham-khao",
            "tham-khao",
            "Tin tham khảo giá cả",
            {"effective": "2026/11/21 08:00"} | ATTRIBUTION,
        ),
    )
    browser = Browser(functional["app"])
    browser.open(functional["portal"].absolute_url() + "/tin-tuc")
    html = _listing(browser)
    assert html.index("Tin mới") < html.index("Ý kiến bạn đọc về đường") < html.index("Tin cũ")
    assert "Tin tham khảo giá cả" not in html
    assert "20/11/2026 08:00" in html and "02/01/2026 08:00" in html
    assert "Mô tả tin mới" in html and "UBND thị trấn" in html
    assert "Ý kiến bạn đọc" in html.split("Ý kiến bạn đọc về đường", 1)[1].split("</li>", 1)[0]
    # A topic lists only its own news.
    browser.open(functional["portal"].absolute_url() + "/tin-tuc/kinh-te")
    html = _listing(browser)
    assert "Tin cũ" in html and "Tin mới" not in html
    # The reference-news section lists its own, labelled.
    browser.open(functional["portal"].absolute_url() + "/tin-tham-khao")
    html = _listing(browser)
    assert "Tin tham khảo giá cả" in html and "Tin mới" not in html
    assert "Tin tham khảo — thông tin chỉ có giá trị tham khảo" in browser.contents


def test_reference_flag_keeps_news_out_of_other_listings(functional):
    """An article flagged as reference (e.g. moved out of its section) shows in no other listing."""
    login(functional["app"], SITE_OWNER_NAME)
    obj = _news(
        functional["portal"]["tin-tuc"]["kinh-te"], "f", "Tin gắn cờ tham khảo", **ATTRIBUTION
    )
    obj.reference_news = True
    obj.reindexObject()
    transaction.commit()
    browser = Browser(functional["app"])
    browser.open(functional["portal"].absolute_url() + "/tin-tuc")
    assert "Tin gắn cờ tham khảo" not in _listing(browser)


def test_listing_batches(portal, manager, monkeypatch):
    from dakto.policy.news import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for day in range(1, 6):
        _news(
            portal["tin-tuc"]["kinh-te"],
            f"n{day}",
            f"Tin {day}",
            effective=f"2026/11/0{day} 08:00",
            **ATTRIBUTION,
        )
    request = portal.REQUEST
    view = views.NewsListing(portal["tin-tuc"], request)
    assert [b.Title for b in view.batch()] == ["Tin 5", "Tin 4"]
    request.form["b_start"] = "4"
    assert [b.Title for b in view.batch()] == ["Tin 1"]
    request.form["b_start"] = "rubbish"
    assert [b.Title for b in view.batch()] == ["Tin 5", "Tin 4"]


# The article page --------------------------------------------------------


def test_article_page_shows_date_source_author_topics_and_reference_label(functional):
    (obj,) = _committed(
        functional,
        (
            "tin-tham-khao",
            "gia",
            "Giá cà phê",
            {"effective": "2026/11/20 08:30", "news_topics": ["kinh-te"]} | ATTRIBUTION,
        ),
    )
    browser = Browser(functional["app"])
    browser.open(obj.absolute_url())
    html = browser.contents.split('class="dakto-news-attribution"', 1)[1]
    assert "20/11/2026 08:30" in html
    assert "UBND thị trấn" in html and "Nguyễn Văn An" in html
    assert "Kinh tế" in html
    assert "Tin tham khảo — thông tin chỉ có giá trị tham khảo" in html


def test_article_page_shows_time_in_viet_nam_and_the_update(functional):
    (obj,) = _committed(
        functional,
        ("tin-tuc/kinh-te", "utc", "Tin giờ UTC", {"effective": "2026/11/20 08:30"} | ATTRIBUTION),
    )
    # Posted 01:30 UTC = 08:30 in Viet Nam; updated 03:00 UTC on 21/11 = 10:00.
    login(functional["app"], SITE_OWNER_NAME)
    obj.setEffectiveDate(DateTime("2026/11/20 01:30 UTC"))
    obj.setModificationDate(DateTime("2026/11/21 03:00 UTC"))
    obj.reindexObject(idxs=["effective", "modified"])
    transaction.commit()
    browser = Browser(functional["app"])
    browser.open(obj.absolute_url())
    html = browser.contents.split('class="dakto-news-attribution"', 1)[1]
    assert "20/11/2026 08:30" in html and "21/11/2026 10:00" in html
    assert "Tin tham khảo — thông tin" not in html


def test_article_page_of_a_reader_contribution_and_plone_text_kept(functional):
    from plone.app.textfield.value import RichTextValue

    (obj,) = _committed(
        functional,
        ("tin-tuc/van-hoa-xa-hoi", "bd", "Ý kiến bạn đọc", {"reader_contribution": True}),
    )
    login(functional["app"], SITE_OWNER_NAME)
    obj.text = RichTextValue("<p>Nội dung góp ý của bạn đọc.</p>", "text/html", "text/x-html-safe")
    transaction.commit()
    browser = Browser(functional["app"])
    browser.open(obj.absolute_url())
    attribution = browser.contents.split('class="dakto-news-attribution"', 1)[1].split("</dl>", 1)[
        0
    ]
    assert "Ý kiến bạn đọc" in attribution and "Nguồn tin" not in attribution
    assert "Nội dung góp ý của bạn đọc." in browser.contents  # Plone's news item view kept


def test_attribution_not_on_the_edit_form(functional):
    (obj,) = _committed(functional, ("tin-tuc/kinh-te", "e", "Tin sửa", ATTRIBUTION))
    browser = _owner_browser(functional)
    browser.open(obj.absolute_url() + "/edit")
    assert 'class="dakto-news-attribution"' not in browser.contents


# Demo ----------------------------------------------------------------------


def test_demo_news_carry_attribution(portal, manager):
    from dakto.policy.demo.setup import create_demo_content

    create_demo_content(portal)
    news = [b.getObject() for b in api.content.find(portal_type="News Item")]
    assert news
    for obj in news:
        assert obj.reader_contribution or (obj.news_source and obj.news_author), obj.getId()
        assert obj.news_topics, obj.getId()
    reference = [o for o in news if o.reference_news]
    assert reference and all(
        "/tin-tham-khao/" in "/".join(o.getPhysicalPath()) + "/" for o in reference
    )
    assert any(o.reader_contribution for o in news)
    # Back-dated demo articles do not claim an update made when the demo was created.
    item = portal["tin-tuc"]["kinh-te"]["thu-hoach-ca-phe-nien-vu-2026"]
    assert item.modified() <= item.effective()
