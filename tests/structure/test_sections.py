"""Article 4: the sections the portal publishes, with Vietnamese titles."""

import unicodedata

import pytest
from plone import api

from dakto.policy.structure.sections import SECTIONS
from dakto.policy.structure.sections import walk
from dakto.policy.structure.setup import create_structure


EXPECTED_TOP = [
    ("gioi-thieu", "Giới thiệu"),
    ("tin-tuc", "Tin tức - Sự kiện"),
    ("van-ban", "Văn bản pháp luật"),
    ("du-thao", "Dự thảo lấy ý kiến"),
    ("thu-tuc-hanh-chinh", "Thủ tục hành chính"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính"),
    ("dau-tu", "Tiềm năng - Đầu tư"),
    ("tin-tham-khao", "Tin tham khảo"),
    ("phan-anh-kien-nghi", "Phản ánh - Kiến nghị"),
    ("lien-he", "Liên hệ"),
]


def test_top_sections_in_order(portal):
    wanted = dict(EXPECTED_TOP)
    folders = [(i, portal[i].Title()) for i in portal.objectIds() if i in wanted]
    assert folders == EXPECTED_TOP


@pytest.mark.parametrize(
    "path",
    [
        "tin-tuc/kinh-te",
        "tin-tuc/van-hoa-xa-hoi",
        "tin-tuc/quoc-phong-an-ninh",
        "tin-tuc/chi-dao-dieu-hanh",
        "phan-anh-kien-nghi/hoi-dap",
        "gioi-thieu/co-cau-to-chuc",
    ],
)
def test_sub_sections(portal, path):
    assert portal.unrestrictedTraverse(path).portal_type == "Folder"


def test_every_section_published_and_visible_to_anonymous(portal):
    for path, _section in walk():
        folder = portal.unrestrictedTraverse("/".join(path))
        assert api.content.get_state(folder) == "published", path
        roles = folder.rolesOfPermission("View")
        assert any(r["name"] == "Anonymous" and r["selected"] for r in roles), path


def test_titles_are_nfc_vietnamese(portal):
    for path, section in walk():
        folder = portal.unrestrictedTraverse("/".join(path))
        assert folder.Title() == section.title
        assert unicodedata.is_normalized("NFC", folder.Title())
        assert folder.Language() == section.language
        assert all(c.isascii() for c in section.id)


def test_create_structure_is_idempotent_and_keeps_edits(portal, manager):
    portal["tin-tuc"].title = "Tin tức (đã sửa)"
    assert create_structure(portal) == []
    assert portal["tin-tuc"].title == "Tin tức (đã sửa)"


def test_create_structure_restores_a_missing_section(portal, manager):
    api.content.delete(portal["lien-he"], check_linkintegrity=False)
    assert create_structure(portal) == ["lien-he"]
    assert portal["lien-he"].Title() == "Liên hệ"


def test_each_section_cites_an_article():
    assert all(section.article for _path, section in walk(SECTIONS))


def test_administrators_guide_lists_every_section():
    from pathlib import Path

    guide = Path(__file__).resolve().parents[2] / "docs" / "administrators.md"
    text = guide.read_text(encoding="utf-8")
    for path, section in walk():
        assert f"| `/{'/'.join(path)}` | {section.title} |" in text, path
