"""A real Varnish (deploy/varnish/default.vcl) in front of the functional
WSGI server, purged by Plone (plone.cachepurging) on edit and publish."""

import pytest
import requests
import transaction
from plone import api

from tests.caching.helpers import MANAGER
from tests.caching.helpers import NEWS
from tests.caching.helpers import create
from tests.caching.helpers import patch
from tests.caching.helpers import publish
from tests.caching.helpers import wait_until
from tests.caching.proxies import Varnish
from tests.caching.proxies import require_program


@pytest.fixture(scope="module")
def varnish_program():
    return require_program("varnishd", "varnish")


@pytest.fixture
def varnish(varnish_program, functional_portal):
    """Varnish on a free port whose backend is the functional server; the
    portal purges it."""
    from urllib.parse import urlsplit

    backend = urlsplit(functional_portal.absolute_url())
    with Varnish(backend.port, backend_host="127.0.0.1") as proxy:
        api.portal.set_registry_record(
            "plone.cachepurging.interfaces.ICachePurgingSettings.cachingProxies", (proxy.url,)
        )
        api.portal.set_registry_record(
            "plone.cachepurging.interfaces.ICachePurgingSettings.enabled", True
        )
        transaction.commit()
        proxy.site_path = backend.path  # e.g. /plone
        yield proxy


def through(varnish, url):
    """The same URL, through Varnish."""
    from urllib.parse import urlsplit

    return varnish.url + urlsplit(url).path


def anonymous(url, **kwargs):
    return requests.get(url, timeout=60, **kwargs)


def test_anonymous_second_hit_is_served_from_the_cache(varnish, functional_portal):
    page = create(
        functional_portal.absolute_url() + "/gioi-thieu",
        **{"@type": "Document", "title": "Giờ làm việc"},
    )
    publish(page)
    url = through(varnish, page)
    first = anonymous(url)
    assert first.status_code == 200
    assert first.headers["X-Cache"] == "MISS"
    second = anonymous(url)
    assert second.headers["X-Cache"] == "HIT", second.headers
    assert "Age" in second.headers
    assert second.text == first.text
    # cookies of an anonymous visitor are dropped: still a hit
    third = anonymous(url, cookies={"_ga": "GA1.1.123"})
    assert third.headers["X-Cache"] == "HIT"


def test_edit_and_publish_purge_the_proxy(varnish, functional_portal):
    page = create(
        functional_portal.absolute_url() + "/gioi-thieu",
        **{"@type": "Document", "title": "Lịch tiếp dân tháng 11"},
    )
    publish(page)
    url = through(varnish, page)
    anonymous(url)
    assert anonymous(url).headers["X-Cache"] == "HIT"

    patch(page, title="Lịch tiếp dân tháng 12")  # an edit through the REST API
    fresh = wait_until(lambda: "Lịch tiếp dân tháng 12" in anonymous(url).text, timeout=10)
    assert fresh, "the edited page is still served stale by Varnish"

    # a news item published: the news section page lists it at once
    section = through(varnish, functional_portal.absolute_url() + "/tin-tuc")
    anonymous(section)
    assert anonymous(section).headers["X-Cache"] == "HIT"
    news = create(
        functional_portal.absolute_url() + "/tin-tuc",
        **{"@type": "News Item", "title": "Khai giảng năm học mới", **NEWS},
    )
    assert "Khai giảng năm học mới" not in anonymous(section).text
    publish(news)
    listed = wait_until(lambda: "Khai giảng năm học mới" in anonymous(section).text, timeout=10)
    assert listed, "the published news item is missing from the cached section page"
    assert anonymous(through(varnish, news)).status_code == 200


def test_logged_in_requests_are_never_served_from_the_cache(varnish, functional_portal):
    page = create(
        functional_portal.absolute_url() + "/gioi-thieu",
        **{"@type": "Document", "title": "Thông báo nội bộ"},
    )
    publish(page)
    url = through(varnish, page)
    anonymous(url)
    assert anonymous(url).headers["X-Cache"] == "HIT"
    for _ in range(3):
        response = requests.get(url, auth=MANAGER, timeout=60)
        assert response.status_code == 200
        assert response.headers["X-Cache"] == "PASS"
        assert "private" in response.headers.get("Cache-Control", "")
    with_cookie = anonymous(url, cookies={"__ac": "not-a-real-ticket"})
    assert with_cookie.headers["X-Cache"] == "PASS"
    # a logged-in page never became the anonymous copy
    assert anonymous(url).headers["X-Cache"] == "HIT"


def test_purge_only_from_loopback_and_post_passes(varnish):
    response = requests.request("PURGE", varnish.url + "/anything", timeout=10)
    assert response.status_code == 200  # the test runs on loopback
    posted = requests.post(varnish.url + varnish.site_path + "/@search", timeout=30)
    assert posted.headers["X-Cache"] == "PASS"
