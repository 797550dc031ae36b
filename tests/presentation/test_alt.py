"""Images are shown with the alternative text their editor gave (WCAG 2.1, 1.1.1)."""

import base64
import re
from pathlib import Path

import plone.app.contenttypes.tests
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobImage
from plone.testing.zope import Browser

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
        publish=True,  # an image is private until a publisher publishes it
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


# A lead image needs its alternative text: forms and REST ------------------

OWNER = f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}"
ATTRIBUTION = {"news_source": "UBND thị trấn Đắk Tô", "news_author": "Nguyễn Thị Hoa"}
NO_ALT = "Mô tả ảnh đại diện"  # the start of the message in Vietnamese


def _add_news_form(functional, title):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", OWNER)
    browser.open(functional["portal"].absolute_url() + "/tin-tuc/kinh-te/++add++News Item")
    browser.getControl(name="form.widgets.IDublinCore.title").value = title
    for name, value in ATTRIBUTION.items():
        browser.getControl(name=f"form.widgets.INewsAttribution.{name}").value = value
    return browser


def _alt_field(html):
    start = html.index('id="formfield-form-widgets-ILeadImageAltText-alt_text"')
    return html[start : html.find('id="formfield-form-widgets-', start + 10)]


def test_news_form_asks_for_the_lead_image_alt_and_keeps_the_upload(functional):
    browser = _add_news_form(functional, "Trao quà Tết")
    browser.getControl(name="form.widgets.ILeadImageBehavior.image").add_file(
        PNG, "image/png", "trao-qua.png"
    )
    browser.getControl(name="form.buttons.save").click()
    assert NO_ALT in _alt_field(browser.contents)
    assert "trao-qua-tet" not in functional["portal"]["tin-tuc"]["kinh-te"].objectIds()

    # Saved again, still without the text: the upload the form kept is
    # still asked for its text (and not taken away by the check).
    browser.getControl(name="form.buttons.save").click()
    assert NO_ALT in _alt_field(browser.contents)
    assert "trao-qua-tet" not in functional["portal"]["tin-tuc"]["kinh-te"].objectIds()

    # With the text, the image uploaded in the first try is saved.
    browser.getControl(name="form.widgets.ILeadImageAltText.alt_text").value = ALT
    browser.getControl(name="form.buttons.save").click()
    item = functional["portal"]["tin-tuc"]["kinh-te"]["trao-qua-tet"]
    assert item.alt_text == ALT
    assert item.image.filename == "trao-qua.png" and item.image.data == PNG


def test_news_form_without_a_lead_image_needs_no_alt(functional):
    browser = _add_news_form(functional, "Lịch tiếp dân")
    browser.getControl(name="form.buttons.save").click()
    assert "lich-tiep-dan" in functional["portal"]["tin-tuc"]["kinh-te"].objectIds()


def test_news_edit_form_asks_for_the_alt_of_a_kept_image_and_not_after_removing_it(functional):
    item = news(functional, "tiep-dan", "Tiếp dân", image=_image(), alt_text=ALT)
    browser = _add_news_form(functional, "unused")
    browser.open(item.absolute_url() + "/edit")
    browser.getControl(name="form.widgets.ILeadImageAltText.alt_text").value = "  "
    browser.getControl(name="form.buttons.save").click()
    assert NO_ALT in _alt_field(browser.contents)
    assert item.alt_text == ALT

    browser.getControl(name="form.widgets.ILeadImageBehavior.image.action").value = ["remove"]
    browser.getControl(name="form.buttons.save").click()
    assert item.image is None and not (item.alt_text or "").strip()


def _png_json():
    return {
        "data": base64.b64encode(PNG).decode(),
        "encoding": "base64",
        "filename": "trao-qua.png",
        "content-type": "image/png",
    }


def test_rest_refuses_a_lead_image_without_alt(manager_request):
    body = {"@type": "News Item", "title": "Trao quà", "image": _png_json()} | ATTRIBUTION
    refused = manager_request.post("/tin-tuc/kinh-te", json=body)
    assert refused.status_code == 400, refused.text
    assert "alt_text: " + NO_ALT in refused.json()["message"]

    created = manager_request.post("/tin-tuc/kinh-te", json=body | {"alt_text": ALT})
    assert created.status_code == 201, created.text
    url = created.json()["@id"]
    # Emptying the text of an item that has an image: refused, nothing changed.
    emptied = manager_request.patch(url, json={"alt_text": ""})
    assert emptied.status_code == 400 and "alt_text" in emptied.json()["message"]
    assert manager_request.get(url).json()["alt_text"] == ALT
    # Without an image no text is needed.
    plain = {"@type": "News Item", "title": "Lịch tiếp dân"} | ATTRIBUTION
    assert manager_request.post("/tin-tuc/kinh-te", json=plain).status_code == 201
    assert manager_request.patch(url, json={"image": None, "alt_text": None}).status_code == 204
