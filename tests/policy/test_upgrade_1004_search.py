"""Upgrade 1003 → 1004, part search (issue 19.5): legal documents indexed
before 1004 get their folded number keys, so ``33/QD-UBND`` finds them; a
fresh install indexes them so from the start."""

from datetime import date

from plone import api
from Products.CMFCore.indexing import processQueue

from dakto.policy.legal_documents import lookup
from dakto.policy.legal_documents.indexers import number_keys
from tests.legal_documents.helpers import make
from tests.legal_documents.helpers import prepare


PROFILE = "dakto.policy:default"


class Indexed1003:
    """What the 1003 indexer gave for a document: the keys as written."""

    def __init__(self, keys):
        self.legal_number = keys


def found(folder, number):
    filters, unknown = lookup.read_filters({"number": number})
    assert not unknown
    return [b.id for b in lookup.search(folder, filters, 0, 50)]


def test_fresh_install_finds_d_for_đ(portal, manager):
    folder = prepare(portal)
    make(folder, "qd-33", "33/QĐ-UBND", title="Quyết định", issue_date=date(2024, 3, 20))
    assert found(folder, "33/QD-UBND") == ["qd-33"]


def test_upgrade_indexes_the_folded_numbers(portal, manager, setup_tool):
    folder = prepare(portal)
    doc = make(folder, "qd-33", "33/QĐ-UBND", title="Quyết định", issue_date=date(2024, 3, 20))
    catalog = api.portal.get_tool("portal_catalog")
    processQueue()  # what is still queued is indexed now, not after our change
    # A 1003 site: the index held the number's keys as written only.
    index = catalog._catalog.getIndex("legal_number")
    rid = catalog._catalog.uids["/".join(doc.getPhysicalPath())]
    index.unindex_object(rid)
    index.index_object(rid, Indexed1003(("33/QĐ-UBND", "33")))
    assert "33/qd-ubnd" in number_keys("33/QĐ-UBND")  # what 1004 indexes
    assert found(folder, "33/QD-UBND") == []
    assert found(folder, "33/QĐ-UBND") == ["qd-33"]
    setup_tool.setLastVersionForProfile(PROFILE, "1003")

    setup_tool.upgradeProfile(PROFILE)

    assert setup_tool.getLastVersionForProfile(PROFILE) == (
        setup_tool.getVersionForProfile(PROFILE),
    )
    assert found(folder, "33/QD-UBND") == ["qd-33"]
    assert found(folder, "33/QĐ-UBND") == ["qd-33"]
