"""Issue 19.9, the ODT: the activity report's charts are in the ODT, drawn
so that their labels are at least 12 px (9 pt) tall (they were left out)."""

import io
import re
import zipfile

from odf import draw
from odf import opendocument

from tests.reports.site import PERIOD
from tests.reports.site import build
from tests.reports.test_exports import view


def test_odt_has_the_charts_with_readable_labels(portal):
    build(portal)
    start, end = PERIOD
    html = view(portal, "activity-report", start=start, end=end)()
    charts = html.count('class="report-chart"')
    assert charts == 8  # the daily-updates chart (Article 8.1) since 1005
    data = view(portal, "activity-report", start=start, end=end, format="odt")()
    document = opendocument.load(io.BytesIO(data))
    frames = document.text.getElementsByType(draw.Frame)
    assert len(frames) == charts
    archive = zipfile.ZipFile(io.BytesIO(data))
    for frame in frames:
        width_px = float(frame.getAttribute("width").removesuffix("in")) * 96
        href = frame.getElementsByType(draw.Image)[0].getAttribute("href")
        svg = archive.read(href).decode("utf-8")
        viewbox_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
        sizes = {float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)}
        assert sizes and min(sizes) * width_px / viewbox_width >= 12, (href, sizes, width_px)
