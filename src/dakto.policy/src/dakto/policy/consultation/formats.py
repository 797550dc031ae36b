"""Open formats for published files (Thông tư 19/2011/TT-BTTTT).

A small local check: the legal_documents feature had no shared open-format
module when this was written. When one exists, import it here instead.
Files are judged by their extension (PDF for read-only documents, ODF for
editable ones, and plain web formats).
"""

from pathlib import PurePosixPath

from zope.schema import ValidationError

from dakto.policy import _


OPEN_EXTENSIONS = ("pdf", "odt", "ods", "odp", "odg", "html", "htm", "txt", "csv", "xml")


class NotAnOpenFormat(ValidationError):
    __doc__ = _(
        "This file is not in an open format. Accepted formats: PDF, ODF (ODT, ODS, ODP, ODG), "
        "HTML, TXT, CSV, XML (Thông tư 19/2011/TT-BTTTT)."
    )


def is_open_format(filename):
    return PurePosixPath((filename or "").lower()).suffix.lstrip(".") in OPEN_EXTENSIONS


def open_format(value):
    """A field constraint: the file's name ends in an open format's extension."""
    if value is not None and not is_open_format(getattr(value, "filename", None)):
        raise NotAnOpenFormat()
    return True
