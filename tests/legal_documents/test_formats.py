"""Open formats (Thông tư 19/2011): judged by name and by the first bytes."""

from zope.i18n import translate

from dakto.policy import filetypes

from .helpers import DOCX
from .helpers import ODT
from .helpers import PDF
from .helpers import blob


def _en(message):
    return translate(message, target_language="en")


def test_sniffing():
    assert filetypes.sniff(PDF) == "pdf"
    assert filetypes.sniff(ODT) == "odt"
    assert filetypes.sniff(DOCX).startswith("Office Open XML")
    assert filetypes.sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 50).startswith("Microsoft")
    assert filetypes.sniff("Thông báo\n".encode()) == "txt"
    assert filetypes.sniff(b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert filetypes.sniff(b"\x89PNG\r\n\x1a\n\0\0") == "png"
    assert filetypes.sniff(b"\0\1\2") == "binary"


def test_one_sniffer_for_open_formats_and_uploads():
    """The open-format check and the upload check read the same bytes alike
    (filetypes is the one module): a PNG named .pdf is refused by both; a text
    that starts like a script is still a text file by the open-format rules."""
    png = b"\x89PNG\r\n\x1a\n\0\0"
    assert not filetypes.is_open(blob(png, "qd.pdf"))
    assert filetypes.mismatch("qd.pdf", "application/pdf", png) is not None
    assert filetypes.is_open(blob(b"#!/bin/sh\necho", "ghi-chu.txt"))
    assert filetypes.mismatch("qd.pdf", None, PDF) is None


def test_open_files():
    assert filetypes.is_open(blob(PDF, "qd.pdf"))
    assert filetypes.is_open(blob(ODT, "qd.odt"))
    assert filetypes.is_open(blob("Thông báo".encode(), "tb.txt"))
    assert filetypes.is_open(blob(b"<html><body>x</body></html>", "tb.html"))
    assert not filetypes.is_open(blob(DOCX, "qd.docx"))
    assert not filetypes.is_open(blob(PDF, "qd.doc"))  # the name decides too


def test_renamed_file_is_caught():
    assert not filetypes.is_open(blob(DOCX, "qd.pdf"))
    message = _en(filetypes.disguise_error(blob(DOCX, "qd.pdf")))
    assert "qd.pdf" in message and "not PDF" in message and "Office Open XML" in message
    assert filetypes.disguise_error(blob(PDF, "qd.odt")) is not None  # a PDF named .odt
    assert filetypes.disguise_error(blob(b"\0\1\2binary", "tb.txt")) is not None
    assert filetypes.disguise_error(blob(PDF, "qd.pdf")) is None
    assert filetypes.disguise_error(blob(DOCX, "qd.docx")) is None  # not claiming to be open


def test_docx_alone_refused_with_the_accepted_formats():
    message = _en(filetypes.missing_open_copy([blob(DOCX, "qd.docx"), None]))
    assert "qd.docx" in message
    for label in ("PDF", "ODT", "ODS", "ODP", "HTML", "TXT"):
        assert label in message
    assert "19/2011" in message


def test_docx_with_an_open_copy_accepted():
    assert filetypes.missing_open_copy([blob(DOCX, "qd.docx"), blob(PDF, "qd.pdf")]) is None
    assert filetypes.missing_open_copy([blob(PDF, "qd.pdf"), None]) is None
    # a renamed Word file is no open copy
    assert filetypes.missing_open_copy([blob(DOCX, "qd.docx"), blob(DOCX, "qd.pdf")]) is not None
