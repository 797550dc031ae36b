"""The lookup page: filters, sorting, paging, and its whole state in the URL."""

import re
from datetime import date

import pytest
from plone.app.testing import logout

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
        title="Quyết định ban hành Quy chế hoạt động của Trang thông tin điện tử",
        abstract="Ban hành Quy chế hoạt động của Trang thông tin điện tử thị trấn",
        legal_field="thong-tin-truyen-thong",
        issue_date=date(2024, 3, 20),
    )
    make(
        folder,
        "kh-45",
        "45/KH-UBND",
        title="Kế hoạch cải cách hành chính năm 2024",
        document_type="ke-hoach",
        issue_date=date(2024, 1, 12),
        valid_until=date(2025, 1, 1),
    )
    make(
        folder,
        "tb-12",
        "12/TB-UBND",
        title="Thông báo lịch tiếp công dân",
        document_type="thong-bao",
        issue_date=date(2025, 2, 10),
    )
    make(
        folder,
        "nq-05",
        "05/NQ-HĐND",
        title="Nghị quyết về kế hoạch đầu tư công",
        document_type="nghi-quyet",
        issuing_body="HĐND thị trấn Đắk Tô",
        legal_field="tai-chinh-ngan-sach",
        issue_date=date(2024, 12, 18),
        partly_expired=True,
    )
    make(
        folder,
        "cv-15",
        "15/UBND-VP",
        title="Về việc phòng, chống dịch sốt xuất huyết",
        document_type="cong-van",
        legal_field="y-te",
        issue_date=date(2025, 6, 2),
    )
    make(
        folder, "draft", "99/QĐ-UBND", title="Bản nháp", publish=False, issue_date=date(2023, 5, 1)
    )
    return folder


def ids(folder, **form):
    filters, unknown = lookup.read_filters(form)
    assert not unknown
    return [b.id for b in lookup.search(folder, filters, 0, 50)]


def test_filters(documents):
    folder = documents
    assert ids(folder, SearchableText="quy chế") == ["qd-33"]
    assert ids(folder, SearchableText="quy che") == ["qd-33"]  # without diacritics
    assert ids(folder, SearchableText="sốt xuất huyết") == ["cv-15"]
    assert ids(folder, number="33/QĐ-UBND") == ["qd-33"]
    assert ids(folder, number="33") == ["qd-33"]
    assert ids(folder, number="5") == ["nq-05"]
    assert ids(folder, number="05/NQ-HĐND") == ["nq-05"]
    assert ids(folder, number="15/UBND-VP") == ["cv-15"]
    assert ids(folder, type="ke-hoach") == ["kh-45"]
    assert ids(folder, type="cong-van") == ["cv-15"]
    assert ids(folder, issuer="HĐND thị trấn Đắk Tô") == ["nq-05"]
    assert ids(folder, field="y-te") == ["cv-15"]
    assert ids(folder, year="2025", sort_on="number", sort_order="ascending") == ["tb-12", "cv-15"]
    assert ids(folder, status="expired") == ["kh-45"]
    assert ids(folder, status="partly-expired") == ["nq-05"]
    assert "kh-45" not in ids(folder, status="in-force")
    assert ids(folder, type="quyet-dinh", year="2024", status="in-force") == ["qd-33"]


def test_sorting(documents):
    folder = documents
    # the test user is Manager here, so the draft is listed; anonymous below
    assert ids(folder) == ["cv-15", "tb-12", "nq-05", "qd-33", "kh-45", "draft"]
    assert ids(folder, sort_on="issued", sort_order="ascending")[:2] == ["draft", "kh-45"]
    assert ids(folder, sort_on="number", sort_order="ascending")[:3] == ["nq-05", "tb-12", "cv-15"]
    titles = ids(folder, sort_on="title")
    assert titles[0] == "draft" and titles[-1] == "cv-15"  # Bản nháp … Về việc


def test_unknown_values_are_reported():
    filters, unknown = lookup.read_filters(
        {"type": "sac-lenh", "year": "hai nghin", "status": "x", "sort_on": "id", "field": "y-te"}
    )
    assert filters == {"field": "y-te"}
    assert set(unknown) == {"type", "year", "status", "sort_on"}


def test_page_shows_filters_from_the_url(documents, request):
    folder = documents
    logout()
    form = folder.REQUEST.form
    form.update({"type": "thong-bao", "year": "2025", "number": "12", "sort_on": "number"})
    html = folder.restrictedTraverse("@@legal-document-lookup")()
    assert 'method="get"' in html
    assert '<option value="thong-bao" selected="selected">' in html
    assert '<option value="2025" selected="selected">' in html
    assert '<option value="number" selected="selected">' in html
    assert 'name="number" placeholder="33/QĐ-UBND" value="12"' in html
    assert "12/TB-UBND" in html and "33/QĐ-UBND</a>" not in html
    assert "1 documents found" in html or "1 văn bản" in html


def test_anonymous_sees_published_and_expired_marked(documents):
    folder = documents
    logout()
    html = folder.restrictedTraverse("@@legal-document-lookup")()
    assert "99/QĐ-UBND" not in html  # private draft
    assert "45/KH-UBND" in html  # expired documents stay findable
    row = html.split("45/KH-UBND", 1)[1].split("</tr>", 1)[0]
    assert "dakto-status-expired" in row
    assert 'class="dakto-expired"' in html


def test_paging(manager):
    folder = prepare(manager)
    for number in range(10, 55):
        make(folder, f"qd-{number}", f"{number}/QĐ-UBND", issue_date=date(2024, 1, 1))
    logout()
    request = folder.REQUEST
    request.form.update({"sort_on": "number", "sort_order": "ascending", "b_start": "20"})
    request["QUERY_STRING"] = "sort_on=number&sort_order=ascending&b_start=20"
    html = folder.restrictedTraverse("@@legal-document-lookup")()
    assert "45 documents found" in html or "45 văn bản" in html
    assert "30/QĐ-UBND" in html and "49/QĐ-UBND" in html
    assert "29/QĐ-UBND" not in html and "50/QĐ-UBND" not in html
    # the page links keep the filters
    links = [h for h in re.findall(r'href="([^"]*)"', html) if "b_start" in h]
    assert links and all("sort_on=number" in h and "sort_order=ascending" in h for h in links)
    assert any("b_start:int=40" in h or "b_start=40" in h for h in links), links
    # the lazy catalog page and the full ordering agree
    all_numbers = [b.document_number for b in lookup.search(folder, {"sort_on": "number"}, 0, 100)]
    assert all_numbers[0] == "54/QĐ-UBND" and len(all_numbers) == 45


@pytest.mark.parametrize("status", ["in-force", "expired", "partly-expired", "not-yet"])
@pytest.mark.parametrize("text", ["ke hoach", "Quyết định", "dau tu cong", "UBND"])
def test_keyword_and_status_read_from_the_dates_as_the_indexes_do(
    documents, monkeypatch, text, status
):
    """A keyword with a status reads the status from the catalog's dates (no
    range query that grows with the years of documents): the same documents
    as the date indexes find, in the same order."""
    from_metadata = ids(documents, SearchableText=text, status=status)
    monkeypatch.setattr(lookup, "STATUS_FROM_METADATA", -1)
    assert from_metadata == ids(documents, SearchableText=text, status=status)


def test_keyword_and_status_on_another_day(documents):
    filters = {"SearchableText": "ke hoach", "status": "in-force"}
    found = [b.id for b in lookup.search(documents, filters, on=date(2024, 6, 1))]
    assert found == ["kh-45"]
    filters["status"] = "expired"
    assert [b.id for b in lookup.search(documents, filters, on=date(2025, 6, 1))] == ["kh-45"]
