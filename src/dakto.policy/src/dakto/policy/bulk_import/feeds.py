"""An old site's RSS 2.0 or Atom feed read as a news sheet (``columns.NEWS``).

Each item is a row (row 1 is the first item): its title, summary, body
(``content:encoded`` or Atom ``content``, else the summary), date, author,
image (an enclosure or ``media:content`` of an image type, fetched) and
link (the old address, kept as a redirect). The source is the feed's own
title (the old site's name). Parsed with defusedxml: a feed with entity
declarations is refused.
"""

from email.utils import parsedate_to_datetime

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from dakto.policy import _
from dakto.policy.bulk_import.columns import NEWS
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


class FeedError(ValueError):
    """The feed cannot be read; ``args[0]`` is the message (a msgid)."""


def is_feed(data):
    """Does ``data`` look like XML (a feed) rather than a sheet?"""
    start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<")


def _text(element, tag):
    found = element.find(tag) if element is not None else None
    return (found.text or "").strip() if found is not None and found.text else ""


def _date(text):
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
            "date": _date(_text(item, "pubDate") or _text(item, DC_DATE)),
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
            "date": _date(_text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")),
            "news_source": source,
            "news_author": _text(entry.find(f"{ATOM}author"), f"{ATOM}name") or feed_author,
            "image": image or _image(entry),
            "source_url": _atom_link(entry),
        }


def read(data, source=""):
    """The ``Sheet`` of an RSS 2.0 or Atom feed (bytes)."""
    try:
        root = ElementTree.fromstring(data)
    except DefusedXmlException:
        raise FeedError(_("The feed declares XML entities, which are not read.")) from None
    except ElementTree.ParseError:
        raise FeedError(
            _("The file is neither a spreadsheet nor a readable RSS/Atom feed.")
        ) from None
    if root.tag == "rss" and root.find("channel") is not None:
        items = list(_rss_items(root.find("channel")))
    elif root.tag == f"{ATOM}feed":
        items = list(_atom_items(root))
    else:
        raise FeedError(_("The XML file is not an RSS 2.0 or Atom feed."))
    if not items:
        raise FeedError(_("The feed has no items."))
    sheet = Sheet(header=[HEADERS[name] for name in FIELDS], header_row=0)
    for number, item in enumerate(items, start=1):
        sheet.rows.append((number, [item[name] or None for name in FIELDS]))
    return sheet
