"""A horizontal bar chart as inline SVG, drawn on the server.

No JavaScript and no library: ``role="img"`` with a ``<title>`` and a
``<desc>`` (listing every value) for screen readers, text in the document's
font, the value printed at the end of each bar. The same numbers are in a
table beside it on the page.
"""

from xml.sax.saxutils import escape


# Drawn at the size of a phone's column (WIDTH user units ≈ CSS px at 100 %
# zoom on a 390 px screen; the theme caps its width on wide screens, and the
# ODT draws it WIDTH px wide): the labels stay FONT px tall, never shrunk to
# a few pixels. Each label is on its own line above its bar.
WIDTH = 300
FONT = 14
LABEL = 20  # the label's line
BAR = 18
GAP = 10
VALUE_WIDTH = 50
BAR_WIDTH = WIDTH - VALUE_WIDTH
COLOUR = "#1f5fa8"
ROW = LABEL + BAR + GAP


def _clip(text, length=40):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def chart_height(count):
    """The chart's height in user units for ``count`` bars."""
    return max(GAP + count * ROW, ROW + GAP)


def bar_chart(id, title, labels, values):
    """The SVG markup of one bar chart; ``id`` makes the title/desc ids unique."""
    labels = [str(label) for label in labels]
    values = [v if isinstance(v, (int, float)) else 0 for v in values]
    highest = max(values, default=0) or 1
    height = chart_height(len(values))
    description = "; ".join(
        f"{label}: {value}" for label, value in zip(labels, values, strict=True)
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'width="100%" viewBox="0 0 {WIDTH} {height}" '
        f'preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{id}-title {id}-desc">',
        f'<title id="{id}-title">{escape(str(title))}</title>',
        f'<desc id="{id}-desc">{escape(description)}</desc>',
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = GAP + index * ROW
        length = round(BAR_WIDTH * value / highest) if value > 0 else 0
        parts.append(
            f'<text x="0" y="{y + FONT}" font-size="{FONT}" fill="#222">'
            f"{escape(_clip(label))}</text>"
        )
        parts.append(
            f'<rect x="0" y="{y + LABEL}" width="{max(length, 1)}" height="{BAR}" fill="{COLOUR}"/>'
        )
        parts.append(
            f'<text x="{length + 6}" y="{y + LABEL + FONT}" font-size="{FONT}" '
            f'fill="#222">{escape(str(value))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
