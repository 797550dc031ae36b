"""Pages served from Varnish (deploy/varnish/default.vcl, a real varnishd)
are counted: the page is a cache hit, its beacon image is never cached, so
every reader's view reaches Zope; the beacon sets no cookie."""

from urllib.parse import urlsplit

import pytest
import requests
import transaction
from plone import api

from dakto.policy import antispam
from tests.caching.proxies import Varnish
from tests.caching.proxies import require_program
from tests.usage.helpers import BROWSER_UA
from tests.usage.helpers import published_news


@pytest.fixture
def varnish(functional):
    require_program("varnishd", "varnish")
    backend = urlsplit(functional["portal"].absolute_url())
    with Varnish(backend.port, backend_host="127.0.0.1") as proxy:
        yield proxy


def through(varnish, url):
    return varnish.url + urlsplit(url).path


def test_views_of_pages_served_from_varnish_are_counted(varnish, functional):
    portal = functional["portal"]
    item = published_news(portal)
    # three readers; all from 127.0.0.1 here, so the per-reader limit is lifted
    api.portal.set_registry_record(
        antispam.RATE_LIMITS_RECORD, {"page-view-item": "0/1", "page-view-client": "0/1"}
    )
    transaction.commit()
    headers = {"User-Agent": BROWSER_UA}
    page_url = through(varnish, item.absolute_url())
    pixel = through(varnish, portal.absolute_url()) + "/@@dakto-view"
    for reader in range(3):
        page = requests.get(page_url, headers=headers, timeout=60)
        assert page.status_code == 200
        assert page.headers["X-Cache"] == ("MISS" if reader == 0 else "HIT")
        # the browser then fetches the page's beacon image
        assert f"@@dakto-view?uid={item.UID()}" in page.text
        image = requests.get(pixel, params={"uid": item.UID()}, headers=headers, timeout=60)
        assert image.status_code == 200 and image.content.startswith(b"GIF89a")
        assert image.headers["X-Cache"] == "MISS"  # never a hit: Zope sees every one
        assert image.headers["X-Dakto-View"] == "counted"
        assert "Set-Cookie" not in image.headers and "Set-Cookie" not in page.headers
    views = requests.get(
        f"{item.absolute_url()}/@page-views", headers={"Accept": "application/json"}, timeout=60
    )
    assert views.json()["total"] == 3
