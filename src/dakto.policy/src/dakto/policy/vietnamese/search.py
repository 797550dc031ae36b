"""Plone's search page, searched as people type it (``query.py``), with
Vietnamese ranking (``ranking.py``)."""

from pathlib import Path

from plone import api
from plone.app.contentlisting.interfaces import IContentListing
from Products.CMFPlone.browser import search as plone_search
from Products.CMFPlone.browser.search import Search
from Products.CMFPlone.PloneBatch import Batch
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.ZCTextIndex.ParseTree import ParseError

from dakto.policy import LANGUAGES
from dakto.policy import SITE_LANGUAGE
from dakto.policy.vietnamese.query import relaxed_term
from dakto.policy.vietnamese.query import search_term
from dakto.policy.vietnamese.ranking import exact_first_window


class VietnameseSearch(Search):
    index = ViewPageTemplateFile(
        str(Path(plone_search.__file__).parent / "templates" / "search.pt")
    )

    def __call__(self):
        text = self.request.form.get("SearchableText")
        if isinstance(text, (list, tuple)):  # ?SearchableText:list=…: one text
            self.request.form["SearchableText"] = next((t for t in text if isinstance(t, str)), "")
        return self.index()

    def results(self, query=None, batch=True, b_size=10, b_start=0, use_content_listing=True):
        text = (query or {}).get("SearchableText") or self.request.form.get("SearchableText", "")
        sort_on = (query or {}).get("sort_on") or self.request.form.get("sort_on")
        if not isinstance(text, str) or not text.strip() or sort_on not in (None, "", "relevance"):
            return super().results(query, batch, b_size, b_start, use_content_listing)
        query = self.filter_query(dict(query or {}))
        if query is None:
            return []
        query.pop("b_start", None)
        query.pop("b_size", None)
        catalog = api.portal.get_tool("portal_catalog")
        query["SearchableText"] = search_term(text, catalog)
        if not query["SearchableText"]:
            return []
        try:
            found = catalog(**query)
            if not len(found):  # all the conditions find nothing: any of them
                found = catalog(**dict(query, SearchableText=relaxed_term(text, catalog)))
            results = exact_first_window(
                found,
                text,
                language=self.visitor_language(),
                root="/".join(api.portal.get().getPhysicalPath()),
                catalog=catalog,
            )
        except ParseError:
            return []
        if use_content_listing:
            results = IContentListing(results)
        if batch:
            results = Batch(results, b_size, int(b_start))
        return results

    def visitor_language(self):
        """The language the site negotiated for this visitor (cookie, page)."""
        language = (self.request.get("LANGUAGE") or "")[:2]
        return language if language in LANGUAGES else SITE_LANGUAGE
