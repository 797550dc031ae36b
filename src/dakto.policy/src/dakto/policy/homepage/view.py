"""The homepage (issue 16): the site root's ``homepage`` view.

The page is the ``dakto.homepage`` viewlet manager's sections, in the order
of their ``weight``: featured news with their lead images, the services
citizens use most, this week's schedule of the leaders, the sections'
latest items and the national and provincial portals. It is full width (no
portlets) and has no page tools (print, save, e-mail: they are for
articles). Each section reads the catalog with ``sort_limit`` and, for
anonymous visitors, is memoised until the catalog changes
(``presentation.navigation.anonymous_catalog_key``); only the three
featured articles are woken, for their image scales.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from DateTime import DateTime
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.app.viewletmanager.manager import OrderedViewletManager
from plone.memoize import ram
from Products.Five import BrowserView
from zope.component.hooks import getSite

from dakto.policy import _
from dakto.policy.dates import DATE_FORMAT
from dakto.policy.dates import iso_datetime
from dakto.policy.dates import local_date
from dakto.policy.dates import today
from dakto.policy.identity.kinds import province_name
from dakto.policy.identity.settings import get_identity
from dakto.policy.organisation.schedule import DAY_NAMES
from dakto.policy.organisation.schedule import monday_of
from dakto.policy.organisation.schedule import week_days
from dakto.policy.organisation.schedule import week_id
from dakto.policy.presentation.chrome import related_links
from dakto.policy.presentation.navigation import anonymous_catalog_key
from dakto.policy.structure.sections import NEWS_SECTION
from dakto.policy.workflow.names import PUBLISHED


#: The view's name: the site root's layout (setup.py, upgrade 1006).
HOMEPAGE_VIEW = "homepage"
#: Where the leaders' schedule is (structure/sections.py).
SCHEDULE_PATH = f"{NEWS_SECTION}/chi-dao-dieu-hanh/lich-cong-tac"
NATIONAL_SERVICE_PORTAL = "https://dichvucong.gov.vn"
FEATURED = 3
GOVERNMENT_DOMAIN = ".gov.vn"


def _memo_key(method, viewlet):
    return anonymous_catalog_key(viewlet, viewlet.__name__)


class HomepageView(BrowserView):
    """The homepage: full width, the sections of ``dakto.homepage``."""

    def __call__(self):
        # No portlet columns on the homepage (Plone's own switch).
        self.request.set("disable_plone.leftcolumn", True)
        self.request.set("disable_plone.rightcolumn", True)
        return self.index()

    def title(self):
        identity = get_identity()
        return getattr(identity, "portal_title", None) or self.context.Title()

    def intro(self):
        text = getattr(self.context, "text", None)
        return text.output if text is not None and getattr(text, "raw", "") else ""


class HomepageSections(OrderedViewletManager):
    """The homepage's sections by their ``weight``."""

    def sort(self, viewlets):
        return sorted(viewlets, key=lambda item: (getattr(item[1], "weight", 100), item[0]))


class Section(ViewletBase):
    weight = 100

    def _catalog(self, **query):
        size = query.pop("size", 5)
        catalog = api.portal.get_tool("portal_catalog")
        query.setdefault("sort_on", "effective")
        query.setdefault("sort_order", "descending")
        return catalog.searchResults(review_state=PUBLISHED, sort_limit=size, **query)[:size]

    def _path(self, relative):
        return "/".join(getSite().getPhysicalPath()) + "/" + relative


class FeaturedNews(Section):
    """The newest articles that have a lead image, the image through
    plone.namedfile's ``@@images`` with ``srcset`` and ``sizes``: the first
    loads at once (it is the page's largest paint), the others lazily."""

    weight = 10
    sizes = (
        "(min-width: 992px) 640px, 100vw",
        "(min-width: 992px) 300px, (min-width: 576px) 50vw, 100vw",
    )

    def items(self):
        brains = self._catalog(
            portal_type="News Item",
            path=self._path(NEWS_SECTION),
            is_reference_news=False,
            size=4 * FEATURED,
        )
        chosen = [b for b in brains if "image" in (getattr(b, "image_scales", None) or {})]
        result = []
        for index, brain in enumerate(chosen[:FEATURED]):
            obj = brain.getObject()
            images = obj.restrictedTraverse("@@images")
            attributes = {"css_class": "dakto-featured-image", "title": None}
            if index:
                attributes["loading"] = "lazy"
            else:
                attributes["fetchpriority"] = "high"
            image = images.srcset(
                "image",
                scale_in_src="larger" if index == 0 else "preview",
                sizes=self.sizes[min(index, 1)],
                **attributes,
            )
            result.append(
                {
                    "title": brain.Title,
                    "description": brain.Description,
                    "url": brain.getURL(),
                    "date": local_date(brain.effective),
                    "iso": iso_datetime(brain.effective),
                    "image": image or "",
                }
            )
        return result

    @ram.cache(_memo_key)
    def render(self):
        self.featured = self.items()
        return self.index() if self.featured else ""


class Services(Section):
    """The services citizens use most."""

    weight = 20

    def links(self):
        root = self.site_url
        return [
            {
                "title": _("Administrative procedures"),
                "url": f"{root}/thu-tuc-hanh-chinh",
                "icon": "procedures",
            },
            {"title": _("Legal document lookup"), "url": f"{root}/van-ban", "icon": "documents"},
            {"title": _("Dossier lookup"), "url": f"{root}/@@tra-cuu-ho-so", "icon": "dossier"},
            {
                "title": _("Feedback and petitions"),
                "url": f"{root}/phan-anh-kien-nghi",
                "icon": "feedback",
            },
            {
                "title": _("Questions and answers"),
                "url": f"{root}/phan-anh-kien-nghi/hoi-dap",
                "icon": "questions",
            },
            {"title": _("Drafts open for comment"), "url": f"{root}/du-thao", "icon": "drafts"},
        ]


class WeekSchedule(Section):
    """The leaders' engagements of this week (Monday to Sunday, Viet Nam time)."""

    weight = 30

    def schedule(self):
        return getSite().unrestrictedTraverse(SCHEDULE_PATH, None)

    def days(self):
        folder = self.schedule()
        if folder is None:
            return []
        monday = monday_of(today())
        return [
            {
                "name": DAY_NAMES[entry["date"].weekday()],
                "date": entry["date"].strftime(DATE_FORMAT),
                "iso": entry["date"].isoformat(),
                "today": entry["date"] == today(),
                "events": entry["events"],
            }
            for entry in week_days(folder, monday)
            if entry["events"]
        ]

    @ram.cache(_memo_key)
    def render(self):
        folder = self.schedule()
        if folder is None:
            return ""
        monday = monday_of(today())
        self.week = week_id(monday)
        self.week_number = monday.isocalendar()[1]
        self.first = monday.strftime(DATE_FORMAT)
        self.last = (monday + timedelta(days=6)).strftime(DATE_FORMAT)
        self.schedule_url = f"{folder.absolute_url()}/@@work-schedule"
        self.week_entries = self.days()
        return self.index()


class LatestItems(Section):
    """The sections' latest items: news, direction and administration, legal
    documents, drafts open for comment, procedures."""

    weight = 40
    size = 5

    def _items(self, brains, date_attribute="effective"):
        for brain in brains:
            value = getattr(brain, date_attribute, None) if date_attribute else None
            yield {
                "title": brain.Title,
                "url": brain.getURL(),
                "date": local_date(value) if value else "",
                "iso": iso_datetime(value) if value else "",
            }

    def blocks(self):
        root = self.site_url
        now = DateTime()
        return [
            {
                "id": "latest-news",
                "title": _("Latest news"),
                "more": f"{root}/{NEWS_SECTION}",
                "entries": list(
                    self._items(
                        self._catalog(
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
                        self._catalog(
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
                        self._catalog(portal_type="LegalDocument", sort_on="legal_issued"),
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
                        self._catalog(
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
                    self._items(self._catalog(portal_type="Procedure", sort_on="modified"), "")
                ),
            },
        ]

    @ram.cache(_memo_key)
    def render(self):
        self.latest = self.blocks()
        return self.index()


def province_portal(identity):
    """The province's portal from the site's own identity: the parent of its
    domain ('xangoctu.quangngai.gov.vn' → https://quangngai.gov.vn), named
    with its province; None when the domain is not under a province's."""
    domain = (getattr(identity, "domain", None) or "").strip().lower()
    province = (getattr(identity, "province", None) or "").strip()
    if not domain.endswith(GOVERNMENT_DOMAIN) or not province:
        return None
    labels = domain.split(".")
    if len(labels) < 4:  # quangngai.gov.vn itself: the site is the province's
        return None
    return {
        "title": _("Portal of ${province}", mapping={"province": province_name(province)}),
        "url": "https://" + ".".join(labels[1:]),
    }


class Portals(Section):
    """The national public service portal, the province's portal and the
    related agencies of the identity settings."""

    weight = 50

    def links(self):
        identity = get_identity()
        links = [
            {"title": _("National public service portal"), "url": NATIONAL_SERVICE_PORTAL},
        ]
        province = province_portal(identity)
        if province:
            links.append(province)
        seen = {urlsplit(link["url"]).netloc for link in links}
        for link in related_links(getattr(identity, "related_links", None) or ()):
            host = urlsplit(link["url"]).netloc
            if host not in seen:
                seen.add(host)
                links.append(link)
        return links
