"""The portal's permissions are defined once (issue 14.3): their titles in
``dakto.policy.permissions``, their ZCML ids in ``permissions.zcml``; every
other Python or ZCML file refers to those."""

import ast
import pathlib
from xml.etree import ElementTree

import dakto.policy
from dakto.policy import permissions


PACKAGE = pathlib.Path(dakto.policy.__file__).parent
ZCML_NS = "{http://namespaces.zope.org/zope}"
DECLARED = ElementTree.parse(PACKAGE / "permissions.zcml").getroot()
IDS = {node.get("id"): node.get("title") for node in DECLARED.iter(f"{ZCML_NS}permission")}
SOURCES = [PACKAGE, PACKAGE.parents[3] / "dakto.theme" / "src"]


def module_permissions():
    """{title: id} from the module's NAME / NAME_ID pairs."""
    names = {name: value for name, value in vars(permissions).items() if name.isupper()}
    return {value: names[f"{name}_ID"] for name, value in names.items() if f"{name}_ID" in names}


def test_the_module_and_the_zcml_agree():
    assert len(IDS) == 8
    assert {title: pid for pid, title in IDS.items()} == module_permissions()


def test_the_portal_uses_its_permissions(portal):
    from zope.component import getUtility
    from zope.security.interfaces import IPermission

    for pid, title in IDS.items():
        assert getUtility(IPermission, name=pid).title == title
    roles = {p["name"] for p in portal.permission_settings()}
    assert set(IDS.values()) <= roles


def files(pattern):
    for root in SOURCES:
        yield from root.rglob(pattern)


def test_no_title_spelled_elsewhere_in_python():
    titles = set(IDS.values())
    found = []
    for path in files("*.py"):
        if path == pathlib.Path(permissions.__file__):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in titles | set(IDS):
                found.append(f"{path.relative_to(PACKAGE.parents[3])}:{node.lineno}")
    assert found == [], "use dakto.policy.permissions"


def test_zcml_declares_none_elsewhere_and_uses_declared_ids():
    found = []
    for path in files("*.zcml"):
        if path == PACKAGE / "permissions.zcml":
            continue
        root = ElementTree.parse(path).getroot()
        for node in root.iter():
            where = f"{path.relative_to(PACKAGE.parents[3])}: {node.tag}"
            if node.tag == f"{ZCML_NS}permission":
                found.append(f"{where} declares {node.get('id')}")
            for name, value in node.attrib.items():
                if value.startswith("dakto.policy: "):
                    found.append(f"{where} {name}={value}")
                if name == "permission" and value.startswith("dakto.") and value not in IDS:
                    found.append(f"{where} unknown permission {value}")
    assert found == []
