"""Content for the caching tests, created over the REST API of the
functional portal (so that every event, purge included, fires)."""

import time

import requests
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD


MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
JSON = {"Accept": "application/json"}
PUBLISHED = "published"
NEWS = {"news_source": "UBND thị trấn Đắk Tô", "news_author": "Phóng viên"}


def create(parent_url, **body):
    response = requests.post(parent_url, json=body, auth=MANAGER, headers=JSON, timeout=60)
    assert response.status_code == 201, response.text
    return response.json()["@id"]


def review_state(url):
    response = requests.get(url, auth=MANAGER, headers=JSON, timeout=60)
    assert response.status_code == 200, response.text
    return response.json().get("review_state")


def publish(url):
    """Take the item to `published`: directly if the workflow allows it,
    else through the editorial steps (submit, approve, publish)."""
    if review_state(url) is None:  # no workflow (File, Image): the folder's visibility
        return
    for path in (("publish",), ("submit", "approve", "publish")):
        for step in path:
            requests.post(
                f"{url}/@workflow/{step}", auth=MANAGER, headers=JSON, json={}, timeout=60
            )
        if review_state(url) == PUBLISHED:
            purges_sent()
            return
    raise AssertionError(f"{url} could not be published: {review_state(url)}")


def patch(url, **body):
    response = requests.patch(url, json=body, auth=MANAGER, headers=JSON, timeout=60)
    assert response.status_code == 204, response.text


def purges_sent(timeout=10):
    """Wait until the purges Plone has queued so far reached the proxies.

    plone.cachepurging sends them from one worker thread per proxy after the
    commit, so the purge of a page just published can land after a test's
    first request and empty the cache it just filled. A marker queued behind
    them is taken off the queue only once every purge before it was sent."""
    from plone.cachepurging.purger import DEFAULT_PURGER

    for (host, scheme), waiting in list(DEFAULT_PURGER.queues.items()):
        waiting.put((f"{scheme}://{host}/@@dakto-tests-purges-sent", "PURGE"))
        assert wait_until(waiting.empty, timeout=timeout), f"purges to {host} are stuck"


def wait_until(check, timeout=10, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(interval)


def cache_control(response):
    """Cache-Control as a dict: {'max-age': '0', 'private': True, ...}."""
    result = {}
    for part in response.headers.get("Cache-Control", "").split(","):
        part = part.strip()
        if not part:
            continue
        name, _, value = part.partition("=")
        result[name.lower()] = value or True
    return result
