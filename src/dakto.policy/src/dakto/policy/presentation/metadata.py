"""Dublin Core (Thông tư 24/2011/TT-BTTTT) and Open Graph tags in each page's
head, with the item's values, and the RSS links of the feed sections."""

from Acquisition import aq_base
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.base.interfaces import IPloneSiteRoot
from Products.CMFCore.interfaces import IContentish
from Products.CMFCore.interfaces import IFolderish
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy.dates import is_unset
from dakto.policy.dates import iso_datetime
from dakto.policy.identity.settings import get_identity
from dakto.policy.presentation.feeds import feed_for
from dakto.policy.presentation.images import alt_text_of
from dakto.policy.workflow.history import posted_at


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


# Fields whose values are subjects, and the vocabulary of their labels.
SUBJECT_FIELDS = (
    ("news_topics", "dakto.policy.news_topics"),
    ("legal_field", "dakto.policy.legal_fields"),
    ("procedure_field", "dakto.policy.procedure_fields"),
)


def _labels(context, request, value, vocabulary_name):
    """The labels (not the tokens) of a field's value, in the page's language."""
    if not value:
        return []
    values = value if isinstance(value, (list, tuple, set)) else [value]
    factory = queryUtility(IVocabularyFactory, vocabulary_name)
    terms = factory(context) if factory is not None else None
    labels = []
    for token in values:
        if not token:
            continue
        term = terms.getTerm(token) if terms is not None and token in terms else None
        title = term.title if term is not None and term.title else token
        labels.append(translate(title, context=request))
    return labels


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
    # DC.date: a legal document's issue date, else the posting date; none
    # (rather than the install time) for an item never published.
    issued = getattr(context, "issue_date", None)
    posted = posted_at(context) if hasattr(context, "effective") else None
    modified = context.modified() if hasattr(context, "modified") else None
    created = context.created() if hasattr(context, "created") else None
    # Back-dated content (posted before it was typed in) was not created
    # after it was posted or changed.
    created = min((d for d in (created, posted, modified) if not is_unset(d)), default=None)
    date = iso_datetime(issued) or iso_datetime(posted)
    language = (
        (context.Language() if hasattr(context, "Language") else "")
        or api.portal.get_registry_record("plone.default_language", default="vi")
        or "vi"
    )
    subjects = list(context.Subject() if hasattr(context, "Subject") else ())
    for name, vocabulary in SUBJECT_FIELDS:
        subjects.extend(_labels(context, request, getattr(context, name, None), vocabulary))
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
    tags += share_image(context)
    return [(name, value) for name, value in tags if value]


# An item's own picture (field, scale), the first one it has.
IMAGE_FIELDS = (("image", "large"), ("photo", "preview"), ("logo", "preview"))
# Every other page: the portal's mark on a 1200×630 card (dakto.theme).
SHARE_IMAGE = "++theme++dakto/share.png"


def share_image(context):
    """og:image (an absolute URL) and its og:image:alt: the item's picture,
    else the portal's card; an item without a picture still gets one."""
    for name, scale in IMAGE_FIELDS:
        image = getattr(aq_base(context), name, None)
        if image is not None and getattr(image, "getSize", lambda: 0)():
            url = f"{context.absolute_url()}/@@images/{name}/{scale}"
            alt = alt_text_of(context) or _text(getattr(context, f"{name}_alt", "")) or ""
            return [("og:image", url), ("og:image:alt", alt or context.Title())]
    portal = api.portal.get()
    return [
        ("og:image", f"{portal.absolute_url()}/{SHARE_IMAGE}"),
        ("og:image:type", "image/png"),
        ("og:image:width", "1200"),
        ("og:image:height", "630"),
        ("og:image:alt", _identity("portal_title") or portal.Title()),
    ]


class MetadataViewlet(ViewletBase):
    """DC.* and og:* meta tags, the description search engines show (the
    item's summary: DC.description); the feed link of a feed section."""

    def update(self):
        super().update()
        context = self.context
        try:
            self.dc = dublin_core(context, self.request)
        except AttributeError:  # not a content item (a tool, a form's context)
            self.dc = []
        self.og = open_graph(context, self.request, self.dc)
        self.description = dict(self.dc).get("DC.description", "")
        feed = feed_for(context)
        self.feed = None
        if feed is not None:
            self.feed = {"url": feed["url"] + "/rss", "title": feed["title"]}


class NothingViewlet(ViewletBase):
    """Stands in for a Plone viewlet this policy replaces."""

    def render(self):
        return ""
