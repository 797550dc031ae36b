"""The province's index of every commune's news and legal documents, its
page (@@province) and REST service (@province)."""

import pytest
import requests
import transaction
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.users import system
from plone import api
from zope.component.hooks import setSite

from dakto.policy.platform import province
from tests.legal_documents.helpers import make as make_legal


@pytest.fixture
def communes(integration):
    return _communes(integration)


def _communes(layer):
    """Site A (the layer's portal: legal documents and news) and site B (a
    bare Plone site: news)."""
    from Products.CMFPlone.factory import addPloneSite

    app = layer["app"]
    portal = layer["portal"]
    newSecurityManager(None, system)
    setSite(None)
    addPloneSite(
        app,
        "phuong-b",
        title="Phường B",
        setup_content=False,
        extension_ids=["plone.app.contenttypes:default"],
    )
    b = app["phuong-b"]
    setSite(portal)
    portal.setTitle("Xã A")
    legal = make_legal(portal["van-ban"], "qd-33", "33/QĐ-UBND", title="Quyết định về chợ phiên")
    make_legal(
        portal["van-ban"], "qd-34", "34/QĐ-UBND", title="Quyết định chưa ban hành", publish=False
    )
    news_a = api.content.create(
        portal["tin-tuc"], "News Item", id="tin-a", title="Hội chợ xuân ở xã A"
    )
    api.content.transition(obj=news_a, to_state="published")
    setSite(b)
    news_b = api.content.create(b, "News Item", id="tin-b", title="Phường B sửa đường")
    api.content.transition(obj=news_b, transition="publish")
    setSite(portal)
    return {"app": app, "a": portal, "b": b, "legal": legal, "news_a": news_a, "news_b": news_b}


def test_published_items_of_every_site_are_indexed(communes):
    index = province.get_index(communes["app"])
    news = index.newest(province.NEWS)
    titles = [entry["title"] for entry in news]
    assert "Hội chợ xuân ở xã A" in titles and "Phường B sửa đường" in titles
    assert {entry["site"] for entry in news} >= {"plone", "phuong-b"}
    legal = [entry["title"] for entry in index.newest(province.LEGAL)]
    assert "Quyết định về chợ phiên" in legal
    assert "Quyết định chưa ban hành" not in legal  # private
    # filter by commune
    assert [e["title"] for e in index.newest(province.NEWS, site="phuong-b")] == [
        "Phường B sửa đường"
    ]
    assert index.sites()["phuong-b"] == "Phường B"


def test_the_index_follows_edits_retractions_and_removals(communes):
    index = province.get_index(communes["app"])
    legal = communes["legal"]
    legal.title = "Quyết định về chợ phiên (sửa đổi)"
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    notify(ObjectModifiedEvent(legal))
    assert index.lookup(number="33/QĐ-UBND")[0]["title"] == "Quyết định về chợ phiên (sửa đổi)"
    api.content.transition(obj=legal, to_state="archived")
    assert index.lookup(number="33/QĐ-UBND") == []
    setSite(communes["b"])
    api.content.delete(communes["news_b"])
    assert index.newest(province.NEWS, site="phuong-b") == []
    setSite(communes["a"])
    # a removed site's entries go with it
    communes["app"].manage_delObjects(["phuong-b"])
    assert "phuong-b" not in index.sites()


def test_lookup_by_number_and_words_across_the_province(communes):
    index = province.get_index(communes["app"])
    for number in ("33/QĐ-UBND", "33/qd-ubnd", "33/QD-UBND"):
        found = index.lookup(number=number)
        assert [e["title"] for e in found] == ["Quyết định về chợ phiên"], number
    assert [e["number"] for e in index.lookup(text="cho phien")] == ["33/QĐ-UBND"]
    assert index.lookup(text="chợ phiên", site="phuong-b") == []
    assert index.lookup(number="99/QĐ-UBND") == []


def test_reindex_site_rebuilds_from_the_catalog(communes):
    app = communes["app"]
    index = province.get_index(app)
    index.drop_site("plone")
    assert index.newest(province.LEGAL, site="plone") == []
    assert province.reindex_site(app, communes["a"]) >= 2
    assert index.lookup(number="33/QĐ-UBND")


def test_province_page_lists_filters_and_looks_up(communes):
    portal = communes["a"]
    request = portal.REQUEST
    request.form.update({"site": "phuong-b"})
    view = portal.restrictedTraverse("@@province")
    html = view()
    assert "Phường B sửa đường" in html
    assert "Hội chợ xuân ở xã A" not in html
    request.form.clear()
    request.form.update({"number": "33/qd-ubnd"})
    html = portal.restrictedTraverse("@@province")()
    assert "Quyết định về chợ phiên" in html
    assert "<caption" in html and 'for="province-site"' in html
    request.form.clear()
    request.form.update({"site": "khong-co"})
    html = portal.restrictedTraverse("@@province")()
    assert request.response.getStatus() == 400
    assert "khong-co" in html


def test_rest_service_and_anonymous_page(functional):
    data = _communes(functional)
    transaction.commit()
    url = data["a"].absolute_url()
    response = requests.get(
        url + "/@province?site=phuong-b&kind=news",
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert [item["title"] for item in body["news"]["items"]] == ["Phường B sửa đường"]
    assert "legal" not in body
    found = requests.get(
        url + "/@province?number=33/QD-UBND", headers={"Accept": "application/json"}, timeout=60
    ).json()
    assert found["lookup"]["items"][0]["number"] == "33/QĐ-UBND"
    bad = requests.get(
        url + "/@province?kind=everything", headers={"Accept": "application/json"}, timeout=60
    )
    assert bad.status_code == 400 and "everything" in bad.json()["error"]["message"]
    page = requests.get(url + "/@@province", headers={"Accept-Language": "vi"}, timeout=60)
    assert page.status_code == 200
    assert "Hội chợ xuân ở xã A" in page.text and "Phường B sửa đường" in page.text
