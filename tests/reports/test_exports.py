"""The report's page (SVG charts, tables), its ODT/ODS/XLSX exports read back
with odfpy and openpyxl, and the contribution ranking."""

import io

from odf import opendocument
from odf import table as odftable
from odf import teletype
from odf import text as odftext
from openpyxl import load_workbook
from plone import api

from dakto.policy.reports.ranking import contribution_ranking
from tests.reports.site import PERIOD
from tests.reports.site import build
from tests.reports.test_report import PERIOD as REPORT_PERIOD


def view(portal, name, **form):
    request = portal.REQUEST
    request.form.clear()
    request.form.update(form)
    request.response.setStatus(200)
    return api.content.get_view(name, portal, request)


def odf_rows(sheet):
    return [
        [teletype.extractText(cell) for cell in row.getElementsByType(odftable.TableCell)]
        for row in sheet.getElementsByType(odftable.TableRow)
    ]


def test_page_exports_and_ranking(portal):
    build(portal)
    api.portal.set_registry_record("dakto.identity.body_name", "Ủy ban nhân dân thị trấn Đắk Tô")
    api.portal.set_registry_record("dakto.identity.town", "thị trấn Đắk Tô")
    start, end = PERIOD

    # The page: a chart per section with numbers, and the same numbers in tables.
    html = view(portal, "activity-report", start=start, end=end)()
    assert portal.REQUEST.response.getStatus() == 200
    assert html.count('role="img"') == 8  # every section with a chart series
    assert '<title id="chart-articles_by_section-title">' in html
    assert "Kinh tế: 2; Văn hóa - Xã hội: 2" in html  # the chart's <desc>
    assert '<th scope="col"' in html and '<th scope="row">Kinh tế</th>' in html
    assert "01/01/2026" in html and "30/06/2026" in html

    # ODT: the body's header, the period, each section's table, the signatures.
    data = view(portal, "activity-report", start=start, end=end, format="odt")()
    response = portal.REQUEST.response
    assert response.getHeader("Content-Type") == "application/vnd.oasis.opendocument.text"
    assert 'filename="bao-cao-hoat-dong-2026-01-01_2026-06-30.odt"' in response.getHeader(
        "Content-Disposition"
    )
    document = opendocument.load(io.BytesIO(data))
    paragraphs = [teletype.extractText(p) for p in document.text.getElementsByType(odftext.P)]
    assert paragraphs[0] == "ỦY BAN NHÂN DÂN THỊ TRẤN ĐẮK TÔ"
    assert any(p.startswith("Thị trấn Đắk Tô, ") for p in paragraphs[:5])
    assert any("01/01/2026" in p and "30/06/2026" in p for p in paragraphs[:7])
    headings = [teletype.extractText(h) for h in document.text.getElementsByType(odftext.H)]
    # 13 parts, then the page views by section, the most read pages, the proposals
    assert len(headings) == 16 and headings[0].startswith("1. ")
    assert headings[-1] == "16. Đề xuất, kiến nghị"
    grids = document.text.getElementsByType(odftable.Table)
    summary = odf_rows(grids[0])
    assert [row[1] for row in summary[1:]] == ["4", "4", "5", "0", "1", "2", "1", "2", "1", "0"]
    by_channel = odf_rows(grids[4])
    assert by_channel[-1][1:] == ["4", "3", "2", "1", "1"]
    signatures = odf_rows(grids[-1])
    assert len(signatures[0]) == 2 and signatures[0][0] and signatures[0][1]

    # ODS: one sheet a section, the header lines then the table.
    data = view(portal, "activity-report", start=start, end=end, format="ods")()
    sheets = opendocument.load(io.BytesIO(data)).spreadsheet.getElementsByType(odftable.Table)
    assert len(sheets) == 16
    rows = odf_rows(sheets[2])  # articles by month
    assert rows[0] == ["ỦY BAN NHÂN DÂN THỊ TRẤN ĐẮK TÔ"]
    months = [row for row in rows if len(row) > 1 and row[0].endswith("/2026")]
    assert [(m[0], m[1]) for m in months] == [
        ("01/2026", "1"),
        ("02/2026", "0"),
        ("03/2026", "2"),
        ("04/2026", "0"),
        ("05/2026", "0"),
        ("06/2026", "1"),
    ]
    promotions = odf_rows(sheets[-4])  # before the two usage parts and the proposals
    assert any("Quảng bá pr1" in row for row in promotions)

    # XLSX: the same cells, numbers as numbers.
    data = view(portal, "activity-report", start=start, end=end, format="xlsx")()
    workbook = load_workbook(io.BytesIO(data))
    assert len(workbook.sheetnames) == 16
    sheet = workbook[workbook.sheetnames[4]]  # received by channel
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "ỦY BAN NHÂN DÂN THỊ TRẤN ĐẮK TÔ"
    totals = [row for row in values if row[1:6] == (4, 3, 2, 1, 1) or row[1:6] == [4, 3, 2, 1, 1]]
    assert len(totals) == 1
    feedback = [list(r) for r in workbook[workbook.sheetnames[6]].iter_rows(values_only=True)]
    # the page counts lateness today (29/11/2026 here): f4 is late too
    # the last row: items the citizen got a progress notice for (none here)
    assert [r[1] for r in feedback if isinstance(r[1], int)] == [5, 2, 1, 3, 1, 2, 0]

    # An unknown format is a 400 with the page, not an export.
    html = view(portal, "activity-report", start=start, end=end, format="pdf")()
    assert portal.REQUEST.response.getStatus() == 400 and "odt, ods" in html

    # The contribution ranking: articles published in the period.
    ranking = contribution_ranking(REPORT_PERIOD)
    found = {
        r["id"]: [(i["rank"], i["name"], i["articles"]) for i in r["entries"]]
        for r in ranking["rankings"]
    }
    assert ranking["articles"] == 4
    assert found["authors"] == [
        (1, "Nguyễn Thị Lan", 2),
        (2, "Trần Văn Bình", 1),
        (2, "Y Blông", 1),
    ]
    assert found["members"] == [(1, "Nguyễn Thị Lan", 3), (2, "Trần Văn Bình", 1)]
    assert found["sources"] == [
        (1, "UBND thị trấn Đắk Tô", 2),
        (2, "Tổ dân phố 2", 1),
        (2, "Trường THCS Đắk Tô", 1),
    ]
    assert found["units"] == [(1, "Trường THCS", 1), (1, "Văn phòng HĐND - UBND", 1)]
    html = view(portal, "contribution-ranking", start=start, end=end)()
    assert '<th scope="row">Nguyễn Thị Lan</th>' in html
    data = view(portal, "contribution-ranking", start=start, end=end, format="xlsx")()
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert [1, "Nguyễn Thị Lan", 2] in [list(r) for r in sheet.iter_rows(values_only=True)]
