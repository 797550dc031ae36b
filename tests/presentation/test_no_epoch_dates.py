"""Issue 19.1 and 19.10: an unset date is never shown as the epoch
(31/12/1969); an item without a posting date shows none, or the time it was
published (workflow history)."""

import re
import xml.etree.ElementTree as ET
from datetime import UTC
from datetime import date
from datetime import datetime

import pytest
import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.dexterity.content import FLOOR_DATE

from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_date
from dakto.policy.dates import local_datetime
from dakto.policy.dates import long_date
from dakto.policy.dates import rfc822_datetime
from dakto.policy.dates import today
from tests.presentation.helpers import anonymous
from tests.presentation.helpers import create


EPOCH = re.compile(r"31/12/1969|1969-12-3|Dec 1969|01/01/1970|1970-01-01|Jan 1970")


def test_placeholder_dates_are_unset():
    from dakto.policy.dates import is_unset

    for value in (
        FLOOR_DATE,
        DateTime(0),
        DateTime("1969/12/31 00:00 GMT+1"),
        datetime(1970, 1, 1),
        datetime(1969, 12, 31, tzinfo=UTC),
        None,
    ):
        assert is_unset(value), value
        assert local_datetime(value) == local_date(value) == long_date(value) == ""
        assert iso_datetime(value) == rfc822_datetime(value) == ""
    assert not is_unset(DateTime("2026/03/20 08:30 GMT+7"))
    assert local_date(date(1965, 5, 2)) == "02/05/1965"  # a plain date is a date


def _today():
    # Viet Nam's today (DateTime's strftime gave the UTC day: wrong from 17:00 UTC).
    return today().strftime("%d/%m/%Y")


def test_byline_of_an_item_published_without_a_date(functional):
    page = create(functional, "gioi-thieu", "Document", "trang-moi", "Trang mới")
    assert page.effective_date is None
    browser = anonymous(functional)
    browser.open(page.absolute_url())
    html = browser.contents
    assert not EPOCH.search(html)
    byline = re.search(r'<p class="dakto-dates".*?</p>', html, re.S).group(0)
    assert _today() in byline  # when it was published (workflow history)
    assert "+07:00" in byline  # the machine-readable time in Viet Nam time too


def test_an_item_never_published_shows_no_posting_date(functional):
    page = create(functional, "gioi-thieu", "Document", "nhap", "Bản nháp", publish=False)
    browser = anonymous(functional)
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(page.absolute_url())
    assert 'class="dakto-dates"' not in browser.contents
    assert not EPOCH.search(browser.contents)


def test_search_results_and_feeds_without_publishing_dates(functional):
    from tests.legal_documents.helpers import make
    from tests.legal_documents.helpers import prepare

    create(functional, "gioi-thieu", "Document", "dak-to-1", "Đắk Tô một")
    portal = functional["portal"]
    make(prepare(portal), "qd-1", "1/QĐ-UBND", title="Quyết định về Đắk Tô")
    transaction.commit()
    browser = anonymous(functional)
    browser.open(portal.absolute_url() + "/@@search?SearchableText=dak+to")
    assert "Đắk Tô một" in browser.contents and "Quyết định về Đắk Tô" in browser.contents
    assert not EPOCH.search(browser.contents)
    assert browser.contents.count(_today()) >= 2
    browser.open(portal.absolute_url() + "/van-ban/rss")
    item = ET.fromstring(browser.contents.encode("utf-8")).find("channel/item")
    published = DateTime(item.findtext("pubDate"))
    assert abs(published - DateTime()) < 1 / 24  # published just now, not in 1969


@pytest.fixture
def demo_site(functional):
    from plone.app.testing import applyProfile
    from plone.app.testing import login

    from dakto.policy import DEMO_PROFILE_ID

    login(functional["app"], SITE_OWNER_NAME)
    applyProfile(functional["portal"], DEMO_PROFILE_ID)
    transaction.commit()
    return functional


def test_no_page_of_the_demo_site_shows_the_epoch(demo_site):
    """Every page of the sitemap, the search for 'dak to' and every feed."""
    browser = anonymous(demo_site)
    base = demo_site["portal"].absolute_url()
    browser.open(base + "/sitemap.xml")
    urls = re.findall(r"<loc>([^<]+)</loc>", browser.contents)
    assert len(urls) > 60
    shown = []
    for url in urls + [
        base + "/@@search?SearchableText=dak+to",
        base + "/tin-tuc/rss",
        base + "/van-ban/rss",
        base + "/du-thao/rss",
    ]:
        browser.open(url)
        if EPOCH.search(browser.contents):
            shown.append(url)
    assert shown == []
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog.unrestrictedSearchResults(portal_type="LegalDocument")
