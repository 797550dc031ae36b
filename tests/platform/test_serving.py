"""Every site served by its host name through a real Varnish and HAProxy
(deploy/varnish/default.vcl, deploy/haproxy/haproxy.cfg.in) in front of the
functional Zope: two domains, two sites; a purge on site A, or a ban of all
its pages (its urgent notice), leaves site B's pages in the cache."""

import pytest
import requests
import transaction
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
from zope.component.hooks import setSite

from dakto.policy import PROFILE_ID
from dakto.policy.identity.interfaces import REGISTRY_PREFIX
from dakto.policy.platform import hosts
from tests.caching.helpers import JSON
from tests.caching.helpers import MANAGER
from tests.caching.helpers import wait_until
from tests.caching.proxies import HAProxy
from tests.caching.proxies import Varnish
from tests.caching.proxies import require_program


HOST_A = "xa-a.quangngai.gov.vn"
HOST_B = "phuong-b.quangngai.gov.vn"
PAGE = "/gioi-thieu"


@pytest.fixture(scope="module")
def programs():
    require_program("varnishd", "varnish")
    require_program("haproxy", "haproxy")


@pytest.fixture
def platform(programs, functional):
    """Site A (the functional portal) and site B (a second site with the
    policy), each on its domain; Varnish → HAProxy → Zope."""
    from urllib.parse import urlsplit

    from Products.CMFPlone.factory import addPloneSite

    app = functional["app"]
    portal = functional["portal"]
    newSecurityManager(None, system)
    setSite(None)
    addPloneSite(
        app,
        "phuong-b",
        title="Phường B",
        extension_ids=["plone.app.contenttypes:default", PROFILE_ID],
        setup_content=False,
    )
    a, b = portal, app["phuong-b"]
    backend = urlsplit(portal.absolute_url())
    with HAProxy([backend.port], site=portal.getId()) as haproxy:
        with Varnish(haproxy.port) as varnish:
            for site, host, name in ((a, HOST_A, "Xã A"), (b, HOST_B, "Phường B")):
                setSite(site)
                site.portal_registry[f"{REGISTRY_PREFIX}.domain"] = host
                site.setTitle(f"Cổng thông tin {name}")
                page = site[PAGE[1:]]
                page.title = f"Giới thiệu {name}"
                if site.portal_workflow.getInfoFor(page, "review_state") != "published":
                    site.portal_workflow.doActionFor(page, "publish")
                page.reindexObject()
            setSite(None)
            mapping = hosts.sync(app, proxies=[varnish.url])
            transaction.commit()
            yield {"app": app, "a": a, "b": b, "varnish": varnish, "mapping": mapping}


def get(platform, host, path=PAGE, **kwargs):
    return requests.get(
        platform["varnish"].url + path, headers={"Host": host}, timeout=60, **kwargs
    )


def cache_both(platform):
    """A's and B's page in Varnish: the second request of each is a hit."""
    for host in (HOST_A, HOST_B):
        get(platform, host)
        second = get(platform, host)
        assert second.headers["X-Cache"] == "HIT", (host, second.headers)


def send(platform, method, host, path, body=None):
    """A manager's REST request to ``host``'s ``path`` through Varnish, with
    the JSON ``body`` if one is given."""
    return requests.request(
        method,
        platform["varnish"].url + path,
        headers={"Host": host, **JSON},
        json=body,
        auth=MANAGER,
        timeout=60,
    )


def test_each_domain_serves_its_own_site(platform):
    assert platform["mapping"] == {HOST_A: "plone", HOST_B: "phuong-b"}
    a = get(platform, HOST_A)
    b = get(platform, HOST_B)
    assert a.status_code == b.status_code == 200
    assert "Giới thiệu Xã A" in a.text and "Phường B" not in a.text
    assert "Giới thiệu Phường B" in b.text and "Xã A" not in b.text
    # the site's links name its public address, not the Zope path
    assert f'href="https://{HOST_A}/gioi-thieu' in a.text or f"https://{HOST_A}/" in a.text
    assert "/plone/" not in a.text.split("<body", 1)[1]
    # the homepages too
    assert "Cổng thông tin Xã A" in get(platform, HOST_A, "/").text
    assert "Cổng thông tin Phường B" in get(platform, HOST_B, "/").text


def test_the_cache_is_per_host(platform):
    cache_both(platform)
    # the same path of the two hosts: two different cached pages
    assert "Xã A" in get(platform, HOST_A).text
    assert "Phường B" in get(platform, HOST_B).text


def test_a_purge_on_site_a_leaves_site_b_cached(platform):
    cache_both(platform)
    # an editor of A edits A's page on A's domain (through Varnish and HAProxy)
    response = send(platform, "PATCH", HOST_A, PAGE, {"title": "Giới thiệu Xã A (mới)"})
    assert response.status_code == 204, response.text
    fresh = wait_until(lambda: "Giới thiệu Xã A (mới)" in get(platform, HOST_A).text, timeout=10)
    assert fresh, "A's edited page is still served stale by Varnish"
    # B's page on the same path was not evicted
    b = get(platform, HOST_B)
    assert b.headers["X-Cache"] == "HIT", b.headers
    assert int(b.headers["X-Cache-Hits"]) >= 2


def test_an_urgent_notice_on_site_a_leaves_site_b_cached(platform):
    """The notice changes every page of A (a ban of A's host), none of B's."""
    cache_both(platform)
    notice = {
        "heading": "Cảnh báo lũ quét ở xã A",
        "message": "Không qua lại các ngầm tràn khi nước dâng.",
        "starts": "2026-01-01T07:00",
        "ends": "2099-01-01T17:00",
    }
    response = send(platform, "PATCH", HOST_A, "/@urgent-notice", notice)
    assert response.status_code == 200, response.text
    shown = wait_until(lambda: "Cảnh báo lũ quét ở xã A" in get(platform, HOST_A).text, timeout=10)
    assert shown, "A's cached page does not show A's urgent notice"
    b = get(platform, HOST_B)
    assert b.headers["X-Cache"] == "HIT", b.headers
    assert "Cảnh báo lũ quét" not in b.text


def test_the_province_page_shows_a_communes_news_once_published(platform):
    """B shows the province's page (every commune's newest news, cached by
    Varnish); A publishes a news item: the page Varnish holds is dropped."""
    first = get(platform, HOST_B, "/@@province")
    assert first.status_code == 200, first.text[:300]
    assert get(platform, HOST_B, "/@@province").headers["X-Cache"] == "HIT"
    assert get(platform, HOST_B).headers["X-Cache"] in ("HIT", "MISS")
    assert get(platform, HOST_B).headers["X-Cache"] == "HIT"
    news = {
        "@type": "News Item",
        "title": "Xã A khánh thành cầu treo thôn 2",
        "news_source": "UBND xã A",
        "news_author": "Nguyễn Văn Bình",
    }
    created = send(platform, "POST", HOST_A, "/tin-tuc", news)
    assert created.status_code == 201, created.text
    item = created.json()["@id"].removeprefix(f"https://{HOST_A}")
    for transition in ("submit", "approve", "publish"):  # the board's steps
        done = send(platform, "POST", HOST_A, f"{item}/@workflow/{transition}")
        assert done.status_code == 200, (transition, done.text)
    shown = wait_until(
        lambda: "Xã A khánh thành cầu treo thôn 2" in get(platform, HOST_B, "/@@province").text,
        timeout=10,
    )
    assert shown, "Varnish still serves the province's page without A's new item"
    b = get(platform, HOST_B)  # B's own pages stay cached
    assert b.headers["X-Cache"] == "HIT", b.headers


def test_a_site_added_is_served_without_a_restart(platform):
    app = platform["app"]
    b = platform["b"]
    # (another URL than the one asked below: Varnish keeps a 404 for a while)
    before = get(platform, "xa-moi.quangngai.gov.vn", PAGE + "?before")
    assert "Giới thiệu Phường B" not in before.text
    # B moves to a new domain: the running proxies and Zope serve it there
    setSite(b)
    # the identity's domain changed (the control panel, provisioning): the host
    # map follows by itself
    b.portal_registry[f"{REGISTRY_PREFIX}.domain"] = "xa-moi.quangngai.gov.vn"
    setSite(None)
    assert hosts.mapping(app) == {HOST_A: "plone", "xa-moi.quangngai.gov.vn": "phuong-b"}
    transaction.commit()
    moved = get(platform, "xa-moi.quangngai.gov.vn")
    assert moved.status_code == 200 and "Giới thiệu Phường B" in moved.text
    registry = b.portal_registry
    assert registry[f"{hosts.PURGE_PREFIX}domains"] == ("https://xa-moi.quangngai.gov.vn:443",)
    assert registry[f"{hosts.PURGE_PREFIX}cachingProxies"] == (platform["varnish"].url,)
    # a removed site leaves the host map
    setSite(b)  # as provision.remove_site: its content's subscribers use its tools
    app.manage_delObjects(["phuong-b"])
    setSite(None)
    assert hosts.mapping(app) == {HOST_A: "plone"}
    transaction.commit()


# --- the real cluster: deploy/cluster.sh with three sites on RelStorage ------


@pytest.fixture(scope="module")
def cluster_sites(programs):
    """`deploy/cluster.sh start` with DAKTO_CLUSTER_SITES=3 and Varnish: the
    sites dakto, xa-2 and xa-3 on RelStorage/PostgreSQL, two Zope processes."""
    import os
    import subprocess
    import tempfile
    from pathlib import Path

    from tests.caching.proxies import free_port
    from tests.servers import postgres_bin

    if postgres_bin() is None:
        pytest.skip("PostgreSQL is not installed")
    repo = Path(__file__).resolve().parent.parent.parent
    root = Path(tempfile.mkdtemp(prefix="dakto-sites-"))
    root.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAKTO_")}
    varnish_port = free_port()
    env.update(
        DAKTO_CLUSTER_DIR=str(root / "cluster"),
        DAKTO_CLUSTER_PORT=str(free_port()),
        DAKTO_HAPROXY_PORT=str(free_port()),
        DAKTO_HAPROXY_STATS=str(free_port()),
        DAKTO_CLUSTER_PG_PORT=str(free_port()),
        DAKTO_VARNISH_PORT=str(varnish_port),
        DAKTO_CLUSTER_SITES="3",
        DAKTO_CLUSTER_DOMAIN="quangngai.localhost",
        DAKTO_DEMO="0",
        DAKTO_THREADS="2",
        DAKTO_LANG="en",
    )

    def run(command, timeout=900):
        return subprocess.run(
            ["bash", str(repo / "deploy" / "cluster.sh"), command],
            env=env,
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    started = run("start")
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        yield {"varnish": f"http://127.0.0.1:{varnish_port}", "out": started.stdout}
    finally:
        run("stop", timeout=120)
        subprocess.run(["rm", "-rf", str(root)], check=False)


def _cluster_get(cluster, host, path=PAGE):
    return requests.get(cluster["varnish"] + path, headers={"Host": host}, timeout=120)


def test_cluster_serves_each_site_by_its_host_and_purges_per_site(cluster_sites):
    two, three = "xa-2.quangngai.localhost", "xa-3.quangngai.localhost"
    assert "3 sites, each on its host name" in cluster_sites["out"]
    for host, number in ((two, 2), (three, 3)):
        home = _cluster_get(cluster_sites, host, "/")
        assert home.status_code == 200, (host, home.status_code)
        assert f"Thử Nghiệm {number}" in home.text
    admin = ("admin", "admin")
    for host in (two, three):
        page = cluster_sites["varnish"] + PAGE
        requests.post(
            page + "/@workflow/publish", headers={"Host": host, **JSON}, auth=admin, timeout=60
        )
        _cluster_get(cluster_sites, host)
        assert _cluster_get(cluster_sites, host).headers["X-Cache"] == "HIT"
    edited = requests.patch(
        cluster_sites["varnish"] + PAGE,
        headers={"Host": two, **JSON},
        json={"title": "Giới thiệu xã 2 (mới)"},
        auth=admin,
        timeout=60,
    )
    assert edited.status_code == 204, edited.text
    fresh = wait_until(lambda: "Giới thiệu xã 2 (mới)" in _cluster_get(cluster_sites, two).text)
    assert fresh, "xa-2's edited page is still served stale"
    assert _cluster_get(cluster_sites, three).headers["X-Cache"] == "HIT"
