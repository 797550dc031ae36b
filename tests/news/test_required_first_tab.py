"""Issue 19.7 in the form's HTML (tests/browser/test_required_visible.py
shows it in Chromium): source and author are on the first tab of the
article's add and edit forms, marked required, and a failed save lists every
error at once at the top of the form, each a link to its field."""

import lxml.html
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import login
from plone.testing.zope import Browser


FIELDS = ("news_source", "news_author")
SOURCE_ERROR = "Hãy nhập nguồn tin của tin bài, hoặc đánh dấu 'Ý kiến bạn đọc'."
AUTHOR_ERROR = "Hãy nhập người viết tin bài, hoặc đánh dấu 'Ý kiến bạn đọc'."


def owner_browser(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.addHeader("Accept-Language", "vi")
    return browser


def first_fieldset(html):
    form = lxml.html.document_fromstring(html).get_element_by_id("form")
    return form.xpath(".//fieldset")[0]


def field_ids(fieldset):
    return [e.get("id") for e in fieldset.xpath(".//*[starts-with(@id, 'formfield-')]")]


def check_first_tab(html):
    fieldset = first_fieldset(html)
    ids = field_ids(fieldset)
    for name in FIELDS:
        wrapper = f"formfield-form-widgets-INewsAttribution-{name}"
        assert wrapper in ids, f"{name} on the first tab: {ids}"
        element = fieldset.xpath(f".//*[@id='{wrapper}']")[0]
        assert element.xpath(".//span[contains(@class, 'required')]"), f"{name} marked required"
        control = fieldset.xpath(f".//input[@id='form-widgets-INewsAttribution-{name}']")[0]
        # for screen readers; no HTML "required": the browser would refuse a
        # reader's contribution (which needs neither) with its own message
        assert control.get("aria-required") == "true" and control.get("required") is None
    # right after the summary
    assert ids.index("formfield-form-widgets-INewsAttribution-news_source") == (
        ids.index("formfield-form-widgets-IDublinCore-description") + 1
    )


def test_add_form_has_source_and_author_on_the_first_tab_marked_required(functional):
    browser = owner_browser(functional)
    browser.open(f"{functional['portal'].absolute_url()}/tin-tuc/kinh-te/++add++News Item")
    check_first_tab(browser.contents)


def test_edit_form_has_source_and_author_on_the_first_tab_marked_required(functional):
    portal = functional["portal"]
    login(functional["app"], SITE_OWNER_NAME)
    obj = api.content.create(
        container=portal["tin-tuc"]["kinh-te"],
        type="News Item",
        id="co-nguon",
        title="Có nguồn",
        news_source="UBND",
        news_author="Trần B",
    )
    transaction.commit()
    browser = owner_browser(functional)
    browser.open(obj.absolute_url() + "/edit")
    check_first_tab(browser.contents)


def test_failed_save_lists_both_errors_at_the_top_with_links(functional):
    browser = owner_browser(functional)
    browser.open(f"{functional['portal'].absolute_url()}/tin-tuc/kinh-te/++add++News Item")
    browser.getControl(name="form.widgets.IDublinCore.title").value = "Tin thiếu nguồn"
    browser.getControl(name="form.buttons.save").click()
    document = lxml.html.document_fromstring(browser.contents)
    summary = document.get_element_by_id("dakto-form-errors")
    form = document.get_element_by_id("form")
    assert list(summary.iterancestors()).count(form) == 0, "above the form, not inside"
    links = {a.get("href"): a.text_content().strip() for a in summary.xpath(".//a")}
    assert links == {
        "#form-widgets-INewsAttribution-news_source": "Nguồn tin",
        "#form-widgets-INewsAttribution-news_author": "Người viết",
    }
    text = " ".join(summary.text_content().split())
    assert SOURCE_ERROR in text and AUTHOR_ERROR in text
    for href in links:
        assert document.xpath(f"//*[@id='{href[1:]}']"), "the link's target is on the page"
    # and each at its field
    for name, message in zip(FIELDS, (SOURCE_ERROR, AUTHOR_ERROR), strict=True):
        wrapper = document.get_element_by_id(f"formfield-form-widgets-INewsAttribution-{name}")
        assert message in " ".join(wrapper.text_content().split())


def test_no_summary_on_a_form_without_errors(functional):
    browser = owner_browser(functional)
    browser.open(f"{functional['portal'].absolute_url()}/tin-tuc/kinh-te/++add++News Item")
    assert 'id="dakto-form-errors"' not in browser.contents
