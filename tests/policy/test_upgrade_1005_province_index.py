"""Upgrade 1004 → 1005, part province index (issue 15): a site that existed
before the index gets its published news and legal documents entered."""

from plone import api

from dakto.policy.platform import province
from dakto.policy.upgrades import v1005_province_index
from tests.legal_documents.helpers import make as make_legal


def test_upgrade_enters_the_sites_published_items(portal, manager):
    app = portal.getPhysicalRoot()
    make_legal(portal["van-ban"], "qd-7", "7/QĐ-UBND", title="Quyết định số 7")
    make_legal(portal["van-ban"], "qd-8", "8/QĐ-UBND", title="Quyết định nháp", publish=False)
    news = api.content.create(portal["tin-tuc"], "News Item", id="tin-cu", title="Tin cũ")
    api.content.transition(obj=news, to_state="published")
    # a 1004 deployment: no index at the root
    delattr(app.aq_base, province.ATTRIBUTE)
    assert province.get_index(app, create=False) is None

    v1005_province_index.upgrade(None)
    v1005_province_index.upgrade(None)  # repeated: nothing doubled

    index = province.get_index(app, create=False)
    legal = [entry["title"] for entry in index.newest(province.LEGAL, site=portal.getId())]
    assert legal == ["Quyết định số 7"]
    titles = [entry["title"] for entry in index.newest(province.NEWS, site=portal.getId())]
    assert titles.count("Tin cũ") == 1
    assert index.lookup(number="7/qd-ubnd")[0]["title"] == "Quyết định số 7"
