"""Issue 19.9 on screen: the activity report's chart labels are at least
12 px tall at 100 % zoom, at 390 px and 1366 px (they were about 5 px on a
phone); axe-core finds no violation in the report."""

import pytest

from tests.browser import chromium


PHONE = (390, 844)
DESKTOP = (1366, 900)
REPORT = "/@@activity-report?start=2026-01-01&end=2026-12-31"

MEASURE = """
return [...document.querySelectorAll('svg.report-chart')].map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')];
  return {
    sizes: texts.map(t => parseFloat(t.getAttribute('font-size')) * scale),
    boxes: texts.map(t => t.getBoundingClientRect().height),
  };
});
"""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_chart_labels_are_readable(site, logged_in, size):
    chromium.set_width(logged_in, size)
    logged_in.get(site + REPORT)
    charts = logged_in.execute_script(MEASURE)
    assert charts, "no chart in the report"
    for chart in charts:
        assert chart["sizes"] and min(chart["sizes"]) >= 12, chart
        assert min(chart["boxes"]) >= 12, chart
    assert logged_in.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth"
    )
    violations = chromium.run_axe(logged_in, "#content")
    assert not violations, chromium.describe(violations)
