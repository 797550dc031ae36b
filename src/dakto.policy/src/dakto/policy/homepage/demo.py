"""The homepage's part of the demo: lead images for the newest news (drawn
here: a landscape, no photograph of anyone) so that the featured news show
as they will with real photos, and a sample urgent notice that has already
ended, for editors to see how one is set: a fresh demo site shows none."""

import io
from datetime import timedelta

from plone import api
from plone.namedfile.file import NamedBlobImage

from dakto.policy.homepage.interfaces import NOTICE_PREFIX
from dakto.policy.homepage.interfaces import IUrgentNoticeSettings
from dakto.policy.homepage.setup import notice_in_etags
from dakto.policy.homepage.view import FEATURED
from dakto.policy.presentation.maintenance import now_in_vietnam
from dakto.policy.registrations import DemoContent
from dakto.policy.structure.sections import NEWS_SECTION
from dakto.policy.workflow.names import PUBLISHED


SIZE = (960, 540)
# sky top, sky bottom, far hills, near hills, field
PALETTES = (
    ((96, 160, 215), (214, 234, 248), (76, 128, 96), (46, 104, 62), (150, 178, 72)),
    ((236, 160, 96), (250, 222, 170), (120, 112, 140), (70, 96, 90), (186, 150, 76)),
    ((120, 176, 200), (226, 240, 236), (90, 140, 130), (58, 112, 84), (112, 160, 96)),
)
IMAGE_ALT = "Hình minh họa: đồi núi, cánh đồng và bầu trời"
SAMPLE_NOTICE = {
    "heading": "Cảnh báo mưa lớn, nguy cơ lũ quét và sạt lở đất",
    "message": (
        "Người dân các thôn ven suối không qua lại các ngầm tràn khi nước dâng; "
        "liên hệ Ban Chỉ huy phòng chống thiên tai khi cần hỗ trợ."
    ),
}


def landscape(index):
    """A JPEG of a landscape in palette ``index`` (Pillow), about 20 KB."""
    from PIL import Image
    from PIL import ImageDraw

    top, bottom, far, near, field = PALETTES[index % len(PALETTES)]
    width, height = SIZE
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        ratio = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * ratio) for a, b in zip(top, bottom, strict=True)),
        )
    draw.ellipse((700 - 60 * index, 70, 790 - 60 * index, 160), fill=(255, 236, 150))
    draw.polygon(
        [
            (0, 330),
            (180, 200),
            (360, 300),
            (560, 170),
            (780, 290),
            (960, 220),
            (960, 540),
            (0, 540),
        ],
        fill=far,
    )
    draw.polygon(
        [(0, 400), (240, 300), (480, 390), (720, 310), (960, 380), (960, 540), (0, 540)], fill=near
    )
    draw.polygon([(0, 470), (960, 440), (960, 540), (0, 540)], fill=field)
    data = io.BytesIO()
    image.save(data, "JPEG", quality=70, optimize=True, progressive=True)
    return data.getvalue()


def add_lead_images(portal):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="News Item",
        path="/".join(portal.getPhysicalPath()) + "/" + NEWS_SECTION,
        review_state=PUBLISHED,
        is_reference_news=False,
        sort_on="effective",
        sort_order="descending",
        sort_limit=FEATURED,
    )[:FEATURED]
    changed = []
    for index, brain in enumerate(brains):
        obj = brain._unrestrictedGetObject()
        if getattr(obj, "image", None):
            continue
        obj.image = NamedBlobImage(data=landscape(index), filename=f"minh-hoa-{index + 1}.jpg")
        obj.alt_text = IMAGE_ALT
        # A back-dated demo article claims no update made when the demo was
        # created: indexes given, so the modification date is kept; the
        # metadata (the image's scales) are updated all the same.
        obj.reindexObject(idxs=["getId"])
        changed.append(obj)
    return changed


def add_sample_notice():
    """An urgent notice that ended yesterday (shown nowhere)."""
    registry = api.portal.get_tool("portal_registry")
    settings = registry.forInterface(IUrgentNoticeSettings, prefix=NOTICE_PREFIX, check=False)
    if settings.starts:
        return
    ended = now_in_vietnam().replace(minute=0, second=0, microsecond=0) - timedelta(days=1)
    settings.heading = SAMPLE_NOTICE["heading"]
    settings.message = SAMPLE_NOTICE["message"]
    settings.starts = ended - timedelta(days=2)
    settings.ends = ended


def create_demo(portal):
    # The notice's component in the cached pages' ETag records (idempotent):
    # a demo applied before profiles/demo stopped declaring its dependency
    # re-applied plone.app.caching's preset, which reset them.
    notice_in_etags()
    add_sample_notice()
    return add_lead_images(portal)


demo = DemoContent(create_demo, after=("news",))
