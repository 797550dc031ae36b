"""Responsive pictures (issue 16, docs/light-pages.md): every public page
that shows an image gives it a ``srcset`` of several widths with ``sizes``,
its ``width``/``height`` (no layout shift), and loads it lazily unless it is
the page's first, which is fetched at once (``fetchpriority="high"``)."""

import io
import re

import pytest
import transaction
from bs4 import BeautifulSoup
from PIL import Image
from plone import api
from plone.namedfile.file import NamedBlobImage

from tests.browsers import anon


ARTICLE = "tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026"


# Articles of the demo given a lead image here (whatever the demo gives them).
LEAD_IMAGES = {
    "tin-tuc/kinh-te/thu-hoach-ca-phe-nien-vu-2026": "Đồi cà phê dưới nắng sớm",
    "tin-tuc/kinh-te/hoi-nghi-xuc-tien-dau-tu-nong-nghiep": "Hội trường hội nghị",
    "tin-tuc/van-hoa-xa-hoi/khai-giang-lop-xoa-mu-chu": "Lớp học buổi tối",
}


def jpeg(width=1200, height=675, colour=(40, 120, 90)):
    data = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(data, "JPEG", quality=80)
    return NamedBlobImage(data.getvalue(), "image/jpeg", "anh.jpg")


@pytest.fixture
def functional(functional):
    """The functional site with the demo's articles (three with a lead image),
    people (with photos) and businesses (with logos)."""
    from dakto.policy.demo.setup import demo_parts

    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        for name, part in demo_parts():
            if name in ("news", "organisation", "promotion"):
                part.create(portal)
        for path, alt in LEAD_IMAGES.items():
            article = portal.unrestrictedTraverse(path)
            article.image = jpeg()
            article.alt_text = alt
            article.reindexObject()
        # Whatever else the demo set: only these three have one.
        for brain in api.content.find(portal_type="News Item"):
            obj = brain.getObject()
            if "/".join(obj.getPhysicalPath()[2:]) not in LEAD_IMAGES and obj.image:
                obj.image = None
                obj.reindexObject()
    transaction.commit()
    return functional


def images(browser, selector="#content img"):
    return BeautifulSoup(browser.contents, "html.parser").select(selector)


def srcset(img):
    """[(url, width)] of an <img>'s or <source>'s srcset."""
    entries = [entry.split() for entry in img["srcset"].split(",") if entry.strip()]
    assert all(len(entry) == 2 and entry[1].endswith("w") for entry in entries), entries
    return [(url, int(width[:-1])) for url, width in entries]


def check_responsive(img, widths_at_least=3):
    widths = [width for _url, width in srcset(img)]
    assert len(set(widths)) >= widths_at_least, img
    assert widths == sorted(widths), widths
    assert img.get("sizes"), img
    assert int(img["width"]) > 0 and int(img["height"]) > 0, img
    # The src is one of the scales, with the size it says.
    assert img["src"] in [url for url, _w in srcset(img)], img


def is_lazy(img):
    return img.get("loading") == "lazy" and img.get("decoding") == "async"


def is_eager(img):
    return img.get("fetchpriority") == "high" and "loading" not in img.attrs


def test_article_lead_image_is_the_main_picture(functional):
    browser = anon(functional)
    browser.open(f"{functional['portal'].absolute_url()}/{ARTICLE}")
    (img,) = images(browser, "#section-leadimage img")
    check_responsive(img, widths_at_least=4)
    assert is_eager(img), img
    assert img["alt"] == LEAD_IMAGES[ARTICLE]
    assert "img-fluid" in img["class"]
    # Each width of the srcset is an image of that width (the browser's
    # choice is what it downloads).
    for url, width in srcset(img):
        browser.open(url)
        assert browser.headers["Content-Type"] == "image/jpeg"
        assert Image.open(io.BytesIO(browser.contents)).size[0] == width, url


def test_article_inline_images_are_lazy_with_a_srcset(functional):
    """An image an editor puts in the text (TinyMCE's picture variants) becomes
    Plone's <picture> with a srcset, sizes, width/height and lazy loading."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        picture = api.content.create(
            portal["gioi-thieu"], "Image", id="anh-trong-bai", title="Ảnh", alt_text="Đồi xanh"
        )
        picture.image = jpeg(colour=(200, 160, 60))
        picture.reindexObject()
        api.content.transition(picture, to_state="published")
        article = portal.unrestrictedTraverse(ARTICLE)
        article.text = type(article.text)(
            article.text.raw
            + f'<p><img class="image-richtext" data-picturevariant="medium" alt="Đồi xanh"'
            f' src="resolveuid/{picture.UID()}/@@images/image/teaser" /></p>',
            "text/html",
            "text/x-html-safe",
        )
    transaction.commit()
    browser = anon(functional)
    browser.open(article.absolute_url())
    (picture_tag,) = images(browser, "#parent-fieldname-text picture")
    source = picture_tag.find("source")
    assert len({w for _u, w in srcset(source)}) >= 3 and source.get("sizes")
    img = picture_tag.find("img")
    assert img.get("loading") == "lazy"
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert img["alt"] == "Đồi xanh"


def test_news_listing_first_picture_eager_the_others_lazy(functional):
    browser = anon(functional)
    browser.open(f"{functional['portal'].absolute_url()}/tin-tuc")
    pictures = images(browser, ".dakto-news-entry img")
    with_images = [p for p in LEAD_IMAGES if p.startswith("tin-tuc/")]
    assert len(pictures) == len(with_images) >= 3
    for img in pictures:
        check_responsive(img, widths_at_least=2)
        assert "dakto-news-thumb" in img["class"]
        assert img["alt"] == ""  # beside its linked title: decorative
    first, *others = pictures
    assert is_eager(first), first
    assert all(is_lazy(img) for img in others), others
    # From the catalog's metadata: the same URLs as the article's own scales.
    for url, _width in srcset(first):
        browser.open(url)
        assert browser.headers["Content-Type"] == "image/jpeg", url


@pytest.mark.parametrize(
    ("path", "count", "sizes"),
    [
        ("gioi-thieu/co-cau-to-chuc", 2, "120px"),
        ("gioi-thieu/co-cau-to-chuc/nguyen-van-thanh", 1, "200px"),
    ],
)
def test_organisation_photos(functional, path, count, sizes):
    browser = anon(functional)
    browser.open(f"{functional['portal'].absolute_url()}/{path}")
    photos = images(browser, "img.dakto-person-photo")
    assert len(photos) >= count
    for img in photos:
        assert img["sizes"] == sizes
        assert srcset(img) and int(img["width"]) > 0 and int(img["height"]) > 0
        assert img["alt"].startswith("Ảnh chân dung")
    assert is_eager(photos[0])
    assert all(is_lazy(img) for img in photos[1:])


def test_promotion_logos(functional):
    browser = anon(functional)
    portal_url = functional["portal"].absolute_url()
    browser.open(f"{portal_url}/dau-tu/quang-ba-doanh-nghiep")
    logos = images(browser, "img.dakto-promotion-logo")
    assert logos
    assert is_eager(logos[0]) and all(is_lazy(img) for img in logos[1:])
    for img in logos:
        assert img["sizes"] == "128px" and img["alt"].startswith("Logo ")
        assert srcset(img) and int(img["width"]) > 0 and int(img["height"]) > 0
    page = re.sub(r"/@@images/.*", "", logos[0]["src"])
    browser.open(page)
    (logo,) = images(browser, "img.dakto-promotion-logo")
    assert logo["sizes"] == "200px" and is_eager(logo)


def test_no_picture_without_an_image(functional):
    """An article without a lead image shows no empty <img>."""
    browser = anon(functional)
    browser.open(f"{functional['portal'].absolute_url()}/tin-tham-khao/du-bao-gia-ca-phe-cuoi-nam")
    assert not images(browser, "#section-leadimage img")
    assert not [img for img in images(browser) if not img.get("src")]
