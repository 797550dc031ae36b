"""The demo profile: realistic Vietnamese content, safe to apply twice."""

import pytest
from plone import api

from dakto.policy import DEMO_PROFILE_ID
from dakto.policy.demo.content import NEWS
from dakto.policy.demo.content import PAGES


@pytest.fixture
def demo(portal, manager, apply_profiles):
    from plone.app.testing import applyProfile

    applyProfile(portal, DEMO_PROFILE_ID)
    return portal


def test_news_published_in_their_topics(demo):
    for item in NEWS:
        obj = demo.unrestrictedTraverse(f"{item['container']}/{item['id']}")
        assert obj.portal_type == "News Item"
        assert api.content.get_state(obj) == "published"
        assert obj.effective().year() == item["effective"].year


def test_pages_created(demo):
    for item in PAGES:
        assert (
            demo.unrestrictedTraverse(f"{item['container']}/{item['id']}").Title() == item["title"]
        )


def test_front_page_text(demo):
    assert "Chào mừng" in demo.text.raw


def test_applying_twice_creates_nothing_more(demo):
    from plone.app.testing import applyProfile

    catalog = api.portal.get_tool("portal_catalog")
    before = len(catalog.unrestrictedSearchResults(portal_type=["News Item", "Document"]))
    applyProfile(demo, DEMO_PROFILE_ID)
    assert len(catalog.unrestrictedSearchResults(portal_type=["News Item", "Document"])) == before


def test_news_found_by_vietnamese_search(demo):
    catalog = api.portal.get_tool("portal_catalog")
    found = [b.getId for b in catalog(SearchableText="cà phê", portal_type="News Item")]
    assert "thu-hoach-ca-phe-nien-vu-2026" in found


def test_demo_feedback_at_several_steps_and_a_question_in_the_qa(demo):
    from dakto.policy.feedback import names
    from dakto.policy.feedback.demo import FEEDBACK

    catalog = api.portal.get_tool("portal_catalog")
    items = {b.Title: b for b in catalog.unrestrictedSearchResults(portal_type=names.PORTAL_TYPE)}
    assert len(items) == len(FEEDBACK)
    states = sorted(items[item["data"]["subject"]].review_state for item in FEEDBACK)
    assert states == sorted([names.PUBLISHED_QA, names.CLASSIFIED, names.RECEIVED])
    question = items[FEEDBACK[0]["data"]["subject"]]._unrestrictedGetObject()
    assert question.tracking_code.startswith("PA-") and "Nghị định số 123/2015" in question.answer
    assert not question.sender_email  # creating the demo mails nobody
    # the answered question is what the public Q&A lists
    published = catalog.unrestrictedSearchResults(
        portal_type=names.PORTAL_TYPE, review_state=names.PUBLISHED_QA
    )
    assert [b.Title for b in published] == [FEEDBACK[0]["data"]["subject"]]


def test_demo_intake_register(demo):
    from dakto.policy.editorial_board.content import REGISTER_ID
    from dakto.policy.editorial_board.demo import RECORDS

    register = demo[REGISTER_ID]
    records = [register[item["id"]] for item in RECORDS]
    assert {r.channel for r in records} == {"paper", "zalo", "email"}
    assert all(r.soft_copy.filename.endswith(".odt") and r.soft_copy.size > 100 for r in records)
    coffee = demo.unrestrictedTraverse("tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026")
    assert records[0].article.to_object == coffee
    assert records[2].article is None


def test_applying_twice_adds_no_feedback_or_record(demo):
    from plone.app.testing import applyProfile

    catalog = api.portal.get_tool("portal_catalog")
    types = ["Feedback", "IntakeRecord"]
    before = len(catalog.unrestrictedSearchResults(portal_type=types))
    applyProfile(demo, DEMO_PROFILE_ID)
    assert len(catalog.unrestrictedSearchResults(portal_type=types)) == before == 6


# Abolished on 1 July 2025 (two levels of local government), or merged then:
# the demo names none of them as a unit of today.
ABOLISHED = ("thị trấn", "huyện", "Sở Thông tin và Truyền thông", "Kon Tum province")


def _today_text(obj):
    """What the demo writes of an item, unless it is a document issued before
    the reform (those name the issuers of their time)."""
    issued = getattr(obj, "issue_date", None)
    if issued is not None and issued.isoformat() < "2025-07-01":
        return ""
    texts = [obj.Title(), obj.Description()]
    for name in ("text", "abstract", "news_source", "position", "address", "email", "biography"):
        value = getattr(obj.aq_base, name, None)
        value = getattr(value, "raw", value)
        if isinstance(value, str):
            texts.append(value)
    return "\n".join(texts)


def test_demo_names_todays_units_only(demo):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(path="/".join(demo.getPhysicalPath())):
        obj = brain._unrestrictedGetObject()
        text = _today_text(obj)
        if obj.portal_type == "Person":  # a career names the posts held before the reform
            text = text.replace("Nguyên Phó Chủ tịch UBND thị trấn", "")
        for word in ABOLISHED:
            assert word not in text, (brain.getPath(), word)


def test_site_identity_defaults_name_the_commune(demo):
    identity = {
        key: api.portal.get_registry_record(f"dakto.identity.{key}")
        for key in ("portal_title", "body_name", "town", "province", "address", "licence")
    }
    for value in identity.values():
        for word in ABOLISHED:
            assert word not in value, (value, word)
    assert identity["town"] == "xã Đắk Tô" and identity["province"] == "Quảng Ngãi"
