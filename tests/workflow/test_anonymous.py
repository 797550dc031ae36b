"""Anonymous never sees a draft, a pending, a reviewed or an archived item:
not in the HTML, the API, search, listings, RSS or the sitemap."""

import gzip
import re

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from dakto.policy.workflow.names import ARCHIVED
from dakto.policy.workflow.names import DRAFT
from dakto.policy.workflow.names import PENDING_REVIEW
from dakto.policy.workflow.names import PUBLISHED
from dakto.policy.workflow.names import REVIEWED
from tests.workflow.helpers import create_members
from tests.workflow.helpers import make_item


HIDDEN = (DRAFT, PENDING_REVIEW, REVIEWED, ARCHIVED)
WORD = "Kơmăng"


@pytest.fixture
def site(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    create_members()
    api.portal.set_registry_record("plone.enable_sitemap", True)
    found = {}
    for state in (*HIDDEN, PUBLISHED):
        found[state] = make_item(
            portal, "News Item", f"an-{state}", state=state, title=f"Tin {WORD} {state}"
        )
    transaction.commit()
    return portal, found


def get(url, **kwargs):
    return requests.get(url, timeout=30, allow_redirects=False, **kwargs)


def test_item_pages_and_api(site):
    portal, found = site
    for state, obj in found.items():
        page = get(obj.absolute_url())
        api_answer = get(obj.absolute_url(), headers={"Accept": "application/json"})
        if state == PUBLISHED:
            assert page.status_code == 200 and obj.Title() in page.text
            assert api_answer.status_code == 200
            continue
        assert page.status_code in (302, 401, 403, 404), (state, page.status_code)
        assert obj.Title() not in page.text
        assert api_answer.status_code in (401, 403, 404), state
        assert obj.Title() not in api_answer.text


def titles_in(text, found):
    return {state for state, obj in found.items() if obj.Title() in text}


def test_search_listings_rss_sitemap(site):
    portal, found = site
    url = portal.absolute_url()
    section = found[PUBLISHED].aq_parent.absolute_url()
    pages = {
        "@@search": get(f"{url}/@@search", params={"SearchableText": WORD}).text,
        "@search": " ".join(
            item["title"]
            for item in get(
                f"{url}/@search",
                params={"SearchableText": WORD},
                headers={"Accept": "application/json"},
            ).json()["items"]
        ),
        "listing": get(section).text,
        "folder api": " ".join(
            item["title"]
            for item in get(section, headers={"Accept": "application/json"}).json()["items"]
        ),
        "rss": get(f"{url}/tin-tuc/rss").text + get(f"{section}/rss").text,
    }
    for name, text in pages.items():
        assert titles_in(text, found) <= {PUBLISHED}, name
    assert titles_in(pages["@@search"], found) == {PUBLISHED}
    assert titles_in(pages["@search"], found) == {PUBLISHED}
    assert titles_in(pages["listing"], found) == {PUBLISHED}
    index = gzip.decompress(get(f"{url}/sitemap.xml.gz").content).decode()
    xml = ""
    for page in re.findall(r"<loc>([^<]+)</loc>", index) or [f"{url}/sitemap.xml.gz"]:
        answer = get(page.replace("&amp;", "&"))
        assert answer.status_code == 200
        xml += gzip.decompress(answer.content).decode()
    assert found[PUBLISHED].absolute_url() in xml
    for state in HIDDEN:
        assert found[state].absolute_url() + "<" not in xml, state
