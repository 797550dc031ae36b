"""The procedure page, the lookup page, the add form and the demo."""

from urllib.parse import urlencode

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from dakto.policy.procedures.demo import PROCEDURES
from dakto.policy.procedures.demo import create_demo

from .helpers import SECTION
from .helpers import URL
from .helpers import WAYS
from .helpers import as_owner
from .helpers import legal_document
from .helpers import make


def _anon(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    return browser


def _owner(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def test_procedure_page_sections_in_order_with_forms_and_online_link(functional):
    portal = as_owner(functional)
    doc = legal_document(portal)
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    obj = make(
        portal[SECTION],
        "khai-sinh",
        "Đăng ký khai sinh",
        "1.001193",
        forms=("to-khai.pdf",),
        legal_basis=[RelationValue(getUtility(IIntIds).getId(doc))],
        legal_basis_text="Nghị định số 123/2015/NĐ-CP",
        requirements="Trẻ em sinh ra tại địa phương",
    )
    transaction.commit()
    browser = _anon(functional)
    browser.open(obj.absolute_url())
    html = browser.contents.split('class="dakto-procedure"', 1)[1]
    headings = [
        "Trình tự thực hiện</h2>",
        "Cách thức thực hiện</h2>",
        "Thành phần hồ sơ</h2>",
        "Đối tượng thực hiện</h2>",
        "Cơ quan thực hiện</h2>",
        "Kết quả thực hiện</h2>",
        "Thời hạn giải quyết</h2>",
        "Phí, lệ phí</h2>",
        "Yêu cầu, điều kiện thực hiện</h2>",
        "Căn cứ pháp lý</h2>",
        "Mẫu đơn, tờ khai</h2>",
    ]
    positions = [html.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "1.001193" in html and "Hộ tịch" in html and "Cấp xã" in html and "Toàn trình" in html
    assert "Nộp hồ sơ trực tuyến" in html and URL + "1.001193" in html
    assert '<th scope="row">Trực tiếp</th>' in html and "Tại bộ phận một cửa" in html
    assert "Giấy chứng sinh" in html
    assert "to-khai.pdf/@@download/file/to-khai.pdf" in html
    assert "Luật Hộ tịch 60/2014/QH13" in html and "/van-ban/luat-ho-tich" in html
    assert "Nghị định số 123/2015/NĐ-CP" in html
    assert "Trẻ em sinh ra tại địa phương" in html
    # the form downloads for anonymous
    browser.open(obj.absolute_url() + "/to-khai.pdf/@@download/file/to-khai.pdf")
    data = browser.contents
    assert (data if isinstance(data, bytes) else data.encode("latin-1"))[:4] == b"%PDF"


def test_no_online_button_when_not_online(functional):
    portal = as_owner(functional)
    obj = make(
        portal[SECTION],
        "ct",
        "Chứng thực bản sao",
        "2.000815",
        service_level="khong",
        service_url=None,
        submission_ways=[WAYS[0]],
    )
    transaction.commit()
    browser = _anon(functional)
    browser.open(obj.absolute_url())
    assert "Nộp hồ sơ trực tuyến" not in browser.contents
    assert "Không trực tuyến" in browser.contents


def _lookup_items(functional):
    portal = as_owner(functional)
    section = portal[SECTION]
    make(section, "khai-sinh", "Đăng ký khai sinh", "1.001193")
    make(
        section,
        "ket-hon",
        "Đăng ký kết hôn",
        "1.000894",
        service_level="mot-phan",
        dossier_components=[],
    )
    make(
        section,
        "chung-thuc",
        "Chứng thực bản sao từ bản chính",
        "2.000815",
        dossier_components=[],
        procedure_field="chung-thuc",
        procedure_level=["xa", "tinh"],
        service_level="khong",
        service_url=None,
        submission_ways=[WAYS[0]],
    )
    transaction.commit()
    return section


def _rows(browser):
    html = browser.contents
    if "dakto-lookup-results" not in html:
        return []
    body = html.split("dakto-lookup-results", 1)[1].split("</tbody>", 1)[0]
    import re

    return re.findall(r'<th\b[^>]*scope="row"[^>]*><a href="[^"]+">([^<]+)</a></th>', body)


def test_lookup_is_the_section_view_and_filters(functional):
    section = _lookup_items(functional)
    browser = _anon(functional)
    browser.open(section.absolute_url())
    assert 'action="' + section.absolute_url() + '"' in browser.contents
    assert _rows(browser) == [
        "Chứng thực bản sao từ bản chính",
        "Đăng ký kết hôn",
        "Đăng ký khai sinh",
    ]
    assert "Tìm thấy 3 thủ tục." in browser.contents
    assert '<label class="form-label" for="procedure-text">' in browser.contents
    browser.open(section.absolute_url() + "?procedure_field=ho-tich")
    assert _rows(browser) == ["Đăng ký kết hôn", "Đăng ký khai sinh"]
    assert '<option value="ho-tich" selected="selected">Hộ tịch</option>' in browser.contents
    browser.open(section.absolute_url() + "?procedure_level=tinh")
    assert _rows(browser) == ["Chứng thực bản sao từ bản chính"]
    browser.open(section.absolute_url() + "?service_level=mot-phan")
    assert _rows(browser) == ["Đăng ký kết hôn"]
    browser.open(section.absolute_url() + "?SearchableText=khai+sinh")
    assert _rows(browser) == ["Đăng ký khai sinh"]
    assert 'value="khai sinh"' in browser.contents
    browser.open(section.absolute_url() + "?" + urlencode({"SearchableText": "chứng thực"}))
    assert _rows(browser) == ["Chứng thực bản sao từ bản chính"]
    browser.open(section.absolute_url() + "?SearchableText=chung+thuc")
    assert _rows(browser) == ["Chứng thực bản sao từ bản chính"]
    browser.open(section.absolute_url() + "?SearchableText=2.000815")
    assert _rows(browser) == ["Chứng thực bản sao từ bản chính"]
    browser.open(section.absolute_url() + "?SearchableText=khai+sinh&procedure_field=chung-thuc")
    assert _rows(browser) == [] and "Không có thủ tục nào phù hợp." in browser.contents
    # unknown values are ignored, not errors
    browser.open(section.absolute_url() + "?procedure_field=xyz")
    assert len(_rows(browser)) == 3


def test_lookup_batches(functional):
    portal = as_owner(functional)
    for number in range(1, 24):
        make(portal[SECTION], f"p{number}", f"Thủ tục số {number:02d}", f"1.0000{number:02d}")
    transaction.commit()
    browser = _anon(functional)
    browser.open(portal[SECTION].absolute_url() + "?SearchableText=thu+tuc")
    assert len(_rows(browser)) == 20
    assert "b_start:int=20" in browser.contents and "SearchableText=thu" in browser.contents
    browser.open(portal[SECTION].absolute_url() + "?SearchableText=thu+tuc&b_start:int=20")
    assert len(_rows(browser)) == 3


def test_add_form_shows_field_errors_then_creates(functional):
    portal = as_owner(functional)
    make(portal[SECTION], "khai-sinh", "Đăng ký khai sinh", "1.001193")
    transaction.commit()
    browser = _owner(functional)
    browser.open(portal[SECTION].absolute_url() + "/++add++Procedure")
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Đăng ký khai tử"
    browser.getControl(name="form.widgets.procedure_code").value = "1.001193"
    browser.getControl(name="form.widgets.procedure_field:list").value = ["ho-tich"]
    browser.getControl(name="form.widgets.implementing_body").value = "UBND cấp xã"
    browser.getControl(name="form.widgets.applicants").value = "Người thân"
    browser.getControl(name="form.widgets.service_url").value = URL + "1.000656"
    browser.getControl(name="form.widgets.steps").value = "<p>Nộp tờ khai</p>"
    browser.getControl(
        name="form.widgets.submission_ways"
    ).value = '[{"channel": "fax", "processing_time": "1", "fee": "0"}]'
    browser.getControl(name="form.widgets.processing_time").value = "Trong ngày"
    browser.getControl(name="form.widgets.fees").value = "Miễn lệ phí"
    browser.getControl(name="form.widgets.result").value = "Trích lục khai tử"
    browser.getControl(name="form.buttons.save").click()
    html = browser.contents
    assert "đã được dùng cho thủ tục" in html  # duplicate code, at the field
    assert "fax" in html and "không hợp lệ" in html  # bad channel, at the field
    assert "dang-ky-khai-tu" not in portal[SECTION].objectIds()
    browser.getControl(name="form.widgets.procedure_code").value = "1.000656"
    browser.getControl(name="form.widgets.submission_ways").value = "[{not json"
    browser.getControl(name="form.buttons.save").click()
    assert "JSON" in browser.contents
    # an online service without its link, and without an online way: each message at its field
    browser.getControl(name="form.widgets.service_url").value = ""
    browser.getControl(
        name="form.widgets.submission_ways"
    ).value = '[{"channel": "truc-tiep", "processing_time": "Trong ngày", "fee": "Miễn lệ phí"}]'
    browser.getControl(name="form.buttons.save").click()
    html = browser.contents
    url_field = html.split('id="formfield-form-widgets-service_url"', 1)[1].split(
        'id="formfield-form-widgets-', 1
    )[0]
    assert "cần có liên kết" in url_field
    ways_field = html.split('id="formfield-form-widgets-submission_ways"', 1)[1].split(
        'id="formfield-form-widgets-', 1
    )[0]
    assert "không có hình thức nộp" in ways_field
    browser.getControl(name="form.widgets.service_url").value = URL + "1.000656"
    browser.getControl(name="form.widgets.submission_ways").value = (
        '[{"channel": "truc-tiep", "processing_time": "Trong ngày", "fee": "Miễn lệ phí"},'
        ' {"channel": "truc-tuyen", "processing_time": "Trong ngày", "fee": "Miễn lệ phí"}]'
    )
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    obj = portal[SECTION]["dang-ky-khai-tu"]
    assert obj.procedure_code == "1.000656"
    assert obj.submission_ways[1]["channel"] == "truc-tuyen"
    # the edit form shows the list as readable JSON (no \u escapes)
    browser.open(obj.absolute_url() + "/edit")
    assert "Miễn lệ phí" in browser.getControl(name="form.widgets.submission_ways").value


def test_demo(portal, manager):
    created = create_demo(portal)
    assert len(created) == len(PROCEDURES) == 6
    assert create_demo(portal) == []
    codes = {
        brain.procedure_code
        for brain in api.content.find(portal_type="Procedure", review_state="published")
    }
    assert codes == {item["procedure_code"] for item in PROCEDURES}
    khai_sinh = portal[SECTION]["dang-ky-khai-sinh"]
    assert khai_sinh["to-khai-dang-ky-khai-sinh.pdf"].file.data.startswith(b"%PDF-1.4")
    assert "Luật Hộ tịch" in (khai_sinh.legal_basis_text or "") or khai_sinh.legal_basis
    from dakto.policy.procedures.content import IProcedure

    for obj in created:  # every demo item passes the schema and its invariants
        for name in IProcedure.names():
            field = IProcedure[name].bind(obj)
            field.validate(getattr(obj, name))
        IProcedure.validateInvariants(obj)


def test_add_form_describes_the_lists_for_the_row_editor(functional):
    """The lists stay JSON text areas (the form works without scripts); the
    row editor's script gets their keys, labels and choices, in Vietnamese."""
    import html as html_module
    import json
    import re

    portal = as_owner(functional)
    browser = _owner(functional)
    browser.open(portal[SECTION].absolute_url() + "/++add++Procedure")
    found = {
        name: spec
        for spec, name in re.findall(
            r'data-dakto-rows="([^"]*)">\s*<textarea[^>]*?name="form\.widgets\.(\w+)"',
            browser.contents,
        )
    }
    assert set(found) == {"submission_ways", "dossier_components"}
    ways = json.loads(html_module.unescape(found["submission_ways"]))
    assert ways["title"] == "Cách thức thực hiện"
    assert [(c["key"], c["type"], c["required"]) for c in ways["columns"]] == [
        ("channel", "select", True),
        ("processing_time", "text", True),
        ("fee", "text", True),
        ("description", "text", False),
    ]
    assert ways["columns"][0]["options"] == [
        ["truc-tiep", "Trực tiếp"],
        ["truc-tuyen", "Trực tuyến"],
        ["buu-chinh", "Dịch vụ bưu chính"],
    ]
    assert ways["text"]["entry"] == "Mục {index}" and ways["text"]["add"] == "Thêm mục"
    dossier = json.loads(html_module.unescape(found["dossier_components"]))
    originals = next(c for c in dossier["columns"] if c["key"] == "originals")
    assert originals == {
        "key": "originals",
        "label": "Bản chính",
        "type": "number",
        "required": True,
        "min": 0,
        "max": 99,
    }
    script = re.search(r'<script src="([^"]*structured-list\.js)"', browser.contents).group(1)
    browser.open(script)
    assert b"dakto-rows" in browser.contents
    assert browser.headers["Content-Type"].endswith("javascript")
