"""Images carry their alternative text (WCAG 2.1, 1.1.1).

Plone's ``@@images`` view writes the item's title as every ``<img>``'s ``alt``.
On this portal an Image has a required alternative text and a News Item an
alternative text for its lead image (``behaviors.py``): this ``@@images``
writes that text instead, wherever a template builds the tag through it (the
Image view, the lead image of news, listings of one item's images). A caller
that passes its own ``alt`` keeps it.
"""

from plone.namedfile.scaling import ImageScaling


def alt_text_of(obj):
    """The alternative text an editor gave ``obj``; the lead image's caption
    if it has none; None when neither is set."""
    for name in ("alt_text", "image_caption"):
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


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
