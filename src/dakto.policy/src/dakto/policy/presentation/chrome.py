"""What surrounds the content on every page: the skip link and reading tools,
the footer with the body's identity and related agencies, the posting dates,
print/save/share actions (the homepage: homepage/)."""

from urllib.parse import quote

from plone.app.layout.viewlets import ViewletBase
from plone.base.interfaces import IPloneSiteRoot
from Products.CMFCore.interfaces import IFolderish
from zope.component.hooks import getSite

from dakto.policy.accessibility.statement import statement_url
from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_datetime
from dakto.policy.identity.settings import get_identity
from dakto.policy.workflow.history import posted_at


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
