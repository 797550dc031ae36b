"""Images: their alternative text (WCAG 2.1, 1.1.1) and their responsive
markup (issue 16: phones on mobile networks).

Plone's ``@@images`` view writes the item's title as every ``<img>``'s ``alt``.
On this portal an Image has a required alternative text and a News Item an
alternative text for its lead image (``behaviors.py``): this ``@@images``
writes that text instead, wherever a template builds the tag through it (the
Image view, the lead image of news, listings of one item's images). A caller
that passes its own ``alt`` keeps it.

``@@images/responsive`` (``responsive_image`` for templates that hold an
object) is the one way the portal's templates show a picture: one ``<img>``
whose ``srcset`` lists the scales of a Plone picture variant (the registry's
``plone.picture_variants``, Site Setup → Image handling: "large", "medium",
"small") or ``THUMBNAIL_SCALES``, each with its width, a ``sizes`` for the layout it sits in, and the
``width``/``height`` of its ``src`` scale, so that the browser keeps its place
before it arrives (no layout shift). The first picture of a page (its
Largest Contentful Paint) is fetched at once (``fetchpriority="high"``);
every other one is ``loading="lazy"`` and ``decoding="async"``.
"""

from html import escape

from plone.app.uuid.utils import uuidToObject
from plone.namedfile.picture import get_picture_variants
from plone.namedfile.scaling import ImageScaling


# The content column: the whole phone screen, three quarters of a tablet's,
# at most 900 px on a desktop (Barceloneta's container with a side column).
CONTENT_SIZES = "(min-width: 1200px) 900px, (min-width: 768px) 75vw, 100vw"
# A picture beside a listing entry (dakto.css: a third of the screen, at
# most 200 px, which it reaches at 606 px).
THUMBNAIL_SIZES = "(min-width: 606px) 200px, 33vw"
LEAD_VARIANT = "large"
# A small picture (at most 200 px shown: a thumbnail, a photo, a logo): Plone's
# "small" variant starts at 400 px; these scales give 128 and 200 px to a
# plain screen and 400 or 800 px to a phone's dense one. The first is src.
THUMBNAIL_SCALES = ("preview", "thumb", "mini", "large")


def alt_text_of(obj):
    """The alternative text an editor gave ``obj``; the lead image's caption
    if it has none; None when neither is set."""
    for name in ("alt_text", "image_caption"):
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def variant_scales(variant):
    """The scale names of a picture variant, the ``src`` scale first; None
    when the registry has no such variant. A tuple of scale names is
    taken as it is."""
    if isinstance(variant, tuple):
        return list(variant)
    config = get_picture_variants().get(variant)
    if not config or not config.get("sourceset"):
        return None
    source = config["sourceset"][-1]
    return [source["scale"], *(source.get("additionalScales") or [])]


def img_tag(attributes):
    """``<img …/>`` of ``attributes`` (name, value pairs; None leaves one out)."""
    parts = [
        f'{name}="{escape(str(value), quote=True)}"'
        for name, value in attributes
        if value is not None
    ]
    return f"<img {' '.join(parts)} />"


def loading_attributes(eager):
    """The page's main picture is fetched at once; the others when near."""
    if eager:
        return [("fetchpriority", "high")]
    return [("loading", "lazy"), ("decoding", "async")]


def srcset_of(widths):
    """``srcset`` of ``{width: url}``, narrowest first."""
    return ", ".join(f"{url} {width}w" for width, url in sorted(widths.items()))


class AltTextImageScaling(ImageScaling):
    def _with_alt(self, kwargs):
        if kwargs.get("alt") is None:
            alt = alt_text_of(self.context)
            if alt:
                kwargs["alt"] = alt
        return kwargs

    def tag(self, fieldname=None, scale=None, height=None, width=None, mode="scale", **kwargs):
        return super().tag(fieldname, scale, height, width, mode, **self._with_alt(kwargs))

    def picture(self, fieldname=None, picture_variant=None, **kwargs):
        return super().picture(fieldname, picture_variant, **self._with_alt(kwargs))

    def srcset(self, fieldname=None, scale_in_src="huge", sizes="", **kwargs):
        return super().srcset(fieldname, scale_in_src, sizes, **self._with_alt(kwargs))

    def responsive(
        self,
        fieldname="image",
        variant=LEAD_VARIANT,
        sizes=CONTENT_SIZES,
        eager=False,
        css_class=None,
        alt=None,
    ):
        """The ``<img>`` of ``fieldname`` with the scales of the picture
        ``variant`` in its ``srcset``; None when the field holds no image.
        ``eager``: the page's main picture (fetched first, not lazily)."""
        names = variant_scales(variant) or [variant]
        main = self.scale(fieldname, names[0], pre=True)
        if main is None or not main.width:
            return None
        widths = {}
        for name in names:
            scale = self.scale(fieldname, name, pre=True)
            # Scales wider than the original are the original's size: once.
            if scale is not None and scale.width and scale.width not in widths:
                widths[scale.width] = scale.url
        if alt is None:
            alt = alt_text_of(self.context)
        attributes = [
            ("src", main.url),
            ("srcset", srcset_of(widths)),
            ("sizes", sizes),
            ("width", main.width),
            ("height", main.height),
            ("alt", alt if alt is not None else ""),
            ("class", css_class),
        ]
        return img_tag(attributes + loading_attributes(eager))


def responsive_image(obj, fieldname="image", **kwargs):
    """``@@images/responsive`` of ``obj`` (an object, or a UID); None when it
    has no image in ``fieldname``."""
    if isinstance(obj, str):
        obj = uuidToObject(obj)
    if obj is None or not getattr(obj, fieldname, None):
        return None
    images = obj.restrictedTraverse("@@images", None)
    if images is None or not hasattr(images, "responsive"):
        return None
    return images.responsive(fieldname, **kwargs)


def brain_responsive_image(
    brain,
    fieldname="image",
    variant=THUMBNAIL_SCALES,
    sizes=THUMBNAIL_SIZES,
    eager=False,
    css_class=None,
    alt="",
):
    """``responsive`` for a listing: the same ``<img>`` from the catalog's
    ``image_scales`` metadata, without waking the object; None when the
    item has no image. ``alt`` is empty by default: beside its entry's linked
    title, a listing's picture repeats the article's."""
    try:
        scales = brain.image_scales[fieldname][0]["scales"]
    except (AttributeError, KeyError, IndexError, TypeError):
        return None
    names = variant_scales(variant) or [variant]
    if names[0] not in scales:
        return None
    base = brain.getURL()

    def url(data):
        download = data["download"]
        return download if download.startswith("http") else f"{base}/{download}"

    widths = {}
    for name in names:
        data = scales.get(name)
        if data and data.get("width") and data["width"] not in widths:
            widths[data["width"]] = url(data)
    main = scales[names[0]]
    attributes = [
        ("src", url(main)),
        ("srcset", srcset_of(widths)),
        ("sizes", sizes),
        ("width", main["width"]),
        ("height", main["height"]),
        ("alt", alt),
        ("class", css_class),
    ]
    return img_tag(attributes + loading_attributes(eager))
