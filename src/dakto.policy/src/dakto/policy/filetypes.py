"""What an uploaded file really is, by its first bytes, and whether that
matches its name and declared MIME type.

Built on ``formats.sniff`` (PDF, ODF, OOXML, old Office, RTF, text, HTML,
XML); adds images and executables. Every upload check (File and Image
content, every file field, feedback attachments) uses ``mismatch``.
"""

from dakto.policy import _
from dakto.policy import formats


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
    "zip": ("ZIP", OOXML, *formats.ODF_MIMETYPES),
    **{ext: (ext,) for ext in formats.ODF_MIMETYPES},
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
    **{mime.decode(): (ext,) for ext, mime in formats.ODF_MIMETYPES.items()},
}
LABELS = {
    "png": "PNG",
    "jpeg": "JPEG",
    "gif": "GIF",
    "executable": _("a program (executable)"),
    "script": _("a script"),
    "binary": _("unknown binary data"),
    **formats.FORMAT_LABELS,
}


def sniff(data):
    """The kind of ``data`` (bytes): an extension-like name or a label."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    return formats.sniff(data)


def label(kind):
    return LABELS.get(kind, kind)


def mismatch(filename, content_type, data):
    """The message when the content is not what its name or MIME type says, else None.

    Programs are refused whatever they are called; names and types this
    module has no rule for are left alone (other checks may limit them).
    """
    data = formats.head(data) if not isinstance(data, bytes) else data[: formats.SNIFF_BYTES]
    if not data:
        return None
    found = sniff(data)
    ext = formats.extension(filename)
    name = filename or "?"
    if found == "executable":
        return _(
            "The file '${name}' is a program, which cannot be uploaded.", mapping={"name": name}
        )
    expected = EXPECTED.get(ext)
    if expected is None and ext in formats.OPEN_EXTENSIONS:
        if not formats.content_matches(ext, data):
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
