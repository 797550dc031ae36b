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
