"""'Was this page helpful?' (issue 17, point 7): yes/no and an optional comment
on procedures and articles, without personal data, for editors per page."""

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.annotation.interfaces import IAnnotations

from dakto.policy.antispam import HONEYPOT_FIELD
from dakto.policy.page_feedback import store
from dakto.policy.page_feedback.views import LIMITER
from tests.browsers import anon
from tests.browsers import owner
from tests.procedures.helpers import SECTION
from tests.procedures.helpers import as_owner
from tests.procedures.helpers import make


COMMENT = "Nên ghi rõ giờ làm việc của bộ phận một cửa vào thứ Bảy."


def news(portal):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        item = api.content.create(
            container=portal["tin-tuc"],
            type="News Item",
            id="le-hoi",
            title="Lễ hội cồng chiêng",
            news_source="UBND",
            news_author="Nguyễn Thị Hoa",
        )
        api.content.transition(item, to_state="published")
    return item


def procedure(functional):
    portal = as_owner(functional)
    return make(portal[SECTION], "khai-sinh", "Đăng ký khai sinh", "1.001193")


def answer(browser, page, helpful, comment=""):
    """Answer through the page's form, as a person without JavaScript does."""
    browser.open(page.absolute_url())
    form = browser.getForm(id="page-feedback-form")
    form.getControl(name="comment").value = comment
    form.getControl(name="helpful", index=0 if helpful == "yes" else 1).click()


def test_a_procedure_and_an_article_ask_whether_the_page_was_helpful_without_javascript(functional):
    page = procedure(functional)
    article = news(functional["portal"])
    transaction.commit()
    browser = anon(functional)
    for obj in (page, article):
        browser.open(obj.absolute_url())
        html = browser.contents
        assert 'id="page-feedback-form"' in html
        start = html.index('<form method="post" id="page-feedback-form"')
        form = html[start : html.index(">", start)]
        assert 'method="post"' in form and f'action="{obj.absolute_url()}/@@page-feedback"' in form
        assert "Trang này có hữu ích với bạn không?" in html
        assert f'name="{HONEYPOT_FIELD}"' in html
        assert 'name="helpful" value="yes"' in html and 'name="helpful" value="no"' in html


def test_a_folder_page_has_no_helpful_question(functional):
    browser = anon(functional)
    browser.open(functional["portal"]["tin-tuc"].absolute_url())
    assert 'id="page-feedback-form"' not in browser.contents


def test_answers_are_counted_with_the_comment_and_no_personal_data(functional):
    page = procedure(functional)
    transaction.commit()
    browser = anon(functional)
    answer(browser, page, "yes")
    assert 'id="page-feedback-sent"' in browser.contents
    assert browser.headers["status"].startswith("200")
    answer(browser, page, "no", COMMENT)
    answer(browser, page, "yes")
    transaction.begin()
    assert store.counts(page) == {"yes": 2, "no": 1, "total": 3}
    [comment] = store.comments(page)
    assert comment.text == COMMENT and comment.helpful is False
    # what is kept: the answer, the day, the text; no address, user or time of day
    assert set(vars(comment)) - {"_p_jar", "_p_oid"} <= {"helpful", "text", "day"}
    annotation = IAnnotations(page)[store.ANNOTATION_KEY]
    assert set(annotation.__dict__) <= {"yes", "no", "comments"}


def test_editors_see_the_counts_and_comments_of_the_page(functional):
    page = procedure(functional)
    transaction.commit()
    browser = anon(functional)
    answer(browser, page, "no", COMMENT)
    answer(browser, page, "yes")
    editor = owner(functional)
    editor.open(f"{page.absolute_url()}/@@page-feedback-results")
    html = editor.contents
    assert '<td class="pf-yes">1</td>' in html
    assert '<td class="pf-no">1</td>' in html
    assert '<td class="pf-total">2</td>' in html
    assert "50 %" in html
    assert COMMENT in html
    # anonymous may not read the results
    browser.open(f"{page.absolute_url()}/@@page-feedback-results")
    assert COMMENT not in browser.contents
    assert "page-feedback-counts" not in browser.contents


def test_an_answer_without_yes_or_no_or_with_a_too_long_comment_is_refused_at_the_field(functional):
    page = procedure(functional)
    transaction.commit()
    browser = anon(functional)
    browser.post(f"{page.absolute_url()}/@@page-feedback", "comment=abc")
    assert browser.headers["status"].startswith("400")
    assert 'id="pf-helpful-error"' in browser.contents
    assert "Hãy chọn Có hoặc Không." in browser.contents
    browser.post(f"{page.absolute_url()}/@@page-feedback", "helpful=maybe")
    assert browser.headers["status"].startswith("400")
    long = "a" * (store.COMMENT_MAX + 1)
    browser.post(f"{page.absolute_url()}/@@page-feedback", f"helpful=yes&comment={long}")
    assert browser.headers["status"].startswith("400")
    assert 'id="pf-comment-error"' in browser.contents
    transaction.begin()
    assert store.counts(page)["total"] == 0


def test_the_honeypot_and_the_rate_limit_refuse_like_the_other_public_forms(functional):
    page = procedure(functional)
    transaction.commit()
    browser = anon(functional)
    url = f"{page.absolute_url()}/@@page-feedback"
    browser.post(url, f"helpful=yes&{HONEYPOT_FIELD}=http://spam.example")
    assert browser.headers["status"].startswith("400")
    assert 'id="page-feedback-error"' in browser.contents
    transaction.begin()
    assert store.counts(page)["total"] == 0
    LIMITER.reset()
    for _ in range(LIMITER.max_requests):
        browser.post(url, "helpful=yes")
        assert browser.headers["status"].startswith("200")
    browser.post(url, "helpful=yes")
    assert browser.headers["status"].startswith("429")
    assert browser.headers["Retry-After"]
    transaction.begin()
    assert store.counts(page)["total"] == LIMITER.max_requests


def test_a_get_goes_back_to_the_form(functional):
    page = procedure(functional)
    transaction.commit()
    browser = anon(functional)
    browser.followRedirects = False
    browser.open(f"{page.absolute_url()}/@@page-feedback")
    assert browser.headers["status"].startswith("302")
    assert browser.headers["Location"] == f"{page.absolute_url()}#page-feedback-form"
