"""The promotion page and the section's listing of running promotions."""

from plone import api
from Products.Five import BrowserView

from dakto.policy.dates import local_date
from dakto.policy.presentation.images import THUMBNAIL_SCALES
from dakto.policy.presentation.images import responsive_image
from dakto.policy.promotion import lifecycle


def promotion_info(obj):
    state = lifecycle.status(obj)
    logo = getattr(obj, "logo", None)
    return {
        "url": obj.absolute_url(),
        "title": obj.Title(),
        "description": obj.Description(),
        "logo": f"{obj.absolute_url()}/@@images/logo/thumb" if logo else None,
        "logo_alt": obj.logo_alt or "",
        "link": obj.link or "",
        "valid_from": local_date(obj.valid_from),
        "valid_until": local_date(obj.valid_until),
        "valid_from_iso": obj.valid_from.isoformat() if obj.valid_from else "",
        "valid_until_iso": obj.valid_until.isoformat() if obj.valid_until else "",
        "status": state,
        "status_title": lifecycle.STATUS_TITLES[state],
        "review_state": api.content.get_state(obj, default=""),
        "has_confirmation": lifecycle.has_confirmation(obj),
    }


class PromotionView(BrowserView):
    """The promotion's page; editors also see its status and its record."""

    def __call__(self):
        self.info = promotion_info(self.context)
        # The business's logo first on its page: fetched at once.
        self.logo = responsive_image(
            self.context,
            "logo",
            variant=THUMBNAIL_SCALES,
            sizes="200px",
            eager=True,
            css_class="dakto-promotion-logo mb-3",
            alt=self.info["logo_alt"],
        )
        self.is_editor = lifecycle.may_see_expired(self.context)
        return self.index()

    def fee(self):
        return f"{self.context.fee or 0:,}".replace(",", ".")


class PromotionListing(BrowserView):
    """``@@promotion-listing``: running promotions; editors also see the others.

    The catalog already leaves out, for the public, what is past its expiration
    date (which follows the end of the validity period) or not yet effective.
    """

    def __call__(self):
        self.is_editor = lifecycle.may_see_expired(self.context)
        self.promotions = self.entries()
        return self.index()

    def entries(self):
        brains = api.content.find(
            context=self.context,
            portal_type="Promotion",
            sort_on="effective",
            sort_order="reverse",
        )
        shown = [(obj, promotion_info(obj)) for obj in (brain.getObject() for brain in brains)]
        if not self.is_editor:
            shown = [(obj, i) for obj, i in shown if i["status"] == lifecycle.RUNNING]
        for number, (obj, item) in enumerate(shown):
            # The first logo is fetched at once, the others when near.
            item["logo_tag"] = responsive_image(
                obj,
                "logo",
                variant=THUMBNAIL_SCALES,
                sizes="128px",
                eager=number == 0,
                css_class="dakto-promotion-logo me-3",
                alt=item["logo_alt"],
            )
        return [item for _obj, item in shown]
