"""What every catalog lookup shares, for its page and its REST service.

A feature declares its lookup: its filters (``Text``, ``Choice``,
``WholeNumber``: what a form value may be), how they make a catalog query,
and which page shows it. This module reads the filters from a request form
(bad values are collected, never raised), answers the REST service's 400 for
an unknown value, batches the answer and shapes each item with the item's
restapi summary (``serializers.py``: the same keys ``@search`` gives), and
gives the lookup pages their common parts (the form's action, the page
start, the filter choices).
"""

from plone import api
from plone.restapi.batching import DEFAULT_BATCH_SIZE
from plone.restapi.batching import HypermediaBatch
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from Products.ZCTextIndex.ParseTree import ParseError
from zExceptions import BadRequest
from zope.component import getMultiAdapter
from zope.i18n import translate

from dakto.policy import _
from dakto.policy.vietnamese.query import search_term
from dakto.policy.vietnamese.ranking import exact_first_window


TEXT = "SearchableText"


def single(value):
    """One stripped string from a request form value (a list gives its first)."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return (value or "").strip() if isinstance(value, str) else ""


class Text:
    """Any non-empty text."""

    def read(self, value):
        return value

    def accepted(self):
        return []


class Choice:
    """One token of a closed list (``(token, title)`` pairs or a dict)."""

    def __init__(self, items):
        self.tokens = dict(items)

    def read(self, value):
        return value if value in self.tokens else None

    def accepted(self):
        return list(self.tokens)


class WholeNumber:
    """A whole number from ``low`` to ``high``."""

    def __init__(self, low, high):
        self.low, self.high = low, high

    def read(self, value):
        if value.isdigit() and self.low <= int(value) <= self.high:
            return int(value)
        return None

    def accepted(self):
        return [f"{self.low}–{self.high}"]


def read_filters(form, filters):
    """The ``filters`` ({name: Text/Choice/WholeNumber}) given in ``form``:
    ({name: value}, {name: the value that is not accepted})."""
    found, unknown = {}, {}
    for name, kind in filters.items():
        raw = single(form.get(name))
        if not raw:
            continue
        value = kind.read(raw)
        if value is None:
            unknown[name] = raw
        else:
            found[name] = value
    return found, unknown


def refuse_unknown_filter(request, unknown, filters):
    """Raise a 400 naming the first unknown filter value and what is accepted."""
    if not unknown:
        return
    name, value = sorted(unknown.items())[0]
    message = _(
        "Unknown value '${value}' for ${name}; accepted: ${allowed}.",
        mapping={
            "value": value,
            "name": name,
            "allowed": ", ".join(filters[name].accepted()),
        },
    )
    raise BadRequest(translate(message, context=request))


def context_path(context):
    return "/".join(context.getPhysicalPath())


def text_search(query, text, b_start=0, b_size=None, rank=True):
    """Brains of ``query`` (a catalog query); an unparsable text finds nothing.

    ``text`` (what the visitor typed) is searched as people type it
    (``vietnamese.query``: abbreviations, "số", typos), every condition
    compulsory (a lookup's filters narrow it: no "any word" fallback as on the
    site search). With a sort and
    ``b_size``, the catalog only sorts the page asked for (the result is a
    lazy sequence of the full length). With ``text`` and no sort, the best
    title matches, then those with the typed diacritics, come first
    (``vietnamese.ranking``), unless ``rank`` is false (the catalog's order)."""
    catalog = api.portal.get_tool("portal_catalog")
    batch = {"b_start": b_start, "b_size": b_size} if b_size and "sort_on" in query else {}
    if text and TEXT in query:
        query = dict(query, **{TEXT: search_term(text, catalog)})
        if not query[TEXT]:
            return []
    try:
        brains = catalog(**batch, **query)
    except ParseError:
        return []
    if text and rank and "sort_on" not in query:
        return exact_first_window(brains, text, catalog=catalog)
    return brains


def read_batch(form, default_size, max_size=None):
    """``(b_start, b_size)`` from the request form; bad values answer 400."""
    result = []
    for name, default, low, high in (
        ("b_start", 0, 0, None),
        ("b_size", default_size, 1, max_size),
    ):
        raw = form.get(name, default)
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = None
        if value is None or value < low or (high is not None and value > high):
            raise BadRequest(f"{name}: '{raw}' must be a whole number from {low} to {high or '∞'}.")
        result.append(value)
    return tuple(result)


def summary(item, request):
    """``item`` (a brain or an object) as restapi's summary (``serializers.py``)."""
    return getMultiAdapter((item, request), ISerializeToJsonSummary)()


def brain_summary(brain, request):
    """The keys every lookup item has: the item's summary and its UID."""
    return summary(brain, request) | {"UID": brain.UID}


def batched_answer(request, brains, filters, serialize):
    """The JSON answer: @id, items_total, filters, items and batching links."""
    batch = HypermediaBatch(request, brains)
    result = {
        "@id": batch.canonical_url,
        "items_total": batch.items_total,
        "filters": filters,
        "items": [serialize(brain) for brain in batch],
    }
    if batch.links:
        result["batching"] = batch.links
    return result


class LookupService(Service):
    """``GET <section>/@<lookup>``: the lookup's filters as JSON.

    A feature's service names its ``lookup`` (a module or object with
    ``FILTERS`` and ``search(context, filters, b_start, b_size)``) and,
    optionally, ``max_batch_size``; an unknown filter value answers 400 with
    the filter's name and the accepted values. Each item is its summary."""

    lookup = None
    max_batch_size = None

    def reply(self):
        form = self.request.form
        filters, unknown = read_filters(form, self.lookup.FILTERS)
        refuse_unknown_filter(self.request, unknown, self.lookup.FILTERS)
        b_start, b_size = read_batch(form, DEFAULT_BATCH_SIZE, self.max_batch_size)
        brains = self.lookup.search(self.context, filters, b_start, b_size)
        return batched_answer(self.request, brains, filters, self.item)

    def item(self, brain):
        return brain_summary(brain, self.request)


class LookupView(BrowserView):
    """The lookup page of a section (its default view, or ``@@<lookup_view>``).

    A feature's page names its ``lookup`` and ``lookup_view``; the state is
    in the URL (a plain GET form)."""

    lookup = None
    lookup_view = ""

    def t(self, msgid):
        return translate(msgid, context=self.request)

    def update(self):
        self.filters, self.unknown = read_filters(self.request.form, self.lookup.FILTERS)
        try:
            self.b_start = max(int(self.request.form.get("b_start", 0)), 0)
        except (TypeError, ValueError):
            self.b_start = 0

    def __call__(self):
        self.update()
        return self.index()

    def action(self):
        url = self.context.absolute_url()
        if self.context.getLayout() == self.lookup_view:
            return url
        return f"{url}/@@{self.lookup_view}"

    def value(self, name):
        return self.filters.get(name, "")

    def options(self, name, pairs=None):
        """The choices of filter ``name`` (its closed list, or ``pairs``)."""
        if pairs is None:
            pairs = self.lookup.FILTERS[name].tokens.items()
        chosen = self.filters.get(name)
        return [
            {"value": token, "title": self.t(title), "selected": token == chosen}
            for token, title in pairs
        ]
