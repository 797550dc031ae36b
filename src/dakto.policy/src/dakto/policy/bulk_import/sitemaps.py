"""An old site's sitemap (sitemaps.org, with Google's news and image
extensions) read as a news sheet: every page it lists is fetched and read
as an article.

Each ``<url>`` is a row, numbered by its position (row 1 is the first; the
sitemaps of a sitemap index follow each other, in the index's order). Its
page (``<loc>``) is fetched like any file of a row (``engine.fetch``: http or
https only, 30 s time-out, at most 100 MB), ``WORKERS`` at a time, and read
with lxml's HTML parser:

- title: ``og:title``, else ``news:title``, else the first ``<h1>``, else
  ``<title>``;
- date: ``article:published_time``, else ``news:publication_date``, else the
  first ``<time datetime>``, else ``<lastmod>``;
- summary: ``og:description``, else the ``description`` meta;
- body: the ``<article>`` element, else ``<main>``, else the element of role
  ``main``, without its scripts, styles, forms, navigation and first
  ``<h1>`` (the title), its links and images made absolute; stored as the
  news body is (shown through Plone's safe-HTML filter); else the summary;
- image: ``og:image``, else the sitemap's ``image:loc`` (fetched);
- source: ``og:site_name``, else ``news:publication/news:name``, else the
  page's host name; author: the ``author`` meta, else the default given
  (``--author``), else the row is refused as any article without an author;
- old address: the ``<loc>``, kept as a redirect like a feed item's link.

One site only: the sitemap's (the host of its address; for a saved file, of
its first ``<loc>``; ``www.`` and the port aside). An index naming a sitemap
on another host is refused; a page on another host is its row's error (its
redirect would take a path of the portal for another site's page). A page
that cannot be fetched or has no title is its row's error too, with its
address, and the file is refused as for any row (``engine.check``).
The XML is read with defusedxml (``feeds.parse``): entities are refused.
"""

import html
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from dakto.policy import _
from dakto.policy.bulk_import import feeds
from dakto.policy.bulk_import.engine import fetch
from dakto.policy.bulk_import.engine import reason


WORKERS = 4  # pages fetched at a time: quick, and gentle with the old site
ROOTS = ("urlset", "sitemapindex")
DROPPED = (
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "nav",
    "aside",
    "button",
    "input",
    "select",
    "textarea",
)
URL_HEADER = feeds.HEADERS["source_url"]
TITLE_HEADER = feeds.HEADERS["title"]


@dataclass
class Entry:
    """One ``<url>`` of a sitemap."""

    loc: str
    lastmod: str = ""
    news_title: str = ""
    news_date: str = ""
    news_name: str = ""
    image: str = ""


def local(tag):
    """The name of ``tag`` without its namespace (sitemaps 0.84, 0.9 or none)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element, *path):
    for name in path:
        element = next((c for c in element if local(c.tag) == name), None)
        if element is None:
            return ""
    return (element.text or "").strip()


def is_sitemap(root):
    return local(root.tag) in ROOTS


def host(url):
    name = (urlsplit(url).hostname or "").lower()
    return name.removeprefix("www.")


def _entries(urlset):
    for url in urlset:
        if local(url.tag) == "url":
            yield Entry(
                loc=_text(url, "loc"),
                lastmod=_text(url, "lastmod"),
                news_title=_text(url, "news", "title"),
                news_date=_text(url, "news", "publication_date"),
                news_name=_text(url, "news", "publication", "name"),
                image=_text(url, "image", "loc"),
            )


def entries(root, source=""):
    """``([Entry], host)``: the pages of a sitemap or of the sitemaps of an
    index, and the site they must be on; FeedError for the index's faults."""
    site = host(source) if source.lower().startswith(("http://", "https://")) else ""
    if local(root.tag) == "urlset":
        found = list(_entries(root))
        return found, site or (host(found[0].loc) if found else "")
    urls = [_text(s, "loc") for s in root if local(s.tag) == "sitemap"]
    site = site or (host(urls[0]) if urls else "")
    found = []
    for url in urls:
        if host(url) != site:
            raise feeds.FeedError(
                _(
                    "The sitemap index names ${url}, which is not on ${host}: only the "
                    "sitemaps of the same site are read.",
                    mapping={"url": url, "host": site},
                )
            )
        try:
            child = feeds.parse(fetch(url))
        except feeds.FeedError as error:
            raise feeds.FeedError(
                _("The sitemap ${url}: ${reason}", mapping={"url": url, "reason": error.args[0]})
            ) from None
        except Exception as error:  # any network failure
            raise feeds.FeedError(
                _(
                    "The sitemap ${url} cannot be fetched (${reason}).",
                    mapping={"url": url, "reason": reason(error)},
                )
            ) from None
        if local(child.tag) != "urlset":
            raise feeds.FeedError(
                _(
                    "The sitemap ${url} named by the index is not a list of pages (urlset).",
                    mapping={"url": url},
                )
            )
        found.extend(_entries(child))
    return found, site


def rows(root, source="", max_rows=None, progress=None):
    """``([(row, news values)], [(row, column header, message)])`` of a
    sitemap: its pages fetched and read."""
    found, site = entries(root, source)
    if not found:
        raise feeds.FeedError(_("The sitemap lists no pages."))
    if max_rows is not None and len(found) > max_rows:
        raise feeds.TooManyRows(len(found))
    read, errors = [], []
    with ThreadPoolExecutor(WORKERS) as pool:
        outcomes = pool.map(lambda entry: _read(entry, site), found)
        for row, outcome in enumerate(outcomes, start=1):
            if isinstance(outcome, dict):
                read.append((row, outcome))
            else:
                errors.append((row, *outcome))
            if progress is not None:
                progress(row, len(found))
    return read, errors


def _read(entry, site):
    """The news values of ``entry``'s page, or ``(column header, message)``."""
    url = entry.loc
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return URL_HEADER, _("'${value}' is not an http(s) address.", mapping={"value": url})
    if host(url) != site:
        return URL_HEADER, _(
            "${url} is not on ${host}, the site of the sitemap: a sitemap imports the pages "
            "of its own site.",
            mapping={"url": url, "host": site},
        )
    try:
        data = fetch(url)
    except Exception as error:  # any network failure is the row's error
        return URL_HEADER, _(
            "The page ${url} cannot be fetched (${reason}).",
            mapping={"url": url, "reason": reason(error)},
        )
    values = page(data, entry)
    if values is None:
        return TITLE_HEADER, _(
            "The page ${url} has no title (og:title, h1 or title).", mapping={"url": url}
        )
    return values


def _parser(data):
    """UTF-8 when the bytes are UTF-8 (whatever the page declares); else the
    page's own ``<meta charset>``."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return lxml.html.HTMLParser()
    return lxml.html.HTMLParser(encoding="utf-8")


def _meta(document, *names):
    for name in names:
        for value in document.xpath("//meta[@property=$name or @name=$name]/@content", name=name):
            if value.strip():
                return value.strip()
    return ""


def _first_text(document, path):
    for element in document.xpath(path):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return ""


def _body(document, url):
    for path in ("//article", "//main", "//*[@role='main']"):
        found = document.xpath(path)
        if found:
            break
    else:
        return ""
    body = found[0]
    for element in body.xpath(" | ".join(f".//{tag}" for tag in DROPPED) + " | .//comment()"):
        element.drop_tree()
    for heading in body.xpath(".//h1")[:1]:
        heading.drop_tree()
    body.make_links_absolute(url, resolve_base_href=True)
    inner = html.escape(body.text or "", quote=False) + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in body
    )
    return inner.strip()


def page(data, entry):
    """The news values of the page ``data`` (HTML bytes) of ``entry``, or
    None if it has no title."""
    url = entry.loc
    try:
        document = lxml.html.document_fromstring(data, parser=_parser(data))
    except (etree.ParserError, ValueError):
        return None
    title = (
        _meta(document, "og:title")
        or entry.news_title
        or _first_text(document, "//h1")
        or _first_text(document, "//title")
    )
    if not title:
        return None
    description = _meta(document, "og:description", "description")
    image = _meta(document, "og:image")
    image = urljoin(url, image) if image else entry.image
    if urlsplit(image).scheme.lower() not in ("http", "https"):
        image = ""  # none, or a data: address
    date = (
        _meta(document, "article:published_time")
        or entry.news_date
        or next(iter(document.xpath("//time/@datetime")), "").strip()
        or entry.lastmod
    )
    return {
        "title": title,
        "description": description,
        "text": _body(document, url) or description,
        "date": feeds.item_date(date),
        "news_source": _meta(document, "og:site_name") or entry.news_name or urlsplit(url).hostname,
        "news_author": _meta(document, "author"),
        "image": image,
        "source_url": url,
    }
