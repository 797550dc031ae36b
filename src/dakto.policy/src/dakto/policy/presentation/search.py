"""The site search page: filters by type, section and date, and shows each
result's match in context (a snippet with the matched words in ``<mark>``).

It extends the Vietnamese search view (exact diacritics first, ``vietnamese/``)
with its own template; every filter is a plain GET parameter, so a search is
bookmarkable and the form works without JavaScript:

- ``portal_type:list`` — Plone's type filter;
- ``path`` — a section (top-level folder, ``structure.sections.SECTIONS``);
- ``created.query:record`` (an ISO date) + ``created.range:record=min`` —
  Plone's "new items since", read here so that a bad date is no error.
"""

import html
import re
import unicodedata

from DateTime import DateTime
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from dakto.policy import _
from dakto.policy.dates import TIMEZONE
from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_date
from dakto.policy.dates import local_day_or_none
from dakto.policy.structure.sections import SECTIONS
from dakto.policy.text import fold
from dakto.policy.text import words
from dakto.policy.vietnamese.search import VietnameseSearch
from dakto.policy.workflow.history import brain_posted_at


SNIPPET_BEFORE = 60
SNIPPET_AFTER = 160
SNIPPET_PLAIN = 220
TAG = re.compile(r"<[^>]*>")
SPACES = re.compile(r"\s+")


def plain_text(value):
    """Text of an HTML fragment, tags and entities resolved, spaces collapsed."""
    return SPACES.sub(" ", html.unescape(TAG.sub(" ", value or ""))).strip()


def folded_with_positions(text):
    """``fold(text)`` and, for each of its characters, the index in ``text``
    it comes from (a character may fold to none, one or several)."""
    folded, positions = [], []
    for index, char in enumerate(text):
        for part in fold(char):
            folded.append(part)
            positions.append(index)
    return "".join(folded), positions


def _end(text, end):
    """``end`` moved past combining marks that belong to the last letter."""
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end


#: Addresses in a text (e-mail, web): no word inside one is marked.
ADDRESS = re.compile(r"[^\s@]+@[^\s@]+|\b(?:https?://|www\.)\S+", re.IGNORECASE)


def matches(text, query):
    """``(start, end)`` in ``text`` of every whole word equal to a query
    word, compared without diacritics or case (on word boundaries of the
    folded text: "to" is no match in "town"); never inside an e-mail or web
    address; in order, not overlapping."""
    wanted = sorted({fold(word) for word in words(query)}, key=len, reverse=True)
    if not wanted or not text:
        return []
    folded, positions = folded_with_positions(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in wanted) + r")(?!\w)")
    addresses = [m.span() for m in ADDRESS.finditer(folded)]
    return [
        (positions[m.start()], _end(text, positions[m.end() - 1] + 1))
        for m in pattern.finditer(folded)
        if not any(start <= m.start() < end for start, end in addresses)
    ]


def snippet(text, query):
    """Escaped HTML: ``text`` around its first match, matches in ``<mark>``;
    the start of ``text`` when nothing matches; ``""`` for no text."""
    text = SPACES.sub(" ", text or "").strip()
    if not text:
        return ""
    found = matches(text, query)
    if not found:
        cut = text[:SNIPPET_PLAIN]
        if len(text) > SNIPPET_PLAIN:
            cut = cut.rsplit(" ", 1)[0] + " …"
        return html.escape(cut)
    first = found[0][0]
    start = max(0, first - SNIPPET_BEFORE)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and first - space < SNIPPET_BEFORE * 2 else start
    end = min(len(text), first + SNIPPET_AFTER)
    if end < len(text):
        space = text.find(" ", end)
        end = space if space >= 0 and space - first < SNIPPET_AFTER * 2 else end
    parts = ["… " if start else ""]
    position = start
    for match_start, match_end in found:
        if match_start < position or match_start >= end:
            continue
        match_end = min(match_end, end)
        parts.append(html.escape(text[position:match_start]))
        parts.append(f"<mark>{html.escape(text[match_start:match_end])}</mark>")
        position = match_end
    parts.append(html.escape(text[position:end]))
    parts.append(" …" if end < len(text) else "")
    return "".join(parts)


def item_text(obj):
    """The cheap searchable text of an item: its description and, for pages
    and news, the text of its rich text field."""
    pieces = [getattr(obj, "description", "") or ""]
    rich = getattr(obj, "text", None)
    raw = getattr(rich, "raw", None)
    if isinstance(raw, str):
        pieces.append(plain_text(raw))
    return " ".join(p for p in pieces if p)


class PortalSearch(VietnameseSearch):
    index = ViewPageTemplateFile("templates/search.pt")

    def filter_query(self, query):
        path = self.section_path()
        if path:
            # Plone copies the request's filters into the query: a section id
            # becomes the section's path there too
            self.request.form["path"] = path
            query = dict(query or {}, path=path)
        elif "path" in self.request.form:
            # an unknown section: not a filter (and never a path outside the site)
            del self.request.form["path"]
        since = self.since()
        if since is None:
            self.request.form.pop("created", None)
        else:
            self.request.form["created"] = {"query": since, "range": "min"}
        return super().filter_query(query)

    # --- sections -------------------------------------------------------
    def sections(self):
        """``{"path", "title", "selected"}`` of every top-level section present."""
        portal = api.portal.get()
        root = "/".join(portal.getPhysicalPath())
        chosen = self.section_path()
        found = []
        for section in SECTIONS:
            folder = portal.get(section.id)
            if folder is None:
                continue
            path = f"{root}/{section.id}"
            found.append(
                {"path": path, "title": folder.Title() or section.title, "selected": path == chosen}
            )
        return found

    def section_path(self):
        """The section asked for in ``path`` (a physical path or a section id), or None."""
        value = self.request.form.get("path")
        if not isinstance(value, str) or not value.strip("/"):
            return None
        root = "/".join(api.portal.get().getPhysicalPath())
        id = (value[len(root) :] if value.startswith(root + "/") else value).strip("/")
        if id not in {s.id for s in SECTIONS} or "/" in id:
            return None
        return f"{root}/{id}"

    # --- dates ----------------------------------------------------------
    def since(self):
        """The "new items since" date asked for (``created.query:record``,
        a plain string: ZPublisher's ``:date`` would answer 500 to a bad
        date), or None for none or a date that cannot be read."""
        created = self.request.form.get("created")
        value = created.get("query") if hasattr(created, "get") else None
        if isinstance(value, DateTime):
            return value
        if not isinstance(value, str) or not value.strip():
            return None
        try:
            return DateTime(value.strip())
        except Exception:
            return None

    def date_options(self):
        """ "New items since" choices: ``{"id", "title", "value", "checked"}``."""
        today = DateTime().toZone(TIMEZONE).earliestTime()
        ever = DateTime("1970-01-02").ISO8601()
        options = (
            ("ever", _("Any time"), ever),
            ("day", _("Since yesterday"), (today - 1).ISO8601()),
            ("week", _("In the last week"), (today - 7).ISO8601()),
            ("month", _("In the last month"), (today - 31).ISO8601()),
            ("year", _("In the last year"), (today - 365).ISO8601()),
        )
        since = self.since()
        chosen = since.earliestTime().ISO8601() if since is not None else ever
        result = [
            {"id": id, "title": title, "value": value, "checked": value == chosen}
            for id, title, value in options
        ]
        if DateTime(chosen) <= DateTime(ever):
            result[0]["checked"] = True
        elif not any(option["checked"] for option in result):
            # a bookmarked date no option matches: keep it as a choice
            day = DateTime(chosen)
            title = _("Since ${date}", mapping={"date": day.strftime("%d/%m/%Y")})
            result.append({"id": "other", "title": title, "value": chosen, "checked": True})
        return result

    # --- types ----------------------------------------------------------
    def types_list(self):
        """Plone's searchable types that hold at least one item this visitor
        may see: an anonymous visitor is offered no filter for the internal
        types (intake register, feedback)."""
        catalog = api.portal.get_tool("portal_catalog")
        return [name for name in super().types_list() if len(catalog(portal_type=name))]

    def type_options(self):
        chosen = self.request.form.get("portal_type") or []
        if isinstance(chosen, str):
            chosen = [chosen]
        types = api.portal.get_tool("portal_types")
        return [
            {"value": name, "title": types.getTypeInfo(name).Title(), "checked": name in chosen}
            for name in self.types_list()
        ]

    # --- results --------------------------------------------------------
    def page_title(self):
        """The browser title's page part (``presentation/title.py``)."""
        return _("Search results")

    def search_text(self):
        value = self.request.form.get("SearchableText", "")
        return value if isinstance(value, str) else ""

    def snippet(self, item):
        """The match in context of one shown result (escaped HTML)."""
        try:
            obj = item.getObject()
        except Exception:
            obj = None
        text = item_text(obj) if obj is not None else (item.Description() or "")
        return snippet(text, self.search_text())

    def item_date(self, item):
        """Posting date of a result, dd/mm/yyyy (its publishing date, else
        when it was published); '' if it has none."""
        return local_date(brain_posted_at(item.getDataOrigin()))

    def item_date_iso(self, item):
        """The same day for ``<time datetime>`` (ISO 8601)."""
        return iso_datetime(local_day_or_none(brain_posted_at(item.getDataOrigin())))
