"""Workflow states and transitions read in Vietnamese: Plone translates their
titles in its own domain, which has no entry for ours (locales/vi/.../plone.po)."""

from xml.etree import ElementTree

import pytest
from zope.i18n import translate

from tests.i18n.test_catalog import POLICY


WORKFLOWS = sorted((POLICY / "profiles" / "default" / "workflows").glob("*/definition.xml"))


def titles(path):
    root = ElementTree.parse(path).getroot()
    found = {root.get("title")}
    for element in root.iter():
        if element.tag in ("state", "transition") and element.get("title"):
            found.add(element.get("title"))
    return sorted(found)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.parent.name)
def test_every_workflow_title_reads_in_vietnamese(portal, path):
    untranslated = [
        title
        for title in titles(path)
        if translate(title, domain="plone", target_language="vi") == title
    ]
    assert untranslated == []


def test_the_menu_says_waiting_for_review_in_vietnamese(portal):
    assert translate("Waiting for review", domain="plone", target_language="vi") == "Chờ kiểm duyệt"
