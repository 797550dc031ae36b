"""restapi summaries of procedures (serializers.py): ``@search`` and listings
carry the code and the titled field, levels and online-service level, and
``@procedures`` answers with the same summaries, keeping every key and value
it had before (``type_title`` is new)."""

from tests.summaries import assert_keeps
from tests.summaries import lookup_keys
from tests.summaries import object_and_brain_summaries

from .helpers import SECTION
from .test_rest import _lookup_content


def _content(functional):
    """The lookup tests' three published procedures (and a private one); the
    summaries are checked on 'chung-thuc' (two levels, not online)."""
    portal = _lookup_content(functional)
    return portal, portal[SECTION]["chung-thuc"]


def _expected(portal, procedure):
    """The item of ``@procedures`` as the service built it before the summaries."""
    assert procedure.absolute_url() == f"{portal.absolute_url()}/{SECTION}/chung-thuc"
    return lookup_keys(procedure) | {
        "procedure_code": "2.000815",
        "procedure_field": {"token": "chung-thuc", "title": "Chứng thực"},
        "procedure_level": [
            {"token": "xa", "title": "Cấp xã"},
            {"token": "tinh", "title": "Cấp tỉnh"},
        ],
        "service_level": {"token": "khong", "title": "Không trực tuyến"},
    }


def test_lookup_keeps_its_item_shape(functional, request_factory):
    portal, procedure = _content(functional)
    items = request_factory().get(f"/{SECTION}/@procedures").json()["items"]
    (item,) = [i for i in items if i["procedure_code"] == "2.000815"]
    expected = _expected(portal, procedure)
    assert_keeps(item, expected)


def test_search_and_listings_carry_the_computed_fields(functional, request_factory):
    portal, procedure = _content(functional)
    expected = _expected(portal, procedure)
    anon = request_factory()
    data = anon.get(
        "/@search", params={"portal_type": "Procedure", "metadata_fields": ["UID", "Subject"]}
    ).json()
    (item,) = [i for i in data["items"] if i["@id"] == expected["@id"]]
    assert {key: item[key] for key in expected} == expected
    assert item["Subject"] == []
    listing = anon.get(f"/{SECTION}").json()["items"]
    (item,) = [i for i in listing if i["@id"] == expected["@id"]]
    assert item["procedure_level"] == expected["procedure_level"]


def test_summary_of_the_object_is_that_of_its_brain(functional):
    portal, procedure = _content(functional)
    of_object, of_brain = object_and_brain_summaries(functional, procedure)
    assert of_object == of_brain
    assert of_object["service_level"]["token"] == "khong"
