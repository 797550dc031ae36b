"""Royalty records, the monthly statement and its exports (Article 7.1, NĐ 18/2014)."""

import io

import pytest
import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser

from dakto.policy.royalties.records import RoyaltyError
from dakto.policy.royalties.records import get_record
from dakto.policy.royalties.records import set_record
from dakto.policy.royalties.settings import parse_genre
from dakto.policy.royalties.statement import statement
from dakto.policy.workflow.names import PUBLISHED


def publish_at(obj, when):
    """Publish ``obj`` whatever its workflow, and date the publish entry ``when``."""
    with api.env.adopt_roles(["Manager"]):
        if api.content.get_state(obj) != PUBLISHED:
            api.content.transition(obj=obj, to_state=PUBLISHED)
    for chain in obj.workflow_history.values():
        entry = dict(chain[-1])
        entry["time"] = DateTime(when)
        obj.workflow_history[next(iter(obj.workflow_history))] = (*chain[:-1], entry)
    obj.reindexObject()
    return obj


def article(container, id, author="Nguyễn Văn A", when="2026/10/15 09:00 GMT+7"):
    obj = api.content.create(
        container=container,
        type="News Item",
        id=id,
        title=f"Bài {id}",
        news_source="UBND thị trấn",
        news_author=author,
    )
    return publish_at(obj, when)


@pytest.fixture
def news(manager):
    return manager["tin-tuc"]["kinh-te"]


def test_genre_lines_parse_and_bad_lines_are_refused():
    genre = parse_genre("tin|0.5|2|Tin")
    assert (genre.token, str(genre.lowest), str(genre.highest), genre.title) == (
        "tin",
        "0.5",
        "2",
        "Tin",
    )
    for bad in ("tin|2|0.5|Tin", "tin|0|2|Tin", "tin|a|2|Tin", "tin|1|2", "t n|1|2|x", ""):
        with pytest.raises(ValueError):
            parse_genre(bad)


def test_amount_is_coefficient_times_unit_value_taken_when_recorded(news):
    api.portal.set_registry_record("dakto.royalties.unit_value", 234000)
    item = article(news, "a1")
    record = set_record(item, "tin", "1,5", "Nguyễn Văn A", "Văn phòng")
    assert (record["coefficient"], record["unit_value"], record["amount"]) == (
        "1.5",
        234000,
        351000,
    )
    assert record["month"] == "2026-10"
    api.portal.set_registry_record("dakto.royalties.unit_value", 250000)
    assert get_record(item)["amount"] == 351000  # what was due stays due


@pytest.mark.parametrize(
    "genre, coefficient, payee, field",
    [
        ("khong-co", "1", "A", "genre"),
        ("tin", "2.5", "A", "coefficient"),  # above the news frame (0.5–2)
        ("tin", "0.4", "A", "coefficient"),
        ("tin", "abc", "A", "coefficient"),
        ("tin", "NaN", "A", "coefficient"),
        ("tin", "", "A", "coefficient"),
        ("tin", "1", "", "payee"),
        ("tin", "1", "x" * 201, "payee"),
        (["tin"], "1", "A", "genre"),
    ],
)
def test_bad_records_are_refused_with_the_field(news, genre, coefficient, payee, field):
    item = article(news, "a2")
    with pytest.raises(RoyaltyError) as error:
        set_record(item, genre, coefficient, payee)
    assert error.value.field == field
    assert get_record(item) is None


def test_only_published_articles_get_a_record(news):
    draft = api.content.create(container=news, type="News Item", id="nhap", title="Nháp")
    with pytest.raises(RoyaltyError):
        set_record(draft, "tin", "1", "A")


def test_statement_groups_by_payee_and_lists_unrecorded(news):
    api.portal.set_registry_record("dakto.royalties.unit_value", 200000)
    set_record(article(news, "b1", when="2026/10/02 10:00 GMT+7"), "tin", "1", "Lê Thị B")
    set_record(article(news, "b2", when="2026/10/30 10:00 GMT+7"), "tin", "2", "Lê Thị B")
    set_record(article(news, "b3", when="2026/10/31 23:30 GMT+7"), "phong-van", "3", "Trần C")
    set_record(article(news, "b4", when="2026/11/01 00:30 GMT+7"), "tin", "1", "Trần C")
    article(news, "b5", when="2026/10/20 10:00 GMT+7")  # published, no record yet

    october = statement("2026-10")
    people = {p["payee"]: p for p in october["people"]}
    assert set(people) == {"Lê Thị B", "Trần C"}
    assert (len(people["Lê Thị B"]["articles"]), people["Lê Thị B"]["amount"]) == (2, 600000)
    assert people["Lê Thị B"]["coefficients"] == "3"
    assert (len(people["Trần C"]["articles"]), people["Trần C"]["amount"]) == (1, 600000)
    assert (october["articles"], october["amount"]) == (3, 1200000)
    assert [u["title"] for u in october["unrecorded"]] == ["Bài b5"]
    november = statement("2026-11")
    assert (november["articles"], november["amount"]) == (1, 200000)


def _browser(app):
    browser = Browser(app)
    browser.handleErrors = False
    browser.raiseHttpErrors = False
    return browser


@pytest.fixture
def published(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        item = article(portal["tin-tuc"]["kinh-te"], "c1", when="2026/09/10 08:00 GMT+7")
    transaction.commit()
    return item


def test_the_form_records_and_shows_field_errors(functional, published):
    browser = _browser(functional["app"])
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(published.absolute_url() + "/@@royalty")
    assert browser.getControl(name="form.widgets.payee").value == "Nguyễn Văn A"
    browser.getControl(name="form.widgets.genre:list").value = ["tin"]
    browser.getControl(name="form.widgets.coefficient").value = "9"
    browser.getControl(name="form.buttons.save").click()
    assert "từ 0.5 đến 2" in browser.contents  # at the field, in Vietnamese
    assert get_record(published) is None
    browser.getControl(name="form.widgets.coefficient").value = "1.5"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert get_record(published)["coefficient"] == "1.5"


def test_statement_page_exports_ods_and_xlsx_with_the_numbers(functional, published):
    from odf.opendocument import load
    from odf.table import TableCell
    from odf.table import TableRow
    from openpyxl import load_workbook

    api.portal.set_registry_record("dakto.royalties.unit_value", 234000)
    set_record(published, "tin", "2", "Nguyễn Văn A", "Văn phòng")
    transaction.commit()
    browser = _browser(functional["app"])
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(functional["portal"].absolute_url() + "/@@royalty-statement?month=2026-09")
    assert "Nguyễn Văn A" in browser.contents and "468.000" in browser.contents

    browser.open(
        functional["portal"].absolute_url() + "/@@royalty-statement?month=2026-09&format=ods"
    )
    assert browser.headers["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    document = load(
        io.BytesIO(
            browser.contents
            if isinstance(browser.contents, bytes)
            else browser.contents.encode("latin-1")
        )
    )
    rows = [
        [str(cell) for cell in row.getElementsByType(TableCell)]
        for row in document.spreadsheet.getElementsByType(TableRow)
    ]
    assert ["Nguyễn Văn A", "Văn phòng", "1", "2.0", "468000"] in rows

    browser.open(
        functional["portal"].absolute_url() + "/@@royalty-statement?month=2026-09&format=xlsx"
    )
    workbook = load_workbook(
        io.BytesIO(
            browser.contents
            if isinstance(browser.contents, bytes)
            else browser.contents.encode("latin-1")
        )
    )
    values = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    assert ["Nguyễn Văn A", "Văn phòng", 1, 2, 468000] in values

    browser.open(functional["portal"].absolute_url() + "/@@royalty-statement?month=2026-13")
    assert browser.headers["status"].startswith("400")


def test_anonymous_never_sees_amounts(functional, published):
    set_record(published, "tin", "2", "Nguyễn Văn A")
    transaction.commit()
    browser = Browser(functional["app"])
    browser.raiseHttpErrors = False
    for path in ("/@@royalty-statement?month=2026-09", "/tin-tuc/kinh-te/c1/@@royalty"):
        browser.open(functional["portal"].absolute_url() + path)
        assert "/login" in browser.url or "require_login" in browser.url, browser.url
        assert "468.000" not in browser.contents


def test_rest_records_and_refuses_with_400(functional, published, manager_request, anon_request):
    url = "/tin-tuc/kinh-te/c1/@royalty"
    assert manager_request.get(url).status_code == 404
    bad = manager_request.post(url, json={"genre": "tin", "coefficient": "50", "payee": "A"})
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "coefficient"
    assert manager_request.post(url, data="{broken").status_code == 400
    assert manager_request.post(url, json={"genre": "tin", "x": 1}).json()["error"]["field"] == "x"
    ok = manager_request.post(url, json={"genre": "tin", "coefficient": 1, "payee": "A"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["amount"] == api.portal.get_registry_record("dakto.royalties.unit_value")
    assert manager_request.get("/@royalty-statement?month=2026-09").json()["articles"] == 1
    assert manager_request.get("/@royalty-statement?month=09-2026").status_code == 400
    for refused in (anon_request.get("/@royalty-statement?month=2026-09"), anon_request.get(url)):
        assert refused.status_code in (401, 404), refused.text
        assert "amount" not in refused.text


def test_only_administrators_and_the_head_of_the_board_manage_royalties(portal):
    from dakto.policy.royalties.settings import MANAGE_PERMISSION
    from dakto.policy.workflow import names

    groups = {
        names.HEAD_OF_BOARD_GROUP: True,
        names.ADMINISTRATORS_GROUP: True,
        names.REVIEWERS_GROUP: False,
        names.UPDATERS_GROUP: False,
        names.PUBLISHERS_GROUP: False,
    }
    for group, allowed in groups.items():
        user = api.user.create(
            email=f"{group}@example.org", username=f"u-{group}", password="cay-ca-phe-doi9"
        )
        api.group.add_user(groupname=group, username=user.getId())
        assert (
            api.user.has_permission(MANAGE_PERMISSION, username=user.getId(), obj=portal) is allowed
        ), group
    assert api.group.get(names.HEAD_OF_BOARD_GROUP).getProperty("title") == "Trưởng Ban biên tập"
