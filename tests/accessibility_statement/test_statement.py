"""The accessibility statement (issue 17, point 7): a conformance claim (WCAG
2.1 AA, TT 26/2020/TT-BTTTT), how it was tested, how to report a barrier
(the feedback form), linked in the footer, in the site's own names."""

import transaction
from plone import api
from plone.testing.zope import Browser

from dakto.policy.accessibility.statement import STATEMENT_ID
from dakto.policy.accessibility.statement import STATEMENT_TITLE
from dakto.policy.accessibility.statement import install
from dakto.policy.identity.localise import follow_identity


def test_the_install_creates_the_statement_published_out_of_the_navigation(portal):
    page = portal[STATEMENT_ID]
    assert page.portal_type == "Document"
    assert page.Title() == STATEMENT_TITLE
    assert api.content.get_state(page) == "published"
    assert page.exclude_from_nav
    text = page.text.raw
    assert "WCAG 2.1 mức AA" in text
    assert "axe-core" in text and "bàn phím" in text and "trình đọc màn hình" in text
    assert "Thông tư 26/2020/TT-BTTTT" in text
    section = portal["phan-anh-kien-nghi"]
    assert f'href="resolveuid/{section.UID()}"' in text  # report a barrier: the feedback form


def test_the_statement_names_the_site_from_its_identity_not_a_fixed_place(portal, manager):
    api.content.delete(portal[STATEMENT_ID])
    api.portal.set_registry_record("dakto.identity.body_name", "Ủy ban nhân dân phường Hải Châu")
    api.portal.set_registry_record(
        "dakto.identity.portal_title", "Trang thông tin điện tử phường Hải Châu"
    )
    api.portal.set_registry_record("dakto.identity.email", "haichau@danang.gov.vn")
    page = install(portal)
    text = page.text.raw
    assert "Ủy ban nhân dân phường Hải Châu cam kết" in text
    assert "Trang thông tin điện tử phường Hải Châu" in page.Description()
    assert "mailto:haichau@danang.gov.vn" in text
    assert "Đắk Tô" not in text + page.Description()


def test_install_keeps_a_statement_the_board_edited(portal, manager):
    portal[STATEMENT_ID].title = "Tuyên bố của Ban Biên tập"
    assert install(portal).title == "Tuyên bố của Ban Biên tập"


def test_a_renamed_site_renames_the_statement(portal, manager):
    old = api.portal.get_registry_record("dakto.identity.body_name")
    assert old in portal[STATEMENT_ID].text.raw
    follow_identity(portal, "body_name", old, "Ủy ban nhân dân xã Ngọc Tụ")
    assert "Ủy ban nhân dân xã Ngọc Tụ cam kết" in portal[STATEMENT_ID].text.raw


def test_every_page_links_the_statement_in_the_footer_and_it_opens(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    portal = functional["portal"]
    for path in ("", "/tin-tuc"):
        browser.open(portal.absolute_url() + path)
        footer = browser.contents.split('id="dakto-footer"', 1)[1]
        assert f'href="{portal.absolute_url()}/{STATEMENT_ID}"' in footer
        assert "Tuyên bố về khả năng tiếp cận" in footer
    browser.getLink(url=f"/{STATEMENT_ID}").click()
    assert "<h2>3. Cách kiểm tra</h2>" in browser.contents
    # resolveuid is turned into the form's address on output
    assert f'href="{portal.absolute_url()}/phan-anh-kien-nghi"' in browser.contents


def test_without_a_statement_the_footer_has_no_dead_link(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(portal[STATEMENT_ID])
    transaction.commit()
    browser = Browser(functional["app"])
    browser.open(portal.absolute_url())
    assert STATEMENT_ID not in browser.contents
