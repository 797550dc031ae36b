"""Small PDF files for the demo forms (mẫu đơn, tờ khai): a title and a few lines.

PDF is an open format (TT 19/2011); the text is folded to ASCII so that the
standard Helvetica font shows it without embedding a Vietnamese font.
"""

from dakto.policy.text import fold


def _escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _ascii(text):
    """``text`` without diacritics, capitals kept."""
    folded = fold(text)
    if len(folded) != len(text):
        return folded
    return "".join(p.upper() if o.isupper() else p for o, p in zip(text, folded, strict=True))


def simple_pdf(title, lines=()):
    """A one-page A4 PDF with ``title`` and ``lines``; returns bytes."""
    rows = [("F1", 16, _ascii(title))] + [("F1", 11, _ascii(line)) for line in lines]
    content = ["BT", "50 790 Td"]
    for index, (font, size, text) in enumerate(rows):
        if index:
            content.append("0 -22 Td")
        content.append(f"/{font} {size} Tf ({_escape(text)}) Tj")
    content.append("ET")
    stream = "\n".join(content).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
