"""What surrounds the content on every page: the skip link and reading tools,
the footer with the body's identity and related agencies, the posting dates,
print/save/share actions, and the homepage blocks."""

from urllib.parse import quote

from DateTime import DateTime
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.base.interfaces import IPloneSiteRoot
from plone.memoize import ram
from Products.CMFCore.interfaces import IFolderish
from zope.component.hooks import getSite

from dakto.policy import _
from dakto.policy.accessibility.statement import statement_url
from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_date
from dakto.policy.dates import local_datetime
from dakto.policy.identity.settings import get_identity
from dakto.policy.presentation.navigation import anonymous_catalog_key
from dakto.policy.structure.sections import NEWS_SECTION
from dakto.policy.workflow.history import posted_at
from dakto.policy.workflow.names import PUBLISHED


# Related agencies when the identity settings name none.
DEFAULT_RELATED_LINKS = (
    "Cổng Dịch vụ công quốc gia|https://dichvucong.gov.vn",
    "Cổng Thông tin điện tử Chính phủ|https://chinhphu.vn",
)


def related_links(lines):
    """``Name|https://…`` lines as dicts; lines that are not such pairs are skipped."""
    links = []
    for line in lines or ():
        name, sep, url = (line or "").partition("|")
        if sep and name.strip() and url.strip().startswith(("https://", "http://")):
            links.append({"title": name.strip(), "url": url.strip()})
    return links


class SkipLinksViewlet(ViewletBase):
    """The first thing a keyboard reaches: skip to the content, to the menu."""


class FooterViewlet(ViewletBase):
    """Body's name, address, phone, e-mail, head of the editorial board,
    licence line and links to the related agencies' portals."""

    def update(self):
        super().update()
        identity = get_identity()
        self.identity = {
            name: getattr(identity, name, "") or ""
            for name in (
                "body_name",
                "portal_title",
                "address",
                "phone",
                "email",
                "editorial_head",
                "licence",
            )
        }
        self.links = related_links(
            getattr(identity, "related_links", None) or DEFAULT_RELATED_LINKS
        )
        self.accessibility_url = statement_url(getSite())


class DatesViewlet(ViewletBase):
    """Posting and last-update date and time of an article or document."""

    def update(self):
        super().update()
        context = self.context
        self.posted = self.updated = ""
        if IFolderish.providedBy(context) or IPloneSiteRoot.providedBy(context):
            return
        if getattr(context, "news_source", None) is not None or hasattr(context, "news_topics"):
            return  # the news attribution block shows them
        # No posting date (never published, none set): no byline at all.
        posted = posted_at(context)
        self.posted = local_datetime(posted)
        modified = context.modified() if hasattr(context, "modified") else None
        updated = local_datetime(modified)
        self.updated = updated if updated != self.posted else ""
        self.posted_iso = iso_datetime(posted)
        self.updated_iso = iso_datetime(modified)

    def render(self):
        return self.index() if self.posted else ""


class PageToolsViewlet(ViewletBase):
    """Print, save (download) and send by e-mail."""

    def update(self):
        super().update()
        url = self.context.absolute_url()
        current = self.request.get("ACTUAL_URL", url)
        self.print_url = f"{current}?print=1"
        self.download_url = f"{current}?print=1&download=1"
        title = self.context.Title() if hasattr(self.context, "Title") else ""
        self.mail_url = f"mailto:?subject={quote(title)}&body={quote(current)}"
        if self.request.get("download") and self.request.get("print"):
            name = getattr(self.context, "getId", lambda: "trang")() or "trang"
            self.request.response.setHeader(
                "Content-Disposition", f'attachment; filename="{name}.html"'
            )


class HomepageViewlet(ViewletBase):
    """The homepage blocks: latest news, direction and administration, new
    legal documents, drafts open for comment, procedures, quick links."""

    size = 5

    def available(self):
        name = self.view.__name__ if self.view is not None else ""
        return IPloneSiteRoot.providedBy(self.context) and name in (
            "",
            None,
            "view",
            "document_view",
            "index_html",
            self.context.getLayout() if hasattr(self.context, "getLayout") else "",
        )

    def _search(self, **query):
        catalog = api.portal.get_tool("portal_catalog")
        query.setdefault("sort_on", "effective")
        query.setdefault("sort_order", "descending")
        return catalog.searchResults(review_state=PUBLISHED, sort_limit=self.size, **query)[
            : self.size
        ]

    def _path(self, relative):
        return "/".join(self.context.getPhysicalPath()) + "/" + relative

    def _items(self, brains, date_attribute="effective"):
        for brain in brains:
            value = getattr(brain, date_attribute, None)
            yield {
                "title": brain.Title,
                "url": brain.getURL(),
                "date": local_date(value) if value else "",
            }

    @ram.cache(lambda method, viewlet: anonymous_catalog_key(viewlet))
    def blocks(self):
        """The five blocks (memoised for anonymous visitors: navigation.py)."""
        root = self.context.absolute_url()
        now = DateTime()
        return [
            {
                "id": "latest-news",
                "title": _("Latest news"),
                "more": f"{root}/{NEWS_SECTION}",
                "entries": list(
                    self._items(
                        self._search(
                            portal_type="News Item",
                            path=self._path(NEWS_SECTION),
                            is_reference_news=False,
                        )
                    )
                ),
            },
            {
                "id": "direction",
                "title": _("Direction and administration"),
                "more": f"{root}/{NEWS_SECTION}/chi-dao-dieu-hanh",
                "entries": list(
                    self._items(
                        self._search(
                            portal_type="News Item",
                            path=self._path(f"{NEWS_SECTION}/chi-dao-dieu-hanh"),
                        )
                    )
                ),
            },
            {
                "id": "legal-documents",
                "title": _("New legal documents"),
                "more": f"{root}/van-ban",
                "entries": list(
                    self._items(
                        self._search(portal_type="LegalDocument", sort_on="legal_issued"),
                        "issue_date",
                    )
                ),
            },
            {
                "id": "drafts",
                "title": _("Drafts open for comment"),
                "more": f"{root}/du-thao",
                "entries": list(
                    self._items(
                        self._search(
                            portal_type="DraftDocument",
                            comment_opens={"query": now, "range": "max"},
                            comment_closes={"query": now, "range": "min"},
                            sort_on="comment_closes",
                            sort_order="ascending",
                        ),
                        "comment_closes",
                    )
                ),
            },
            {
                "id": "procedures",
                "title": _("Administrative procedures"),
                "more": f"{root}/thu-tuc-hanh-chinh",
                "entries": list(
                    self._items(self._search(portal_type="Procedure", sort_on="modified"), "")
                ),
            },
        ]

    def quick_links(self):
        root = self.context.absolute_url()
        return [
            {"title": _("Feedback and petitions"), "url": f"{root}/phan-anh-kien-nghi"},
            {"title": _("Dossier lookup"), "url": f"{root}/@@tra-cuu-ho-so"},
            {"title": _("Questions and answers"), "url": f"{root}/phan-anh-kien-nghi/hoi-dap"},
            {"title": _("Procedure lookup"), "url": f"{root}/thu-tuc-hanh-chinh"},
            {"title": _("Legal document lookup"), "url": f"{root}/van-ban"},
        ]

    def render(self):
        return self.index() if self.available() else ""
