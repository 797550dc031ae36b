"""Dublin Core (Thông tư 24/2011/TT-BTTTT) and Open Graph tags in each page's
head, with the item's values, and the RSS links of the feed sections."""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.base.interfaces import IPloneSiteRoot
from Products.CMFCore.interfaces import IContentish
from Products.CMFCore.interfaces import IFolderish

from dakto.policy.dates import iso_datetime
from dakto.policy.identity.settings import get_identity
from dakto.policy.presentation.feeds import feed_for


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return ", ".join(_text(v) for v in value if v)
    return str(value).strip()


def _identity(name):
    try:
        return getattr(get_identity(), name, "") or ""
    except (KeyError, AttributeError):
        return ""


def _parent_url(parent):
    if parent is None or not (IContentish.providedBy(parent) or IPloneSiteRoot.providedBy(parent)):
        return ""
    return parent.absolute_url()


def dublin_core(context, request):
    """The DC elements of TT 24/2011 (mandatory, recommended, optional) of ``context``."""
    publisher = _identity("body_name")
    is_root = IPloneSiteRoot.providedBy(context)
    title = context.Title() if hasattr(context, "Title") else ""
    description = context.Description() if hasattr(context, "Description") else ""
    description = description or _text(getattr(context, "abstract", "")) or title
    creator = (
        _text(getattr(context, "news_author", ""))
        or _text(getattr(context, "issuing_body", ""))
        or _text(getattr(context, "drafting_body", ""))
        or publisher
    )
    effective = context.effective() if hasattr(context, "effective") else None
    if effective is not None and effective.year() < 1971:  # Plone's "no date"
        effective = None
    modified = context.modified() if hasattr(context, "modified") else None
    created = context.created() if hasattr(context, "created") else None
    date = iso_datetime(effective) or iso_datetime(created)
    language = (
        (context.Language() if hasattr(context, "Language") else "")
        or api.portal.get_registry_record("plone.default_language", default="vi")
        or "vi"
    )
    subjects = list(context.Subject() if hasattr(context, "Subject") else ())
    for name in ("news_topics", "legal_field", "procedure_field"):
        value = getattr(context, name, None)
        if isinstance(value, (list, tuple, set)):
            subjects.extend(v for v in value if v)
        elif value:
            subjects.append(str(value))
    contributors = list(context.Contributors() if hasattr(context, "Contributors") else ())
    fti = api.portal.get_tool("portal_types").getTypeInfo(context)
    parent = context.aq_parent if not is_root else None
    town = ", ".join(v for v in (_identity("town"), _identity("province")) if v)
    elements = [
        ("DC.title", title),
        ("DC.creator", creator),
        ("DC.date", date),
        ("DC.date.created", iso_datetime(created)),
        ("DC.date.modified", iso_datetime(modified)),
        ("DC.description", description),
        ("DC.publisher", publisher),
        ("DC.identifier", context.absolute_url()),
        ("DC.language", language),
        ("DC.source", _text(getattr(context, "news_source", "")) or publisher),
        ("DC.contributor", _text(contributors)),
        ("DC.subject", _text(subjects)),
        ("DC.coverage", town),
        ("DC.type", fti.Title() if fti is not None else ""),
        ("DC.format", "text/html"),
        ("DC.relation", _parent_url(parent)),
        ("DC.rights", f"© {publisher}" if publisher else ""),
    ]
    return [(name, value) for name, value in elements if value]


def open_graph(context, request, dc):
    values = dict(dc)
    is_root = IPloneSiteRoot.providedBy(context)
    language = values.get("DC.language", "vi")
    tags = [
        ("og:title", values.get("DC.title", "")),
        ("og:description", values.get("DC.description", "")),
        ("og:url", context.absolute_url()),
        ("og:type", "website" if is_root or IFolderish.providedBy(context) else "article"),
        ("og:site_name", _identity("portal_title")),
        ("og:locale", "en_US" if language.startswith("en") else "vi_VN"),
    ]
    if not (is_root or IFolderish.providedBy(context)):
        tags += [
            ("article:published_time", values.get("DC.date", "")),
            ("article:modified_time", values.get("DC.date.modified", "")),
        ]
    image = getattr(context, "image", None)
    if image is not None and getattr(image, "getSize", lambda: 0)():
        tags.append(("og:image", context.absolute_url() + "/@@images/image/large"))
    return [(name, value) for name, value in tags if value]


class MetadataViewlet(ViewletBase):
    """DC.* and og:* meta tags; the feed link of a feed section."""

    def update(self):
        super().update()
        context = self.context
        try:
            self.dc = dublin_core(context, self.request)
        except AttributeError:  # not a content item (a tool, a form's context)
            self.dc = []
        self.og = open_graph(context, self.request, self.dc)
        feed = feed_for(context)
        self.feed = None
        if feed is not None:
            self.feed = {"url": feed["url"] + "/rss", "title": feed["title"]}


class NothingViewlet(ViewletBase):
    """Stands in for a Plone viewlet this policy replaces."""

    def render(self):
        return ""
