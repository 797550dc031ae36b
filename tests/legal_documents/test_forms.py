"""The add form shows each error at its field, in Vietnamese."""

import io
from datetime import date

import pytest
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from .helpers import DOCX
from .helpers import PDF
from .helpers import as_owner
from .helpers import make


@pytest.fixture
def browser(functional):
    portal = as_owner(functional)
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser, portal


def fill(session, number="33/QĐ-UBND", doc_type="quyet-dinh", file=(PDF, "qd-33.pdf"), other=None):
    browser, portal = session
    browser.open(portal["van-ban"].absolute_url() + "/++add++LegalDocument")
    form = browser.getForm(id="form")
    form.getControl(name="form.widgets.IDublinCore.title").value = "Quyết định ban hành Quy chế"
    form.getControl(name="form.widgets.document_number").value = number
    form.getControl(name="form.widgets.document_type:list").value = [doc_type]
    form.getControl(name="form.widgets.issuing_body").value = "UBND thị trấn Đắk Tô"
    form.getControl(name="form.widgets.signer").value = "Nguyễn Văn Hùng - Chủ tịch"
    form.getControl(name="form.widgets.issue_date").value = "2024-03-20"
    form.getControl(name="form.widgets.legal_field:list").value = ["hanh-chinh"]
    form.getControl(name="form.widgets.abstract").value = "Ban hành Quy chế hoạt động."
    data, filename = file
    form.getControl(name="form.widgets.file").add_file(
        io.BytesIO(data), "application/octet-stream", filename
    )
    if other:
        form.getControl(name="form.widgets.other_file").add_file(
            io.BytesIO(other[0]), "application/octet-stream", other[1]
        )
    form.getControl(name="form.buttons.save").click()
    return browser.contents


def field_error(html, name):
    """The error text shown in the field's wrapper."""
    marker = f'id="formfield-form-widgets-{name}"'
    assert marker in html, name
    wrapper = html.split(marker, 1)[1].split('id="formfield-', 1)[0]
    return wrapper if "invalid-feedback" in wrapper or "error" in wrapper else ""


def test_good_document_is_added(browser):
    html = fill(browser)
    assert "33/QĐ-UBND" in html
    assert "quyet-dinh-ban-hanh-quy-che" in browser[1]["van-ban"].objectIds()


def test_bad_number_shown_at_the_field(browser):
    html = fill(browser, number="33/qđ-ubnd")
    error = field_error(html, "document_number")
    assert "phải ghi là QĐ" in error, error
    assert "quyet-dinh-ban-hanh-quy-che" not in browser[1]["van-ban"].objectIds()


def test_number_not_fitting_type_shown_at_the_field(browser):
    html = fill(browser, doc_type="thong-bao")
    assert "TB-" in field_error(html, "document_number")


def test_duplicate_shown_at_the_field(browser):
    make(browser[1]["van-ban"], "qd-cu", "33/QĐ-UBND", issue_date=date(2024, 1, 5))
    transaction.commit()
    html = fill(browser)
    assert "đã được dùng trong năm 2024" in field_error(html, "document_number")


def test_docx_alone_shown_at_the_file_field(browser):
    html = fill(browser, file=(DOCX, "qd-33.docx"))
    error = field_error(html, "file")
    assert "qd-33.docx" in error and "PDF" in error and "ODT" in error, error


def test_renamed_file_shown_at_the_file_field(browser):
    html = fill(browser, file=(DOCX, "qd-33.pdf"))
    assert "không phải PDF" in field_error(html, "file")


def test_edit_keeps_number_and_file(browser):
    fill(browser)
    session, portal = browser
    doc = portal["van-ban"]["quyet-dinh-ban-hanh-quy-che"]
    session.open(doc.absolute_url() + "/edit")
    form = session.getForm(id="form")
    form.getControl(name="form.widgets.signer").value = "Trần Thị Mai - Phó Chủ tịch"
    form.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" not in session.contents
    transaction.begin()
    assert doc.signer == "Trần Thị Mai - Phó Chủ tịch"
    assert doc.file.filename == "qd-33.pdf"


def test_docx_with_an_open_copy_is_added(browser):
    fill(browser, file=(DOCX, "qd-33.docx"), other=(PDF, "qd-33.pdf"))
    doc = browser[1]["van-ban"]["quyet-dinh-ban-hanh-quy-che"]
    assert (doc.file.filename, doc.other_file.filename) == ("qd-33.docx", "qd-33.pdf")
    assert doc.other_file.data.startswith(b"%PDF")
