"""Images are shown with the alternative text their editor gave (WCAG 2.1, 1.1.1)."""

import re
from pathlib import Path

import plone.app.contenttypes.tests
from plone.namedfile.file import NamedBlobImage

from .helpers import anonymous
from .helpers import create
from .helpers import news


PNG = (Path(plone.app.contenttypes.tests.__file__).parent / "image.png").read_bytes()
ALT = "Trụ sở UBND thị trấn Đắk Tô, nhìn từ đường Hùng Vương"


def _image():
    return NamedBlobImage(data=PNG, filename="tru-so.png", contentType="image/png")


def _alts(html, src_part):
    """alt of every content <img> (not navigation thumbnails) whose src
    contains ``src_part``."""
    found = []
    for tag in re.findall(r"<img\b[^>]*>", html):
        if src_part in tag and "figure-img" in tag:
            alt = re.search(r'\balt="([^"]*)"', tag)
            found.append(alt.group(1) if alt else None)
    return found


def test_image_view_uses_the_alternative_text(functional):
    image = create(
        functional,
        "gioi-thieu",
        "Image",
        "tru-so",
        "tru-so.png",
        publish=False,  # images follow their folder (no workflow of their own)
        image=_image(),
        alt_text=ALT,
    )
    browser = anonymous(functional)
    browser.open(image.absolute_url() + "/view")
    alts = _alts(browser.contents, "/tru-so/@@images/")
    assert alts and all(alt == ALT for alt in alts), alts
    # a template that asks for its own alt keeps it
    images = image.restrictedTraverse("@@images")
    assert 'alt=""' in images.tag("image", scale="thumb", alt="")
    assert f'alt="{ALT}"' in images.tag("image", scale="thumb")


def test_news_lead_image_uses_its_alternative_text(functional):
    item = news(
        functional,
        "khanh-thanh",
        "Khánh thành trụ sở mới",
        image=_image(),
        alt_text=ALT,
        image_caption="Ảnh: Văn phòng UBND",
    )
    browser = anonymous(functional)
    browser.open(item.absolute_url())
    alts = _alts(browser.contents, "/khanh-thanh/@@images/")
    assert alts and all(alt == ALT for alt in alts), alts


def test_news_lead_image_without_alternative_text_falls_back_to_its_caption(functional):
    item = news(
        functional, "le-hoi", "Lễ hội cồng chiêng", image=_image(), image_caption="Đội cồng chiêng"
    )
    browser = anonymous(functional)
    browser.open(item.absolute_url())
    alts = _alts(browser.contents, "/le-hoi/@@images/")
    assert alts and all(alt == "Đội cồng chiêng" for alt in alts), alts
