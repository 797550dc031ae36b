"""Upgrade 1004 → 1005, part admin levels (issue 15): the district level
(Cấp huyện) is gone since 1 July 2025; procedures that had it get the
commune level (Cấp xã), once, and the catalog follows. The vocabulary
offers Cấp xã, Cấp tỉnh and Cấp trung ương only."""

from plone import api
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

from dakto.policy.upgrades import v1005_admin_levels
from tests.procedures.helpers import make
from tests.procedures.helpers import prepare


def test_the_levels_are_the_2025_ones(portal):
    terms = getUtility(IVocabularyFactory, "dakto.policy.procedure_levels")(portal)
    assert [t.token for t in terms] == ["xa", "tinh", "trung-uong"]


def test_district_level_becomes_the_commune_level(portal, manager):
    section = prepare(portal)
    # 1004 content: written before the vocabulary lost ``huyen``.
    both = make(
        section, "chung-thuc", "Chứng thực bản sao", "2.000815", procedure_level=["xa", "huyen"]
    )
    only = make(section, "tro-cap", "Trợ cấp xã hội", "1.001776", procedure_level=["huyen", "tinh"])
    kept = make(section, "khai-sinh", "Đăng ký khai sinh", "1.001193", procedure_level=["xa"])
    assert len(api.content.find(procedure_level="huyen")) == 2

    v1005_admin_levels.upgrade(None)

    assert both.procedure_level == ["xa"]
    assert only.procedure_level == ["xa", "tinh"]
    assert kept.procedure_level == ["xa"]
    assert len(api.content.find(procedure_level="huyen")) == 0
    assert {b.id for b in api.content.find(procedure_level="xa")} == {
        "chung-thuc",
        "tro-cap",
        "khai-sinh",
    }
    brain = api.content.find(procedure_code="1.001776")[0]
    assert brain.procedure_level == ("xa", "tinh")  # the metadata column too


def test_the_step_runs_the_part(portal, manager, setup_tool):
    section = prepare(portal)
    obj = make(section, "p", "Chứng thực", "2.000815", procedure_level=["huyen"])
    setup_tool.setLastVersionForProfile("dakto.policy:default", "1004")

    setup_tool.upgradeProfile("dakto.policy:default")

    assert obj.procedure_level == ["xa"]
