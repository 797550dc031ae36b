"""Open formats (Thông tư 19/2011): judged by name and by the first bytes."""

from zope.i18n import translate

from dakto.policy import formats

from .helpers import DOCX
from .helpers import ODT
from .helpers import PDF
from .helpers import blob


def _en(message):
    return translate(message, target_language="en")


def test_sniffing():
    assert formats.sniff(PDF) == "pdf"
    assert formats.sniff(ODT) == "odt"
    assert formats.sniff(DOCX).startswith("Office Open XML")
    assert formats.sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 50).startswith("Microsoft")
    assert formats.sniff("Thông báo\n".encode()) == "txt"
    assert formats.sniff(b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert formats.sniff(b"\x89PNG\r\n\x1a\n\0\0") == "binary"


def test_open_files():
    assert formats.is_open(blob(PDF, "qd.pdf"))
    assert formats.is_open(blob(ODT, "qd.odt"))
    assert formats.is_open(blob("Thông báo".encode(), "tb.txt"))
    assert formats.is_open(blob(b"<html><body>x</body></html>", "tb.html"))
    assert not formats.is_open(blob(DOCX, "qd.docx"))
    assert not formats.is_open(blob(PDF, "qd.doc"))  # the name decides too


def test_renamed_file_is_caught():
    assert not formats.is_open(blob(DOCX, "qd.pdf"))
    message = _en(formats.disguise_error(blob(DOCX, "qd.pdf")))
    assert "qd.pdf" in message and "not PDF" in message and "Office Open XML" in message
    assert formats.disguise_error(blob(PDF, "qd.odt")) is not None  # a PDF named .odt
    assert formats.disguise_error(blob(b"\0\1\2binary", "tb.txt")) is not None
    assert formats.disguise_error(blob(PDF, "qd.pdf")) is None
    assert formats.disguise_error(blob(DOCX, "qd.docx")) is None  # not claiming to be open


def test_docx_alone_refused_with_the_accepted_formats():
    message = _en(formats.missing_open_copy([blob(DOCX, "qd.docx"), None]))
    assert "qd.docx" in message
    for label in ("PDF", "ODT", "ODS", "ODP", "HTML", "TXT"):
        assert label in message
    assert "19/2011" in message


def test_docx_with_an_open_copy_accepted():
    assert formats.missing_open_copy([blob(DOCX, "qd.docx"), blob(PDF, "qd.pdf")]) is None
    assert formats.missing_open_copy([blob(PDF, "qd.pdf"), None]) is None
    # a renamed Word file is no open copy
    assert formats.missing_open_copy([blob(DOCX, "qd.docx"), blob(DOCX, "qd.pdf")]) is not None
