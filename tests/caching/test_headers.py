"""The response headers of plone.app.caching's rules as the policy sets them
(profiles/default/registry/caching.xml), over HTTP on the functional server."""

import base64

import pytest
import requests
import transaction
from plone import api

from tests.caching.helpers import JSON
from tests.caching.helpers import MANAGER
from tests.caching.helpers import NEWS
from tests.caching.helpers import cache_control
from tests.caching.helpers import create
from tests.caching.helpers import publish


FILE_TEXT = "Biểu mẫu đăng ký tiếp công dân.\nHọ và tên: ...\n"


@pytest.fixture
def site(functional_portal):
    portal_url = functional_portal.absolute_url()
    section = f"{portal_url}/gioi-thieu"
    page = create(section, **{"@type": "Document", "title": "Lịch tiếp công dân"})
    publish(page)
    draft = create(section, **{"@type": "Document", "title": "Bản nháp nội bộ"})
    news = create(
        f"{portal_url}/tin-tuc",
        **{"@type": "News Item", "title": "Ra quân tổng vệ sinh môi trường", **NEWS},
    )
    publish(news)
    attachment = create(
        section,
        **{
            "@type": "File",
            "title": "Biểu mẫu",
            "file": {
                "data": base64.b64encode(FILE_TEXT.encode()).decode(),
                "encoding": "base64",
                "filename": "bieu-mau.txt",
                "content-type": "text/plain",
            },
        },
    )
    publish(attachment)
    return {
        "portal": portal_url,
        "page": page,
        "draft": draft,
        "news": news,
        "file": attachment,
    }


def anonymous(url, **kwargs):
    return requests.get(url, timeout=60, **kwargs)


def logged_in(url, **kwargs):
    return requests.get(url, auth=MANAGER, timeout=60, **kwargs)


def assert_shared_cacheable(response, smaxage):
    assert response.status_code == 200, response.status_code
    cc = cache_control(response)
    assert cc.get("s-maxage") == str(smaxage), response.headers.get("Cache-Control")
    assert "private" not in cc
    assert cc.get("max-age") == "0"  # browsers revalidate (ETag)
    assert response.headers.get("ETag")


def assert_never_shared(response):
    assert response.status_code == 200, response.status_code
    cc = cache_control(response)
    assert "s-maxage" not in cc or cc["s-maxage"] == "0", response.headers.get("Cache-Control")
    assert cc.get("max-age", "0") == "0"
    assert "private" in cc or "no-store" in cc or "no-cache" in cc, cc
    assert "public" not in cc


def test_caching_is_enabled_and_purging_waits_for_an_address(functional_portal):
    assert api.portal.get_registry_record("plone.caching.interfaces.ICacheSettings.enabled")
    purging = "plone.cachepurging.interfaces.ICachePurgingSettings."
    assert not api.portal.get_registry_record(purging + "enabled")
    assert not api.portal.get_registry_record(purging + "cachingProxies")


def test_anonymous_page_is_cached_by_the_proxy(site):
    response = anonymous(site["page"])
    assert_shared_cacheable(response, 86400)
    assert "Lịch tiếp công dân" in response.text


def test_anonymous_homepage_and_section(site):
    assert_shared_cacheable(anonymous(site["portal"]), 3600)
    assert_shared_cacheable(anonymous(site["portal"] + "/tin-tuc"), 3600)


def test_logged_in_page_is_never_cacheable(site):
    for url in (site["portal"], site["page"], site["news"], site["draft"]):
        response = logged_in(url)
        assert_never_shared(response)
    # the logged-in ETag differs from the anonymous one: no 304 across them
    anon_etag = anonymous(site["page"]).headers["ETag"]
    assert logged_in(site["page"]).headers["ETag"] != anon_etag
    revalidated = logged_in(site["page"], headers={"If-None-Match": anon_etag})
    assert revalidated.status_code == 200


def test_private_page_not_shown_to_anonymous(site):
    response = anonymous(site["draft"], allow_redirects=False)
    assert response.status_code in (302, 401, 403, 404)
    assert "s-maxage" not in cache_control(response) or response.status_code != 200


def test_anonymous_revalidation_answers_304(site):
    etag = anonymous(site["page"]).headers["ETag"]
    again = anonymous(site["page"], headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_content_file(site):
    response = anonymous(site["file"] + "/@@download/file")
    assert response.status_code == 200
    assert response.content == FILE_TEXT.encode()
    cc = cache_control(response)
    assert cc.get("s-maxage") == "86400", cc
    assert response.headers.get("Last-Modified")
    assert_never_shared(logged_in(site["file"] + "/@@download/file"))


def test_theme_resource(site):
    response = anonymous(site["portal"] + "/++theme++dakto/css/dakto.css")
    assert response.status_code == 200
    cc = cache_control(response)
    assert cc.get("max-age") == "86400", cc
    assert "public" in cc


def test_rss_feed(site):
    response = anonymous(site["portal"] + "/tin-tuc/rss")
    assert response.status_code == 200
    assert "Ra quân tổng vệ sinh môi trường" in response.text
    assert cache_control(response).get("s-maxage") == "3600", response.headers


def test_rest_api_anonymous_short_and_varied(site):
    response = anonymous(site["page"], headers=JSON)
    assert response.status_code == 200
    assert response.json()["title"] == "Lịch tiếp công dân"
    cc = cache_control(response)
    assert cc.get("s-maxage") == "60", cc
    assert "Accept" in response.headers.get("Vary", "")


def test_rest_api_authenticated_never_cached(site):
    assert_never_shared(logged_in(site["page"], headers=JSON))
    assert_never_shared(logged_in(site["draft"], headers=JSON))


def test_caching_off_sends_no_cache_headers(site, functional_portal):
    api.portal.set_registry_record("plone.caching.interfaces.ICacheSettings.enabled", False)
    transaction.commit()
    response = anonymous(site["page"])
    assert "s-maxage" not in cache_control(response)
