"""An old site's RSS 2.0 or Atom feed read as a news sheet (``columns.NEWS``).

Each item is a row (row 1 is the first item): its title, summary, body
(``content:encoded`` or Atom ``content``, else the summary), date, author,
image (an enclosure or ``media:content`` of an image type, fetched) and
link (the old address, kept as a redirect). The source is the feed's own
title (the old site's name). Parsed with defusedxml: a feed with entity
declarations is refused. A sitemap (root ``urlset`` or ``sitemapindex``) is
read by ``sitemaps.py``, its pages fetched; a gzipped file (``.xml.gz``) is
uncompressed first. ``author`` names the author of the items that give
none (``dakto import news --author``).
"""

import gzip
import io
import zlib
from email.utils import parsedate_to_datetime

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from dakto.policy import _
from dakto.policy.bulk_import.columns import NEWS
from dakto.policy.bulk_import.engine import MAX_FILE
from dakto.policy.bulk_import.sheets import Sheet


ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
MEDIA = "{http://search.yahoo.com/mrss/}"
FIELDS = (
    "title",
    "description",
    "text",
    "date",
    "news_source",
    "news_author",
    "image",
    "source_url",
)
HEADERS = {column.name: column.header for column in NEWS}
GZIP = b"\x1f\x8b"


class FeedError(ValueError):
    """The feed cannot be read; ``args[0]`` is the message (a msgid)."""


class TooManyRows(ValueError):
    """A sitemap lists more pages than the caller takes (``count``): said
    before its pages are fetched."""

    def __init__(self, count):
        super().__init__(count)
        self.count = count


def is_feed(data):
    """Does ``data`` look like XML (a feed, a sitemap) or gzip rather than a sheet?"""
    start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<") or data.startswith(GZIP)


def gunzip(data):
    """``data`` uncompressed if it is gzip (``sitemap.xml.gz``), at most ``MAX_FILE``."""
    if not data.startswith(GZIP):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
            data = unpacked.read(MAX_FILE + 1)
    except (OSError, EOFError, zlib.error):
        raise FeedError(_("The file is a damaged gzip archive.")) from None
    if len(data) > MAX_FILE:
        raise FeedError(
            _(
                "Uncompressed, the file is larger than ${size} MB.",
                mapping={"size": MAX_FILE // (1024 * 1024)},
            )
        )
    return data


def parse(data):
    """The root element of the XML ``data`` (bytes, maybe gzipped), read with
    defusedxml; FeedError if it is no XML or declares entities."""
    try:
        return ElementTree.fromstring(gunzip(data))
    except DefusedXmlException:
        raise FeedError(_("The file declares XML entities, which are not read.")) from None
    except ElementTree.ParseError:
        raise FeedError(
            _("The file is neither a spreadsheet nor a readable RSS/Atom feed or sitemap.")
        ) from None


def _text(element, tag):
    found = element.find(tag) if element is not None else None
    return (found.text or "").strip() if found is not None and found.text else ""


def item_date(text):
    """The date of an RFC 822 or ISO 8601 ``text``; other text as it is (the
    engine reads dd/mm/yyyy or reports it as not a date, with its row)."""
    if not text:
        return None
    try:
        return parsedate_to_datetime(text).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    from datetime import date

    try:
        return date.fromisoformat(text[:10])  # Atom, dc:date: ISO 8601
    except ValueError:
        return text  # the engine reports it as not a date, with its row


def _image(item):
    for tag in ("enclosure", f"{MEDIA}content", f"{MEDIA}thumbnail"):
        for element in item.findall(tag):
            kind = element.get("type", "")
            url = element.get("url", "")
            if url and (kind.startswith("image/") or tag.endswith("thumbnail") or not kind):
                return url
    return ""


def _rss_items(channel):
    source = _text(channel, "title")
    for item in channel.findall("item"):
        description = _text(item, "description")
        yield {
            "title": _text(item, "title"),
            "description": description,
            "text": _text(item, CONTENT) or description,
            "date": item_date(_text(item, "pubDate") or _text(item, DC_DATE)),
            "news_source": source,
            "news_author": _text(item, DC_CREATOR) or _text(item, "author"),
            "image": _image(item),
            "source_url": _text(item, "link") or _text(item, "guid"),
        }


def _atom_link(entry):
    for link in entry.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return ""


def _atom_items(feed):
    source = _text(feed, f"{ATOM}title")
    feed_author = _text(feed.find(f"{ATOM}author"), f"{ATOM}name")
    for entry in feed.findall(f"{ATOM}entry"):
        summary = _text(entry, f"{ATOM}summary")
        image = ""
        for link in entry.findall(f"{ATOM}link"):
            if link.get("rel") == "enclosure" and link.get("type", "").startswith("image/"):
                image = link.get("href", "")
        yield {
            "title": _text(entry, f"{ATOM}title"),
            "description": summary,
            "text": _text(entry, f"{ATOM}content") or summary,
            "date": item_date(_text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")),
            "news_source": source,
            "news_author": _text(entry.find(f"{ATOM}author"), f"{ATOM}name") or feed_author,
            "image": image or _image(entry),
            "source_url": _atom_link(entry),
        }


def read(data, source="", author="", max_rows=None, progress=None):
    """The ``Sheet`` of an RSS 2.0 or Atom feed or a sitemap (bytes) found at
    ``source`` (its address or file name); a sitemap of more than
    ``max_rows`` pages is TooManyRows, ``progress(done, total)`` follows the
    fetching of its pages."""
    from dakto.policy.bulk_import import sitemaps

    root = parse(data)
    errors = []
    if root.tag == "rss" and root.find("channel") is not None:
        rows = list(enumerate(_rss_items(root.find("channel")), start=1))
    elif root.tag == f"{ATOM}feed":
        rows = list(enumerate(_atom_items(root), start=1))
    elif sitemaps.is_sitemap(root):
        rows, errors = sitemaps.rows(root, source, max_rows=max_rows, progress=progress)
    else:
        raise FeedError(_("The XML file is neither an RSS 2.0 or Atom feed nor a sitemap."))
    if not rows and not errors:
        raise FeedError(_("The feed has no items."))
    sheet = Sheet(header=[HEADERS[name] for name in FIELDS], header_row=0, errors=errors)
    for number, item in rows:
        item["news_author"] = item["news_author"] or author
        sheet.rows.append((number, [item[name] or None for name in FIELDS]))
    return sheet
