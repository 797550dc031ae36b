"""The validity status follows the dates, also as days pass after indexing."""

from datetime import date
from datetime import timedelta

from dakto.policy.legal_documents import lookup
from dakto.policy.legal_documents import status
from dakto.policy.legal_documents.status import derive_status

from .helpers import make
from .helpers import prepare


ON = date(2025, 6, 1)


def test_derivation():
    issued = date(2025, 1, 10)
    assert derive_status(issued, None, None, on=ON) == "in-force"
    assert derive_status(issued, date(2025, 7, 1), None, on=ON) == "not-yet"
    assert derive_status(date(2025, 6, 2), None, None, on=ON) == "not-yet"
    assert derive_status(issued, None, ON, on=ON) == "expired"  # from its expiry day on
    assert derive_status(issued, None, ON + timedelta(days=1), on=ON) == "in-force"
    assert derive_status(issued, None, None, partly_expired=True, on=ON) == "partly-expired"
    # expired wins over the editor's "partly expired"
    assert derive_status(issued, None, date(2025, 5, 1), partly_expired=True, on=ON) == "expired"
    assert derive_status(issued, date(2025, 7, 1), None, partly_expired=True, on=ON) == "not-yet"


def test_status_indexed_at_index_time(manager):
    folder = prepare(manager)
    make(folder, "a", "01/QĐ-UBND", issue_date=date(2024, 1, 2))
    make(folder, "b", "02/QĐ-UBND", issue_date=date(2024, 1, 2), valid_until=date(2024, 6, 1))
    make(folder, "c", "03/QĐ-UBND", issue_date=date(2024, 1, 2), partly_expired=True)
    catalog = manager.portal_catalog
    assert {b.id: b.legal_status for b in catalog(portal_type="LegalDocument")} == {
        "a": "in-force",
        "b": "expired",
        "c": "partly-expired",
    }


def _ids(folder, status_token, on):
    return sorted(b.id for b in lookup.search(folder, {"status": status_token}, 0, 50, on=on))


def test_lookup_filters_on_the_dates_not_on_the_stored_status(manager, monkeypatch):
    folder = prepare(manager)
    indexed_on = date(2025, 6, 1)
    monkeypatch.setattr(status, "today", lambda: indexed_on)
    make(
        folder,
        "doc-expires",
        "01/QĐ-UBND",
        issue_date=date(2025, 1, 2),
        valid_until=date(2025, 6, 10),
    )
    make(
        folder, "doc-starts", "02/QĐ-UBND", issue_date=date(2025, 5, 2), valid_from=date(2025, 6, 5)
    )
    make(folder, "doc-part", "03/QĐ-UBND", issue_date=date(2025, 1, 2), partly_expired=True)
    make(folder, "doc-stays", "04/QĐ-UBND", issue_date=date(2025, 1, 2))
    catalog = manager.portal_catalog
    stored = {b.id: b.legal_status for b in catalog(portal_type="LegalDocument")}
    assert stored["doc-expires"] == "in-force" and stored["doc-starts"] == "not-yet"

    # the day of indexing
    assert _ids(folder, "in-force", indexed_on) == ["doc-expires", "doc-stays"]
    assert _ids(folder, "not-yet", indexed_on) == ["doc-starts"]
    # ten days later, nothing re-indexed: "doc-expires" expired yesterday, "doc-starts" is in force
    later = date(2025, 6, 11)
    monkeypatch.setattr(status, "today", lambda: later)
    assert _ids(folder, "in-force", None) == ["doc-starts", "doc-stays"]
    assert _ids(folder, "expired", None) == ["doc-expires"]
    assert _ids(folder, "not-yet", None) == []
    assert _ids(folder, "partly-expired", None) == ["doc-part"]
    # the page shows the badge of today, not the stored one
    html = folder.restrictedTraverse("@@legal-document-lookup")()
    row = html.split("01/QĐ-UBND", 1)[1].split("</tr>", 1)[0]
    assert "dakto-status-expired" in row
