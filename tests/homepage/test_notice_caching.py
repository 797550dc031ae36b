"""The urgent notice behind the caches (issue 17.7; caching: issue 8): a page
kept by the browser, Zope's RAM cache or Varnish shows the notice as soon as
it is set, and it appears and disappears on time."""

import requests

from tests.caching.helpers import cache_control
from tests.caching.helpers import purges_sent
from tests.caching.helpers import wait_until
from tests.caching.test_varnish import anonymous
from tests.caching.test_varnish import through
from tests.caching.test_varnish import varnish  # noqa: F401 (fixture)
from tests.caching.test_varnish import varnish_program  # noqa: F401 (fixture)
from tests.homepage.helpers import set_notice
from tests.homepage.helpers import user


JSON = {"Accept": "application/json"}


def test_the_etag_changes_when_the_notice_starts_ends_or_is_edited(functional_portal):
    url = functional_portal.absolute_url()
    without = anonymous(url).headers["ETag"]
    set_notice(starts=-1, ends=5)
    running = anonymous(url)
    assert running.headers["ETag"] != without
    assert 'id="dakto-urgent-notice"' in running.text
    # a browser that kept the page without the notice gets the new one, not a 304
    revalidated = anonymous(url, headers={"If-None-Match": without})
    assert revalidated.status_code == 200 and 'id="dakto-urgent-notice"' in revalidated.text
    set_notice(heading="Cảnh báo sạt lở đất", starts=-1, ends=5)
    edited = anonymous(url)
    assert edited.headers["ETag"] not in (without, running.headers["ETag"])
    assert "Cảnh báo sạt lở đất" in edited.text  # not the RAM cache's copy
    set_notice(starts=-5, ends=-1)
    assert 'id="dakto-urgent-notice"' not in anonymous(url).text


def test_the_proxy_keeps_no_page_beyond_the_notices_next_start_or_end(functional_portal):
    pages = (functional_portal.absolute_url(), functional_portal.absolute_url() + "/gioi-thieu")
    for url in pages:
        assert int(cache_control(anonymous(url))["s-maxage"]) >= 3600
    set_notice(starts=0.25, ends=5)  # starts in 15 minutes
    for url in pages:
        for _ in range(2):  # rendered, then from Zope's RAM cache
            smaxage = int(cache_control(anonymous(url))["s-maxage"])
            assert 0 < smaxage <= 15 * 60, url
    set_notice(starts=-1, ends=0.5)  # running, ends in 30 minutes
    smaxage = int(cache_control(anonymous(pages[0]))["s-maxage"])
    assert 15 * 60 < smaxage <= 30 * 60


def test_varnish_drops_its_pages_when_the_notice_is_set(varnish, functional_portal):  # noqa: F811
    root = functional_portal.absolute_url()
    urls = [through(varnish, root), through(varnish, root + "/gioi-thieu")]
    for url in urls:
        anonymous(url)
        assert anonymous(url).headers["X-Cache"] == "HIT"
    response = requests.patch(
        root + "/@urgent-notice",
        json={
            "heading": "Cảnh báo lũ quét",
            "message": "Không qua ngầm tràn.",
            "starts": "2026-01-01T00:00",
            "ends": "2099-01-01T00:00",
        },
        headers=JSON,
        auth=user("bientap", "Publisher"),
        timeout=60,
    )
    assert response.status_code == 200, response.text
    purges_sent()
    for url in urls:
        shown = wait_until(lambda u=url: "Cảnh báo lũ quét" in anonymous(u).text, timeout=10)
        assert shown, f"{url} is still served without the notice by Varnish"
