"""Formula injection (issue 13.1): every export of the portal writes text
that people typed as text. Each dangerous first character (= + - @ tab CR)
is fed to each export; the files are read back with openpyxl, odfpy and csv:
no cell is a formula, every such text begins with an apostrophe, numbers the
code writes stay numbers."""

import csv
import io
from datetime import date
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from odf import opendocument
from odf import table as odftable
from odf import teletype
from openpyxl import load_workbook
from plone import api
from plone.app.testing import TEST_USER_ID
from zope.annotation.interfaces import IAnnotations

from dakto.policy import spreadsheets
from dakto.policy.consultation import comments as store
from dakto.policy.royalties.records import ANNOTATION_KEY
from dakto.policy.royalties.records import set_record
from dakto.policy.spreadsheets import FORMULA_PREFIXES
from tests.consultation_comments.test_comments import make_draft
from tests.royalties.test_royalties import article


DANGEROUS = (
    '=HYPERLINK("http://example.invalid/?x","Xem")',
    "=cmd|' /C calc'!A0",
    "=1+1",
    "+SUM(1,2)",
    "-123",
    "@SUM(1)",
    "\t=1+1 tab",
    "\r=1+1 cr",
)


# --- reading the files back ---------------------------------------------------


def xlsx_cells(data):
    """``(value, data_type)`` of every cell that has a value."""
    workbook = load_workbook(io.BytesIO(data))
    return [
        (cell.value, cell.data_type)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def odf_cells(data):
    """``(text, value type, formula)`` of every table cell (ODS and ODT)."""
    document = opendocument.load(io.BytesIO(data))
    return [
        (
            teletype.extractText(cell),
            cell.getAttribute("valuetype"),
            cell.getAttribute("formula"),
        )
        for cell in document.getElementsByType(odftable.TableCell)
    ]


def csv_cells(data, delimiter=",", quoted=True):
    """Every field; with ``quoted`` (the portal's CSV quotes every text) a
    bare field is read as the number it is."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    quoting = csv.QUOTE_NONNUMERIC if quoted else csv.QUOTE_MINIMAL
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quoting=quoting)
    return [value for row in reader for value in row]


def same(text, typed):
    """XML turns a CR into a line feed when read: compare without either."""
    return text.replace("\r", "\n").strip() == typed.replace("\r", "\n").strip()


def assert_neutralised(texts, typed):
    """No text begins a formula; each typed value is there, after an apostrophe."""
    for text in texts:
        assert not text.startswith(FORMULA_PREFIXES), repr(text)
    for value in typed:
        found = [t for t in texts if same(t.removeprefix("'"), value)]
        assert found, (value, texts)
        assert all(t.startswith("'") for t in found), (value, found)


def check_file(format, data, typed, quoted=True):
    if format == "xlsx":
        cells = xlsx_cells(data)
        assert all(kind != "f" for _value, kind in cells), cells
        texts = [value for value, kind in cells if kind == "s"]
        assert all(isinstance(value, str) for value in texts)
    elif format in ("ods", "odt"):
        cells = odf_cells(data)
        assert all(formula is None for _t, _k, formula in cells), cells
        texts = [text for text, kind, _f in cells if kind != "float"]
        assert all(kind == "string" for text, kind, _f in cells if text.startswith("'"))
    else:
        cells = csv_cells(data, "\t" if format == "tsv" else ",", quoted)
        texts = [value for value in cells if isinstance(value, str)]
    assert_neutralised(texts, typed)
    return texts


# --- the one function ---------------------------------------------------------


@pytest.mark.parametrize("value", DANGEROUS)
def test_safe_text_puts_an_apostrophe_before_a_formula(value):
    assert spreadsheets.safe_text(value) == "'" + value
    assert spreadsheets.cell_value(value) == "'" + value


def test_cell_value_keeps_numbers_and_dates_and_plain_text():
    from decimal import Decimal

    assert spreadsheets.cell_value(-123) == -123
    assert spreadsheets.cell_value(1.5) == 1.5
    assert spreadsheets.cell_value(Decimal("2.5")) == 2.5
    assert spreadsheets.cell_value(date(2026, 1, 2)) == "02/01/2026"
    assert spreadsheets.cell_value(None) == ""
    assert spreadsheets.cell_value("Nguyễn Văn A") == "Nguyễn Văn A"
    assert spreadsheets.cell_value("1+1=2") == "1+1=2"  # only the first character counts


@pytest.mark.parametrize("format", ["ods", "xlsx", "odt", "csv"])
def test_every_writer_writes_text_never_a_formula(format):
    table = spreadsheets.Table(
        name="=Sheet",
        heading=list(DANGEROUS[:2]),
        header=["STT", "=Tên", "Số"],
        rows=[[number, value, -5] for number, value in enumerate(DANGEROUS, start=1)],
        footer=[["+Tổng", "", 8]],
        signatures=[["-Người lập", "@ký"]],
    )
    if format == "csv":
        data = spreadsheets.to_csv(table.header, table.rows)
    else:
        data = spreadsheets.WRITERS[format](table)
    texts = check_file(format, data, DANGEROUS)
    # numbers the code writes stay numbers
    if format == "xlsx":
        numbers = [value for value, kind in xlsx_cells(data) if kind == "n"]
        assert numbers.count(-5) == len(DANGEROUS) and 8 in numbers
    elif format == "csv":
        assert csv_cells(data).count(-5) == len(DANGEROUS) and "'-5" not in texts
    else:
        floats = [text for text, kind, _f in odf_cells(data) if kind == "float"]
        assert floats.count("-5") == len(DANGEROUS)


# --- the exports of the portal ------------------------------------------------


def view(context, name, **form):
    request = context.REQUEST
    request.form.clear()
    request.form.update(form)
    request.response.setStatus(200)
    return api.content.get_view(name, context, request)


@pytest.fixture
def dangerous_articles(manager):
    """Published articles of September 2026, one a dangerous value: as title,
    author, source, royalty payee and unit (stored as typed, tab and CR too)."""
    api.user.get(userid=TEST_USER_ID).setMemberProperties({"fullname": "=1+1 thành viên"})
    items = []
    for number, value in enumerate(DANGEROUS):
        item = article(manager["tin-tuc"]["kinh-te"], f"x{number}", when="2026/09/10 08:00 GMT+7")
        item.title = value
        item.news_author = value
        item.news_source = value
        set_record(item, "tin", "1", "Người nhận", "Đơn vị")
        record = IAnnotations(item)[ANNOTATION_KEY]
        record["payee"] = value
        record["unit"] = value
        item.reindexObject()
        items.append(item)
    return items


@pytest.mark.parametrize("format", ["ods", "xlsx"])
def test_royalty_statement(manager, dangerous_articles, format):
    data = view(manager, "royalty-statement", month="2026-09", format=format)()
    assert manager.REQUEST.response.getHeader("Content-Type") == spreadsheets.FORMATS[format]
    check_file(format, data, DANGEROUS)


@pytest.mark.parametrize("format", ["odt", "ods", "xlsx"])
def test_contribution_ranking(manager, dangerous_articles, format):
    data = view(
        manager, "contribution-ranking", start="2026-09-01", end="2026-09-30", format=format
    )()
    assert manager.REQUEST.response.getStatus() == 200
    # the ranking trims names (tab and CR go), the rest is as typed
    texts = check_file(format, data, [value.strip() for value in DANGEROUS])
    assert any(same(t, "'=1+1 thành viên") for t in texts)  # the board member's name


@pytest.fixture
def dangerous_draft(manager):
    """A draft open for comments titled with a formula, and a comment per
    dangerous value (in every text field), through the form's validation for
    the values it keeps and as stored text for tab and CR (which it trims)."""
    draft = make_draft(manager, id="du-thao-cong-thuc")
    draft.title = '=HYPERLINK("http://example.invalid/?x","Dự thảo")'
    draft.reindexObject()
    for value in DANGEROUS:
        fields = {"name": value, "organisation": value, "article": value, "text": value}
        clean, errors = store.validate(
            dict(fields, email="binh@example.vn", consent=["comment_draft"])
        )
        assert not errors
        if value[0] in "\t\r":
            clean.update(fields)  # what a person could still type
        store.add(draft, clean, {"purposes": ["comment_draft"]})
    return draft


@pytest.mark.parametrize("format", ["ods", "csv"])
def test_draft_comments_export(manager, dangerous_draft, format):
    data = view(dangerous_draft, "draft-comments-export", format=format)()
    content_type = manager.REQUEST.response.getHeader("Content-Type")
    assert content_type.startswith("text/csv" if format == "csv" else spreadsheets.ODS_MIMETYPE)
    check_file(format, data, DANGEROUS)
    if format == "csv":
        assert csv_cells(data)[8] == 1  # the row number stays a number


def test_draft_comments_export_over_rest(functional, manager_request):
    import transaction

    draft = make_draft(functional["portal"], id="du-thao-rest")
    for value in DANGEROUS:
        store.add(
            draft,
            {"name": value, "email": "a@example.vn", "text": value},
            {"purposes": ["comment_draft"]},
        )
    transaction.commit()
    for format in ("csv", "ods"):
        response = manager_request.get(
            f"{draft.absolute_url()}/@draft-comments-export?format={format}"
        )
        assert response.status_code == 200, response.text
        check_file(format, response.content, DANGEROUS)


@pytest.mark.parametrize("format", ["odt", "ods", "xlsx"])
def test_activity_report(manager, dangerous_draft, format):
    today = date.today()
    data = view(
        manager,
        "activity-report",
        start=(today - timedelta(days=20)).isoformat(),
        end=today.isoformat(),
        format=format,
    )()
    assert manager.REQUEST.response.getStatus() == 200
    check_file(format, data, [dangerous_draft.title])


@pytest.mark.parametrize("format", ["csv", "tsv", "xlsx"])
def test_easyform_saved_data_downloads(manager, format):
    from collective.easyform.api import get_actions

    from dakto.policy.forms import setup as forms_setup

    form = manager[forms_setup.CONTACT_SECTION][forms_setup.CONTACT_ID]
    action = get_actions(form)["saved_data"]
    for value in DANGEROUS:
        action.addDataRow(
            {"ho_ten": value, "email": "lan@example.vn", "tieu_de": value, "noi_dung": value}
        )
    assert action.getSavedFormInput()[0]["ho_ten"] == DANGEROUS[0]  # stored as typed
    if format == "xlsx":
        data = action.get_saved_form_input_as_xlsx(header=True)
    else:
        data = action.getSavedFormInputForEdit(
            header=True, delimiter="\t" if format == "tsv" else ","
        )
    check_file(format, data, DANGEROUS, quoted=False)  # easyform quotes as needed only


def test_easyform_mailer_attachments(manager):
    """The CSV and XLSX a form's mailer can attach; the XML one and the
    mail's own text keep the text as typed."""
    from collective.easyform.api import get_actions

    from dakto.policy.forms import setup as forms_setup

    form = manager[forms_setup.CONTACT_SECTION][forms_setup.CONTACT_ID]
    mailer = get_actions(form)["mailer"]
    mailer.sendCSV = mailer.sendXLSX = mailer.sendXML = mailer.sendWithHeader = True
    mailer.showFields = ["ho_ten", "tieu_de", "noi_dung", "dien_thoai"]
    for value in DANGEROUS:
        fields = {"ho_ten": value, "tieu_de": value, "noi_dung": value, "dien_thoai": "-123"}
        attachments = {
            name.rsplit(".", 1)[1]: data
            for name, _mime, _enc, data in mailer.get_attachments(fields, manager.REQUEST)
        }
        assert set(attachments) == {"csv", "xlsx", "xml"}
        check_file("xlsx", attachments["xlsx"], [value, "-123"])
        check_file("csv", attachments["csv"], [value, "-123"], quoted=False)
        # the XML is not a spreadsheet: as typed
        texts = [e.text or "" for e in ElementTree.fromstring(attachments["xml"])]
        assert any(same(text, value) for text in texts), texts


def test_no_export_writes_spreadsheets_around_the_writers():
    """Any future export goes through dakto.policy.spreadsheets: no other
    module of the portal writes CSV, ODF or XLSX itself."""
    import re
    from pathlib import Path

    here = Path(spreadsheets.__file__).resolve()  # src/dakto.policy/src/dakto/policy/…
    allowed = {"spreadsheets.py", "saved_data.py"}
    # Reading a sheet (the bulk import: openpyxl's load_workbook) writes none.
    writer = re.compile(
        r"csv\.(writer|DictWriter)\(|^\s*(from|import) (openpyxl|odf)\b(?! import load_workbook$)"
        r"|\bWorkbook\(",
        re.M,
    )
    found = []
    packages = (here.parents[2], here.parents[4] / "dakto.theme" / "src")
    assert all(package.is_dir() for package in packages), packages
    for package in packages:
        for path in package.rglob("*.py"):
            if path.name not in allowed and writer.search(path.read_text(encoding="utf-8")):
                found.append(str(path))
    assert found == [], f"write exports with dakto.policy.spreadsheets: {found}"
