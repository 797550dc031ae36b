"""Upgrade 1005 → 1006, part legal status keys (issue 18.2): a 1005 site has
no ``legal_*_keys`` indexes, so the status filter would find nothing. After
the part its existing documents are found by status again."""

from datetime import date

from plone import api

from dakto.policy.legal_documents import lookup
from dakto.policy.upgrades import v1006_legal_status_keys
from tests.legal_documents.helpers import make
from tests.legal_documents.helpers import prepare


def _ids(folder, token, on):
    return sorted(b.id for b in lookup.search(folder, {"status": token}, 0, 50, on=on))


def test_existing_documents_are_found_by_status(manager):
    folder = prepare(manager)
    make(folder, "cu", "01/QĐ-UBND", issue_date=date(2020, 1, 2), valid_until=date(2024, 1, 1))
    make(folder, "con", "02/QĐ-UBND", issue_date=date(2020, 1, 2))
    catalog = api.portal.get_tool("portal_catalog")
    for name in v1006_legal_status_keys.INDEXES:  # the 1005 state
        catalog.delIndex(name)
    on = date(2025, 6, 1)

    assert v1006_legal_status_keys.upgrade(None) == 2

    assert _ids(folder, "expired", on) == ["cu"]
    assert _ids(folder, "in-force", on) == ["con"]
    assert v1006_legal_status_keys.upgrade(None) == 2  # runs twice without harm
    assert _ids(folder, "in-force", on) == ["con"]
