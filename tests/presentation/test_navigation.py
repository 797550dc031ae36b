"""The main menu and the homepage blocks, memoised for anonymous visitors
(presentation/navigation.py): always what the catalog holds now, never one
visitor's copy served to another, and the language selector."""

import re

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import login
from plone.app.testing import logout
from plone.memoize import ram

from dakto.policy.presentation import navigation
from tests.presentation.helpers import anonymous
from tests.presentation.helpers import create
from tests.presentation.helpers import news


@pytest.fixture(autouse=True)
def _without_page_cache(functional):
    """plone.app.caching off: the pages are rendered, so what is tested is
    this memoisation, not the page cache in front of it."""
    api.portal.set_registry_record("plone.caching.interfaces.ICacheSettings.enabled", False)
    transaction.commit()


def menu(html):
    match = re.search(
        r'id="portal-globalnav">(.*?)</ul>\s*<div[^>]*id="portal-searchbox"', html, re.S
    )
    assert match, "no main menu on the page"
    return match.group(1)


def block(html, block_id):
    match = re.search(rf'<section[^>]*id="dakto-home-{block_id}".*?</section>', html, re.S)
    assert match, f"no homepage block {block_id}"
    return match.group(0)


def owner(functional):
    browser = anonymous(functional)
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def test_a_section_published_or_retracted_is_in_the_anonymous_menu_at_once(functional):
    portal_url = functional["portal"].absolute_url()
    browser = anonymous(functional)
    browser.open(portal_url)
    assert "Tin tức - Sự kiện" in menu(browser.contents)
    assert "Mục vừa mở" not in menu(browser.contents)

    folder = create(functional, "", "Folder", "muc-vua-mo", "Mục vừa mở")
    browser.open(portal_url + "/tin-tuc")  # another page: the same menu
    assert "Mục vừa mở" in menu(browser.contents)

    login(functional["app"], SITE_OWNER_NAME)
    api.content.transition(folder, to_state="private")
    transaction.commit()
    browser.open(portal_url)
    assert "Mục vừa mở" not in menu(browser.contents)


def test_logged_in_users_never_get_the_anonymous_menu_and_leak_nothing_into_it(functional):
    portal_url = functional["portal"].absolute_url()
    create(functional, "", "Folder", "noi-bo", "Mục nội bộ", publish=False)
    visitor = anonymous(functional)
    visitor.open(portal_url)  # fills the anonymous copy
    assert "Mục nội bộ" not in menu(visitor.contents)
    editor = owner(functional)
    editor.open(portal_url)
    assert "Mục nội bộ" in menu(editor.contents)
    visitor.open(portal_url)
    assert "Mục nội bộ" not in menu(visitor.contents)


def test_a_news_item_published_or_retracted_is_on_the_homepage_at_once(functional):
    portal_url = functional["portal"].absolute_url()
    browser = anonymous(functional)
    browser.open(portal_url)
    assert "Tin vừa đăng" not in block(browser.contents, "latest-news")

    item = news(functional, "tin-vua-dang", "Tin vừa đăng")
    browser.open(portal_url)
    assert "Tin vừa đăng" in block(browser.contents, "latest-news")

    login(functional["app"], SITE_OWNER_NAME)
    api.content.transition(item, transition="retract")
    transaction.commit()
    browser.open(portal_url)
    assert "Tin vừa đăng" not in block(browser.contents, "latest-news")


def test_the_key_follows_the_catalog_the_address_the_language_and_the_minute(
    functional, monkeypatch
):
    portal = functional["portal"]
    request = functional["request"]
    view = type("View", (), {"request": request})()
    logout()

    def key_at(moment):
        with monkeypatch.context() as patch:
            patch.setattr(navigation.time, "time", lambda: moment)
            return navigation.anonymous_catalog_key(view)

    # at a fixed time: two calls astride a minute's end would differ
    first = key_at(10**9)
    assert key_at(10**9 + 1) == first
    assert key_at(10**9 + navigation.TIME_BUCKET * 2) != first

    request.set("LANGUAGE", "en")
    assert key_at(10**9) != first
    request.set("LANGUAGE", first[1])

    # the catalog changed in this transaction: not memoised (it may abort)
    login(functional["app"], SITE_OWNER_NAME)
    api.content.create(container=portal, type="Folder", id="tam", title="Tạm")
    logout()
    with pytest.raises(ram.DontCache):
        navigation.anonymous_catalog_key(view)
    transaction.commit()
    assert navigation.anonymous_catalog_key(view)[2] != first[2]

    login(functional["app"], SITE_OWNER_NAME)
    with pytest.raises(ram.DontCache):
        navigation.anonymous_catalog_key(view)


def test_language_selector_lists_the_supported_languages_current_first(functional):
    browser = anonymous(functional)
    browser.open(functional["portal"].absolute_url())
    selector = re.search(
        r'<ul id="portal-languageselector">(.*?)</ul>', browser.contents, re.S
    ).group(1)
    items = re.findall(r'<li class="([^"]*)">\s*<a href="([^"]*)" title="([^"]*)"', selector)
    assert [(title, href.rsplit("=", 1)[1]) for _, href, title in items] == [
        ("Tiếng Việt", "vi"),
        ("English", "en"),
    ]
    assert items[0][0] == "currentLanguage language-vi"
    assert items[1][0] == "language-en"


def navtree(html):
    match = re.search(r'class="card portlet portletNavigationTree">.*?</nav>', html, re.S)
    assert match, "no navigation portlet on the page"
    return match.group(0)


def current_item(html):
    match = re.search(
        r'class="[^"]*navTreeCurrentItem[^"]*"[^>]*>.*?</svg>\s*([^<]+?)\s*</a>', html, re.S
    )
    return match.group(1) if match else None


def test_the_navigation_portlet_follows_the_page_and_the_catalog_at_once(functional):
    first = news(functional, "tin-mot", "Tin thứ nhất")
    second = news(functional, "tin-hai", "Tin thứ hai")
    browser = anonymous(functional)
    browser.open(first.absolute_url())
    assert current_item(navtree(browser.contents)) == "Tin thứ nhất"
    browser.open(second.absolute_url())  # another page: its own tree
    assert current_item(navtree(browser.contents)) == "Tin thứ hai"
    assert "Tin thứ nhất" not in navtree(browser.contents)

    # a section renamed, then retracted: in the tree at once
    login(functional["app"], SITE_OWNER_NAME)
    section = functional["portal"]["tin-tuc"]["van-hoa-xa-hoi"]
    section.title = "Văn hóa, xã hội và giáo dục"
    section.reindexObject()
    transaction.commit()
    browser.open(first.absolute_url())
    assert "Văn hóa, xã hội và giáo dục" in navtree(browser.contents)

    api.content.transition(section, to_state="private")
    transaction.commit()
    browser.open(first.absolute_url())
    assert "Văn hóa, xã hội và giáo dục" not in navtree(browser.contents)
    # an editor sees the private section; the next visitor still does not
    editor = owner(functional)
    editor.open(first.absolute_url())
    assert "Văn hóa, xã hội và giáo dục" in navtree(editor.contents)
    browser.open(first.absolute_url())
    assert "Văn hóa, xã hội và giáo dục" not in navtree(browser.contents)
