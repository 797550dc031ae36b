"""What a file is, by its name and its first bytes: the one file-type module.

``sniff`` tells what the first bytes are (PDF, ODF, OOXML, old Office, RTF,
text, HTML, XML, images, programs). Two policies are built on it:

- open formats for published files (Thông tư 19/2011/TT-BTTTT): PDF for
  documents to read, ODF (TCVN 7978:2009 / ISO/IEC 26300) for editable ones,
  and the plain web formats. A file is judged by its name AND its first
  bytes: a Word file renamed ``.pdf`` is not a PDF. ``is_open``,
  ``open_format`` (a field constraint) and the messages;
- uploads: ``mismatch``, when the content is not what the name or the
  declared MIME type says (every upload check: File and Image content,
  every file field, feedback attachments).
"""

from pathlib import PurePosixPath

from dakto.policy import _
from dakto.policy.validation import MessageError


ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
    "odg": b"application/vnd.oasis.opendocument.graphics",
}
TEXT_FORMATS = ("txt", "csv")
HTML_FORMATS = ("html", "htm")
XML_FORMATS = ("xml",)
OPEN_EXTENSIONS = ("pdf", *ODF_MIMETYPES, *HTML_FORMATS, *TEXT_FORMATS, *XML_FORMATS)
ACCEPTED = "PDF, ODF (ODT, ODS, ODP, ODG), HTML, TXT, CSV, XML"
SNIFF_BYTES = 4096
# what the first bytes of images and programs are (documents: ``_document_kind``)
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"MZ", "executable"),
    (b"\x7fELF", "executable"),
    (b"\xca\xfe\xba\xbe", "executable"),
    (b"\xcf\xfa\xed\xfe", "executable"),
    (b"#!", "script"),
)
OOXML = "Office Open XML (DOCX/XLSX/PPTX)"
OLE = "Microsoft Office 97-2003 (DOC/XLS/PPT)"

FORMAT_LABELS = {
    "pdf": "PDF",
    "odt": "ODF (ODT)",
    "ods": "ODF (ODS)",
    "odp": "ODF (ODP)",
    "odg": "ODF (ODG)",
    "html": "HTML",
    "htm": "HTML",
    "txt": "TXT",
    "csv": "CSV",
    "xml": "XML",
}


def extension(filename):
    return PurePosixPath((filename or "").lower()).suffix.lstrip(".")


def head(value, size=SNIFF_BYTES):
    """The first bytes of a NamedFile / NamedBlobFile (or bytes)."""
    if isinstance(value, bytes):
        return value[:size]
    try:
        with value.open() as stream:
            return stream.read(size)
    except (AttributeError, TypeError, ValueError, OSError):
        data = getattr(value, "data", b"") or b""
        return data[:size]


def _is_text(data):
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        # a multi-byte character cut by the sniffing window is fine
        return error.start >= len(data) - 3 and len(data) >= SNIFF_BYTES - 3
    return True


def _document_kind(data):
    """What the first bytes say a document is: an open-format extension, or a
    label (PDF, ODF, OOXML, old Office, RTF, text, HTML, XML; else binary)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if data[30:38] == b"mimetype":
            for ext, mimetype in ODF_MIMETYPES.items():
                if data[38 : 38 + len(mimetype)] == mimetype:
                    return ext
        if b"word/" in data or b"xl/" in data or b"ppt/" in data or b"[Content_Types]" in data:
            return OOXML
        return "ZIP"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return OLE
    if data.startswith(b"{\\rtf"):
        return "RTF"
    if _is_text(data):
        start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
        if start.startswith(b"<!doctype html") or start.startswith(b"<html") or b"<html" in start:
            return "html"
        if start.startswith(b"<?xml"):
            return "xml"
        return "txt"
    return "binary"


def content_matches(ext, data):
    """Does the content of a file named ``*.ext`` (an open format) match its name?"""
    found = _document_kind(data)
    if ext == "pdf" or ext in ODF_MIMETYPES:
        return found == ext
    if ext in HTML_FORMATS:
        return found in ("html", "txt")
    if ext in XML_FORMATS:
        return found in ("xml", "html")
    if ext in TEXT_FORMATS:
        return found in ("txt", "html", "xml")
    return False


def is_open(value):
    """True when the file's name is an open format's and its content is that format."""
    if value is None:
        return False
    ext = extension(getattr(value, "filename", None))
    return ext in OPEN_EXTENSIONS and content_matches(ext, head(value))


def disguise_error(value):
    """The message when a file named as an open format has other content, else None."""
    if value is None:
        return None
    filename = getattr(value, "filename", None) or ""
    ext = extension(filename)
    if ext not in OPEN_EXTENSIONS:
        return None
    data = head(value)
    if content_matches(ext, data):
        return None
    found = _document_kind(data)
    return _(
        "The file '${name}' is named .${ext}, but its content is not ${label} "
        "(it looks like ${found}). Attach the real ${label} file.",
        mapping={
            "name": filename,
            "ext": ext,
            "label": FORMAT_LABELS.get(ext, ext.upper()),
            "found": FORMAT_LABELS.get(found, found),
        },
    )


def missing_open_copy(files):
    """The message when no file of ``files`` is in an open format, else None."""
    files = [f for f in files if f is not None]
    if not files or any(is_open(f) for f in files):
        return None
    names = ", ".join(getattr(f, "filename", "") or "?" for f in files)
    return _(
        "${names}: not in an open format (Thông tư 19/2011/TT-BTTTT). Accepted formats: "
        "${accepted}. Attach the document in one of them, or add an open-format copy "
        "(e.g. a PDF) next to this file.",
        mapping={"names": names, "accepted": ACCEPTED},
    )


def format_label(filename, value=None):
    """The format to show next to a download link."""
    ext = extension(filename)
    if ext in FORMAT_LABELS:
        return FORMAT_LABELS[ext]
    return ext.upper()


class NotAnOpenFormat(MessageError):
    """A file field's value is not an open-format file."""


def open_format(value):
    """A field constraint: the file is an open format by its name and content."""
    if value is None or is_open(value):
        return True
    raise NotAnOpenFormat(disguise_error(value) or missing_open_copy([value]))


# Uploads: what a name or a declared MIME type promises.

# extension -> what its content must sniff as
EXPECTED = {
    "pdf": ("pdf",),
    "png": ("png",),
    "jpg": ("jpeg",),
    "jpeg": ("jpeg",),
    "gif": ("gif",),
    "docx": (OOXML,),
    "xlsx": (OOXML,),
    "pptx": (OOXML,),
    "doc": (OLE,),
    "xls": (OLE,),
    "ppt": (OLE,),
    "zip": ("ZIP", OOXML, *ODF_MIMETYPES),
    **{ext: (ext,) for ext in ODF_MIMETYPES},
}
# declared MIME type -> what the content must sniff as
MIME_EXPECTED = {
    "application/pdf": ("pdf",),
    "image/png": ("png",),
    "image/jpeg": ("jpeg",),
    "image/gif": ("gif",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (OOXML,),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (OOXML,),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (OOXML,),
    **{mime.decode(): (ext,) for ext, mime in ODF_MIMETYPES.items()},
}
LABELS = {
    "png": "PNG",
    "jpeg": "JPEG",
    "gif": "GIF",
    "executable": _("a program (executable)"),
    "script": _("a script"),
    "binary": _("unknown binary data"),
    **FORMAT_LABELS,
}


def sniff(data):
    """The kind of ``data`` (bytes): an extension-like name or a label."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    return _document_kind(data)


def label(kind):
    return LABELS.get(kind, kind)


def mismatch(filename, content_type, data):
    """The message when the content is not what its name or MIME type says, else None.

    Programs are refused whatever they are called; names and types this
    module has no rule for are left alone (other checks may limit them).
    """
    data = head(data)
    if not data:
        return None
    found = sniff(data)
    ext = extension(filename)
    name = filename or "?"
    if found == "executable":
        return _(
            "The file '${name}' is a program, which cannot be uploaded.", mapping={"name": name}
        )
    expected = EXPECTED.get(ext)
    if expected is None and ext in OPEN_EXTENSIONS:
        if not content_matches(ext, data):
            expected = (ext,)
    if expected is not None and found not in expected:
        return _(
            "The file '${name}' is named .${ext}, but its content is ${found}. "
            "Upload the real file.",
            mapping={"name": name, "ext": ext, "found": label(found)},
        )
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in MIME_EXPECTED and found not in MIME_EXPECTED[mime]:
        return _(
            "The file '${name}' was sent as ${mime}, but its content is ${found}. "
            "Upload the real file.",
            mapping={"name": name, "mime": mime, "found": label(found)},
        )
    return None
