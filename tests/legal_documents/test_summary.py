"""restapi summaries of legal documents (serializers.py): ``@search`` and
listings carry the computed fields, and ``@legal-documents`` answers with the
same summaries, keeping every key and value it had before (clients depend on
them; ``type_title`` is new)."""

from datetime import date

import transaction

from tests.summaries import assert_keeps
from tests.summaries import lookup_keys
from tests.summaries import object_and_brain_summaries

from .helpers import as_owner
from .helpers import make


SECTION = "van-ban"


def _content(functional):
    portal = as_owner(functional)
    folder = portal[SECTION]
    doc = make(
        folder,
        "kh-45",
        "45/KH-UBND",
        document_type="ke-hoach",
        issue_date=date(2024, 1, 12),
        valid_from=date(2024, 1, 15),
        valid_until=date(2025, 1, 1),
        legal_field="tai-chinh-ngan-sach",
    )
    transaction.commit()
    return portal, doc


def _expected(portal, doc):
    """The item of ``@legal-documents`` as the service built it before the summaries."""
    assert doc.absolute_url() == f"{portal.absolute_url()}/{SECTION}/kh-45"
    return lookup_keys(doc) | {
        "document_number": "45/KH-UBND",
        "document_type": {"token": "ke-hoach", "title": "Kế hoạch", "abbreviation": "KH"},
        "issuing_body": "UBND thị trấn Đắk Tô",
        "signer": "Nguyễn Văn Hùng - Chủ tịch",
        "issue_date": "2024-01-12",
        "valid_from": "2024-01-15",
        "valid_until": "2025-01-01",
        "legal_field": {"token": "tai-chinh-ngan-sach", "title": "Tài chính, ngân sách"},
        "status": {"token": "expired", "title": "Đã hết hạn"},
        "abstract": "Trích yếu của văn bản 45/KH-UBND",
    }


COMPUTED = ("document_type", "valid_from", "status", "legal_field", "issue_date")


def test_lookup_keeps_its_item_shape(functional, anon_request):
    portal, doc = _content(functional)
    item = anon_request.get(f"/{SECTION}/@legal-documents").json()["items"][0]
    expected = _expected(portal, doc)
    assert_keeps(item, expected)


def test_search_and_listings_carry_the_computed_fields(functional, anon_request):
    portal, doc = _content(functional)
    expected = _expected(portal, doc)
    data = anon_request.get(
        "/@search",
        params={"portal_type": "LegalDocument", "metadata_fields": ["legal_status", "UID"]},
    ).json()
    (item,) = data["items"]
    assert {key: item[key] for key in expected} == expected
    assert item["legal_status"] == "expired"  # the catalog's column, asked for
    assert item["type_title"]
    listing = anon_request.get(f"/{SECTION}").json()["items"]
    (item,) = [i for i in listing if i["@type"] == "LegalDocument"]
    assert {key: item[key] for key in COMPUTED} == {key: expected[key] for key in COMPUTED}


def test_summary_of_the_object_is_that_of_its_brain(functional):
    portal, doc = _content(functional)
    of_object, of_brain = object_and_brain_summaries(functional, doc)
    assert of_object == of_brain
    assert of_object["status"]["token"] == "expired"
    assert of_object["valid_from"] == "2024-01-15"
