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


# dates at the edges of a month, a year and a century, a leap day, and none
EDGES = (
    date(1999, 12, 31),
    date(2000, 1, 1),
    date(2024, 2, 28),
    date(2024, 2, 29),
    date(2024, 3, 1),
    date(2024, 12, 31),
    date(2025, 1, 1),
    date(2025, 5, 31),
    date(2025, 6, 1),
    date(2025, 6, 30),
)


def _range_query(token, on):
    """The status filter as the lookup read it before: two DateIndex ranges."""
    tomorrow = on + timedelta(days=1)
    if token == "expired":
        return {"legal_expiry": {"query": on, "range": "max"}}
    if token == "not-yet":
        return {
            "legal_effective": {"query": tomorrow, "range": "min"},
            "legal_expiry": {"query": tomorrow, "range": "min"},
        }
    return {
        "legal_effective": {"query": on, "range": "max"},
        "legal_expiry": {"query": tomorrow, "range": "min"},
        "legal_partly_expired": token == "partly-expired",
    }


def test_date_keys_select_the_same_documents_as_the_dates(manager):
    """Every status on every day around the edges: the keys' query finds what
    ``derive_status`` says and what the two date ranges found."""
    folder = prepare(manager)
    docs = {}
    n = 0
    for start in EDGES:
        for end in (None, *EDGES):
            if end is not None and end < start:
                continue
            n += 1
            obj = make(
                folder,
                f"d{n}",
                f"{n:02d}/QĐ-UBND",
                issue_date=start - timedelta(days=3),
                valid_from=start,
                valid_until=end,
                partly_expired=n % 3 == 0,
            )
            docs[obj.getId()] = obj
    catalog = manager.portal_catalog
    days = sorted({d + timedelta(days=k) for d in EDGES for k in (-1, 0, 1)})
    for on in days:
        for token in ("in-force", "not-yet", "expired", "partly-expired"):
            expected = {i for i, o in docs.items() if status.status_of(o, on) == token}
            base = {"portal_type": "LegalDocument"}
            by_keys = {b.id for b in catalog(**base, **status.status_query(token, on))}
            by_ranges = {b.id for b in catalog(**base, **_range_query(token, on))}
            assert by_keys == expected == by_ranges, (on, token)
    assert len(docs) > 50


def test_keys_of_a_day_cover_every_date_once():
    on = date(2024, 2, 29)
    until, after = status.keys_until(on), status.keys_after(on)
    assert not set(until) & set(after)
    for day in (date(1, 1, 1), date(1899, 5, 5), date(2024, 2, 28), on, date(2024, 3, 1)):
        keys = set(status.date_keys(day))
        assert len(keys & set(until if day <= on else after)) == 1, day
        assert not keys & set(until if day > on else after), day
    # whatever the site holds: at most 20 centuries, 99 years, 11 months and 31 days
    assert len(until) <= 20 + 99 + 11 + 31 and len(after) <= 99 + 99 + 11 + 31
