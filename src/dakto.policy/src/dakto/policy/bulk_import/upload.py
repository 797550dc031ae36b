"""An uploaded file imported from the site (the administrator's page and
``POST @bulk-import/KIND``): the same check and write as the command, for
small files. The upload is a sheet (or, for news, a feed or a sitemap, whose
pages are fetched), or a ZIP archive holding one sheet and the files its rows
name (the command's ``--files`` folder)."""

import io
import tempfile
import zipfile
from pathlib import Path
from pathlib import PurePosixPath

from dakto.policy import _
from dakto.policy.bulk_import import engine
from dakto.policy.bulk_import import feeds
from dakto.policy.bulk_import import sheets
from dakto.policy.bulk_import.kinds import importer


MAX_ROWS = 2000  # more: the command (a request must not hold the site for minutes)
MAX_UPLOAD = 200 * 1024 * 1024
SHEET_SUFFIXES = (".xlsx", ".ods", ".csv", ".xml", ".rss", ".atom")


class UploadError(ValueError):
    """The upload cannot be imported; ``args[0]`` is the message."""


def _is_plain_zip(data):
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        sheets.kind_of(data)
    except sheets.SheetError:
        return True  # a ZIP that is no spreadsheet: an archive of a sheet and files
    return False


def _unpack(data, folder):
    """The sheet's bytes of a ZIP ``data`` unpacked into ``folder``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
        total = sum(m.file_size for m in members)
    except zipfile.BadZipFile:
        raise UploadError(_("The file is a damaged ZIP archive, not a spreadsheet.")) from None
    if total > MAX_UPLOAD:
        raise UploadError(_("The ZIP archive is too large: use the command dakto import."))
    found = []
    for member in members:
        path = PurePosixPath(member.filename)
        if path.is_absolute() or ".." in path.parts:
            continue  # never outside the folder
        target = folder.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(archive.read(member))
        if len(path.parts) == 1 and path.suffix.lower() in SHEET_SUFFIXES:
            found.append(target)
    if len(found) != 1:
        raise UploadError(
            _(
                "The ZIP archive must hold exactly one sheet (XLSX, ODS or CSV) at its top, "
                "beside the files its rows name."
            )
        )
    return found[0].read_bytes()


def _too_many(count):
    return UploadError(
        _(
            "The file has ${count} rows: from the site at most ${max}; import it with the "
            "command dakto import.",
            mapping={"count": count, "max": MAX_ROWS},
        )
    )


def read(kind, data, author=""):
    """The ``Sheet`` of ``data`` (a sheet, or a feed or sitemap for news, whose
    items without an author take ``author``)."""
    try:
        if kind == "news" and feeds.is_feed(data):
            sheet = feeds.read(data, author=author, max_rows=MAX_ROWS)  # no more pages fetched
        else:
            sheet = sheets.read(data)
    except (sheets.SheetError, feeds.FeedError) as error:
        raise UploadError(error.args[0]) from None
    except feeds.TooManyRows as error:
        raise _too_many(error.count) from None
    if len(sheet.rows) > MAX_ROWS:
        raise _too_many(len(sheet.rows))
    return sheet


def run(portal, kind, data, author=""):
    """Import the upload ``data``: a ``Result``, or ``engine.Refused`` /
    ``UploadError`` with nothing written; ``author`` is the default author of
    a feed's or sitemap's articles (``dakto import news --author``)."""
    if not data:
        raise UploadError(_("Choose a file to import."))
    with tempfile.TemporaryDirectory(prefix="dakto-import-") as folder:
        files_dir = None
        if _is_plain_zip(data):
            data = _unpack(data, Path(folder))
            files_dir = folder
        sheet = read(kind, data, author)
        return engine.run(portal, importer(kind), sheet, files_dir=files_dir)
