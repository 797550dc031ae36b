"""Read-aloud (issue 17 point 7) as the server sends it: the controls on
news items, procedures and the Q&A section, hidden (shown by the script only
where the device has a Vietnamese voice), the same for every visitor, with
Vietnamese labels and the deferred script; nowhere else. The behaviour in a
browser: tests/browser/test_read_aloud.py."""

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from dakto.policy.feedback import names
from dakto.policy.read_aloud.viewlets import SCRIPT
from tests.browsers import anon


BOX = 'class="dakto-read-aloud mb-3" hidden="hidden"'


def _published(portal, type_, container, id_, **fields):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj = api.content.create(container=container, type=type_, id=id_, **fields)
        api.content.transition(obj, to_state="published")
    return obj


def test_a_news_item_has_the_hidden_controls_and_the_script(functional):
    portal = functional["portal"]
    item = _published(
        portal, "News Item", portal["tin-tuc"], "mua-ca-phe", title="Mùa cà phê năm 2026"
    )
    item.news_source, item.news_author = "UBND", "Văn phòng"
    transaction.commit()
    browser = anon(functional)
    browser.open(item.absolute_url())
    html = browser.contents
    assert BOX in html
    assert 'aria-label="Nghe đọc nội dung trang này"' in html
    assert ">Nghe đọc</button>" in html and ">Dừng đọc</button>" in html
    assert 'data-pause="Tạm dừng"' in html and 'data-resume="Đọc tiếp"' in html
    assert f'src="{portal.absolute_url()}/{SCRIPT}"' in html
    browser.open(f"{portal.absolute_url()}/{SCRIPT}")
    assert browser.headers["status"].startswith("200")
    assert b"speechSynthesis" in browser.contents


def test_the_qa_section_has_them_other_folders_do_not(functional):
    portal = functional["portal"]
    qa = portal[names.SECTION][names.QA_SECTION]
    browser = anon(functional)
    browser.open(qa.absolute_url())
    assert BOX in browser.contents
    browser.open(portal["tin-tuc"].absolute_url())
    assert "data-dakto-read-aloud" not in browser.contents
    browser.open(portal[names.SECTION].absolute_url())
    assert "data-dakto-read-aloud" not in browser.contents
