"""The Procedure type: FTI, schema, vocabularies, code, URL and structured lists."""

import pytest
from plone import api
from zope.component import getUtility
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import RequiredMissing

from dakto.policy.procedures.content import IProcedure
from dakto.policy.validation import MessageError

from .helpers import COMPONENTS
from .helpers import WAYS
from .helpers import make
from .helpers import prepare


def vi(message):
    return translate(message, target_language="vi")


def test_fti(portal):
    fti = portal.portal_types["Procedure"]
    assert fti.global_allow is False
    assert fti.schema == "dakto.policy.procedures.content.IProcedure"
    assert fti.allowed_content_types == ("File",) and fti.filter_content_types
    assert fti.default_view == "procedure-view"
    for behavior in (
        "plone.dublincore",
        "plone.namefromtitle",
        "plone.shortname",
        "plone.versioning",
        "plone.locking",
    ):
        assert behavior in fti.behaviors
    assert fti.add_permission == "cmf.AddPortalContent"


def test_schema_fields_and_required():
    names = [name for name, _field in getFieldsInOrder(IProcedure)]
    assert names == [
        "procedure_code",
        "procedure_level",
        "procedure_field",
        "implementing_body",
        "applicants",
        "service_level",
        "service_url",
        "steps",
        "submission_ways",
        "processing_time",
        "fees",
        "dossier_components",
        "result",
        "requirements",
        "legal_basis",
        "legal_basis_text",
    ]
    required = {name for name, field in getFieldsInOrder(IProcedure) if field.required}
    assert required == {
        "procedure_code",
        "procedure_level",
        "procedure_field",
        "implementing_body",
        "applicants",
        "service_level",
        "steps",
        "submission_ways",
        "processing_time",
        "fees",
        "result",
    }
    assert (
        IProcedure["service_level"].default == "toan-trinh"
    )  # Luật Chuyển đổi số: full online by default


@pytest.mark.parametrize(
    "name,tokens,title",
    [
        ("dakto.policy.procedure_levels", ["xa", "tinh", "trung-uong"], "Cấp xã"),
        ("dakto.policy.service_levels", ["toan-trinh", "mot-phan", "khong"], "Toàn trình"),
        ("dakto.policy.submission_channels", ["truc-tiep", "truc-tuyen", "buu-chinh"], "Trực tiếp"),
    ],
)
def test_vocabularies(portal, name, tokens, title):
    terms = list(getUtility(IVocabularyFactory, name)(portal))
    assert [t.value for t in terms] == tokens
    assert vi(terms[0].title) == title


def test_field_vocabulary(portal):
    terms = getUtility(IVocabularyFactory, "dakto.policy.procedure_fields")(portal)
    assert vi(terms.getTerm("ho-tich").title) == "Hộ tịch"
    assert vi(terms.getTerm("chung-thuc").title) == "Chứng thực"


@pytest.mark.parametrize("code", ["1.001612", "2.000815", " 1.001193 "])
def test_good_codes(portal, code):
    field = IProcedure["procedure_code"].bind(portal)
    assert field.fromUnicode(code) == code.strip()


@pytest.mark.parametrize(
    "code",
    ["1001612", "1.00161", "1.0016123", "A.001612", "0.001612", "1,001612", "BTP-KTU-277211"],
)
def test_bad_codes(portal, code):
    field = IProcedure["procedure_code"].bind(portal)
    with pytest.raises(MessageError) as error:
        field.validate(code)
    assert code in vi(error.value.doc())
    assert "1.001612" in vi(error.value.doc())


def test_code_unique(portal, manager):
    section = prepare(portal)
    first = make(section, "khai-sinh", "Đăng ký khai sinh", "1.001193")
    field = IProcedure["procedure_code"]
    with pytest.raises(MessageError) as error:
        field.bind(section).validate("1.001193")  # add form: bound to the folder
    message = vi(error.value.doc())
    assert "1.001193" in message and "Đăng ký khai sinh" in message
    field.bind(first).validate("1.001193")  # its own code: fine
    other = make(section, "ket-hon", "Đăng ký kết hôn", "1.000894", publish=False)
    with pytest.raises(MessageError):
        field.bind(other).validate("1.001193")
    field.bind(section).validate("1.000656")


@pytest.mark.parametrize(
    "url",
    [
        "http://dichvucong.gov.vn/p/home",
        "https://example.com/dich-vu",
        "https://dichvucong.gov.vn.example.com/",
        "ftp://dichvucong.gov.vn/",
        "dichvucong.gov.vn",
    ],
)
def test_bad_service_urls(portal, url):
    with pytest.raises(MessageError) as error:
        IProcedure["service_url"].validate(url)
    assert ".gov.vn" in vi(error.value.doc())


def test_good_service_urls():
    IProcedure["service_url"].validate(
        "https://dichvucong.gov.vn/p/home/dvc-tthc.html?ma_thu_tuc=1.001193"
    )
    IProcedure["service_url"].validate("https://dichvucong.kontum.gov.vn/dich-vu")


def test_submission_ways_good():
    IProcedure["submission_ways"].validate(WAYS)
    IProcedure["dossier_components"].validate(COMPONENTS)
    IProcedure["dossier_components"].validate([])


@pytest.mark.parametrize(
    "value,expected",
    [
        ({"channel": "truc-tiep"}, "danh sách"),
        ([], "ít nhất"),
        ([{"channel": "fax", "processing_time": "1 ngày", "fee": "0"}], "fax"),
        ([{"channel": "truc-tiep", "processing_time": "1 ngày"}], "fee"),
        ([{"channel": "truc-tiep", "processing_time": "1 ngày", "fee": "0", "gia": 1}], "gia"),
        ([{"channel": "truc-tiep", "processing_time": 3, "fee": "0"}], "processing_time"),
        ([{"channel": "truc-tiep", "processing_time": "  ", "fee": "0"}], "processing_time"),
        (["truc-tiep"], "Mục 1"),
        (
            [
                {"channel": "truc-tiep", "processing_time": "1 ngày", "fee": "0"},
                {"channel": "truc-tiep", "processing_time": "2 ngày", "fee": "0"},
            ],
            "hai lần",
        ),
    ],
)
def test_submission_ways_bad(value, expected):
    with pytest.raises(MessageError) as error:
        IProcedure["submission_ways"].validate(value)
    assert expected in vi(error.value.doc())


def test_submission_ways_required():
    with pytest.raises(RequiredMissing):
        IProcedure["submission_ways"].validate(None)


@pytest.mark.parametrize(
    "value,expected",
    [
        ([{"name": "Tờ khai", "originals": -1, "copies": 0}], "originals"),
        ([{"name": "Tờ khai", "originals": "một", "copies": 0}], "originals"),
        ([{"name": "", "originals": 1, "copies": 0}], "name"),
        ([{"name": "Tờ khai", "originals": 1, "copies": 0, "form": "../etc/passwd"}], "form"),
        ([{"originals": 1, "copies": 0}], "name"),
    ],
)
def test_dossier_components_bad(value, expected):
    with pytest.raises(MessageError) as error:
        IProcedure["dossier_components"].validate(value)
    assert expected in vi(error.value.doc())


def test_from_unicode_bad_json():
    with pytest.raises(MessageError) as error:
        IProcedure["submission_ways"].fromUnicode('[{"channel": "truc-tiep",')
    assert "JSON" in vi(error.value.doc())


def test_from_unicode_good_json():
    text = '[{"channel": "buu-chinh", "processing_time": "3 ngày", "fee": "Miễn phí"}]'
    assert IProcedure["submission_ways"].fromUnicode(text)[0]["channel"] == "buu-chinh"


class Data:
    service_level = "toan-trinh"
    service_url = "https://dichvucong.gov.vn/x"
    submission_ways = WAYS


def _invariant_errors(**changes):
    data = Data()
    for name, value in changes.items():
        setattr(data, name, value)
    errors = []
    try:
        IProcedure.validateInvariants(data, errors)
    except Invalid:
        pass
    return [vi(e.args[0]) for e in errors]


def test_invariants():
    assert _invariant_errors() == []
    assert any("liên kết" in m for m in _invariant_errors(service_url=None))
    assert any(
        "Không trực tuyến" in m for m in _invariant_errors(service_level="khong", service_url=None)
    )
    offline = [w for w in WAYS if w["channel"] != "truc-tuyen"]
    assert any("truc-tuyen" in m for m in _invariant_errors(submission_ways=offline))
    assert _invariant_errors(service_level="khong", service_url=None, submission_ways=offline) == []


def test_catalog_indexes_and_metadata(portal):
    catalog = api.portal.get_tool("portal_catalog")
    assert {"procedure_code", "procedure_field", "procedure_level", "service_level"} <= set(
        catalog.indexes()
    )
    assert {"procedure_code", "procedure_field", "procedure_level", "service_level"} <= set(
        catalog.schema()
    )
    assert catalog.Indexes["procedure_level"].meta_type == "KeywordIndex"


def test_indexed_values(portal, manager):
    section = prepare(portal)
    make(
        section,
        "p",
        "Chứng thực bản sao",
        "2.000815",
        procedure_field="chung-thuc",
        procedure_level=["xa", "tinh"],
    )
    brain = api.content.find(procedure_code="2.000815")[0]
    assert brain.procedure_field == "chung-thuc"
    assert brain.procedure_level == ("xa", "tinh")
    assert brain.service_level == "toan-trinh"
    assert len(api.content.find(procedure_level="tinh", portal_type="Procedure")) == 1
    # full text: the dossier components and the field's title are searchable too
    assert api.content.find(SearchableText="giay chung sinh", portal_type="Procedure")
    assert api.content.find(SearchableText="Chứng thực", portal_type="Procedure")
