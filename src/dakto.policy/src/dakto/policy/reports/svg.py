"""A horizontal bar chart as inline SVG, drawn on the server.

No JavaScript and no library: ``role="img"`` with a ``<title>`` and a
``<desc>`` (listing every value) for screen readers, text in the document's
font, the value printed at the end of each bar. The same numbers are in a
table beside it on the page.
"""

from xml.sax.saxutils import escape


BAR = 22
GAP = 8
LABEL_WIDTH = 220
BAR_WIDTH = 360
VALUE_WIDTH = 60
COLOUR = "#1f5fa8"


def _clip(text, length=34):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def bar_chart(id, title, labels, values):
    """The SVG markup of one bar chart; ``id`` makes the title/desc ids unique."""
    labels = [str(label) for label in labels]
    values = [v if isinstance(v, (int, float)) else 0 for v in values]
    highest = max(values, default=0) or 1
    height = GAP + len(values) * (BAR + GAP)
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    description = "; ".join(
        f"{label}: {value}" for label, value in zip(labels, values, strict=True)
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'width="100%" viewBox="0 0 {width} {max(height, BAR + 2 * GAP)}" '
        f'preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{id}-title {id}-desc">',
        f'<title id="{id}-title">{escape(str(title))}</title>',
        f'<desc id="{id}-desc">{escape(description)}</desc>',
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = GAP + index * (BAR + GAP)
        length = round(BAR_WIDTH * value / highest) if value > 0 else 0
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR * 0.7:.1f}" text-anchor="end" '
            f'font-size="13" fill="#222">{escape(_clip(label))}</text>'
        )
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(length, 1)}" height="{BAR}" '
            f'fill="{COLOUR}"/>'
        )
        parts.append(
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR * 0.7:.1f}" font-size="13" '
            f'fill="#222">{escape(str(value))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
