"""Issue 19.5: a number typed as on a phone (D for Đ, any case) finds the
document: ``33/QD-UBND`` finds ``33/QĐ-UBND``, in the lookup and the REST
lookup as in the site search."""

from datetime import date

import pytest

from dakto.policy.legal_documents import lookup

from .helpers import make
from .helpers import prepare


@pytest.fixture
def documents(manager):
    folder = prepare(manager)
    make(
        folder,
        "qd-33",
        "33/QĐ-UBND",
        title="Quyết định ban hành Quy chế",
        issue_date=date(2024, 3, 20),
    )
    make(
        folder,
        "nq-05",
        "05/2024/NQ-HĐND",
        title="Nghị quyết về đầu tư công",
        document_type="nghi-quyet",
        issuing_body="HĐND thị trấn Đắk Tô",
        issue_date=date(2024, 12, 18),
    )
    make(folder, "qd-34", "34/QĐ-UBND", title="Quyết định khác", issue_date=date(2024, 3, 21))
    return folder


def ids(folder, **form):
    filters, unknown = lookup.read_filters(form)
    assert not unknown
    return [b.id for b in lookup.search(folder, filters, 0, 50)]


@pytest.mark.parametrize(
    "typed", ("33/QD-UBND", "33/qd-ubnd", "33/qđ-ubnd", "33/Qd-Ubnd", "33/QĐ-UBND")
)
def test_d_for_đ_and_any_case_find_the_document(documents, typed):
    assert ids(documents, number=typed) == ["qd-33"]


def test_folded_numbers_with_a_year(documents):
    for typed in ("05/2024/NQ-HDND", "05/2024/nq-hdnd", "05/NQ-HDND", "05/NQ-HĐND"):
        assert ids(documents, number=typed) == ["nq-05"], typed
    assert ids(documents, number="35/QD-UBND") == []


def test_site_search(documents):
    from plone import api

    catalog = api.portal.get_tool("portal_catalog")
    for typed in ("33/QD-UBND", "33/qd-ubnd"):
        found = [b.getId for b in catalog(SearchableText=typed, portal_type="LegalDocument")]
        assert found == ["qd-33"], typed
