"""Features register themselves: the install steps, the demo's parts, the
report's sections and the unique fields are declared by each feature, and the
modules that go through them name no feature."""

import ast
from pathlib import Path

import pytest
from zope.component import getGlobalSiteManager
from zope.interface import Interface

from dakto.policy.interfaces import IDemoContent
from dakto.policy.interfaces import IFeatureSetup
from dakto.policy.interfaces import IReportSection
from dakto.policy.registrations import FeatureSetup
from dakto.policy.registrations import OrderError
from dakto.policy.registrations import ordered


PACKAGE = Path(__import__("dakto.policy").policy.__file__).parent

# The sub-packages that are features (each with its own ZCML); the demo and
# the upgrade steps are not.
FEATURES = sorted(
    p.name
    for p in PACKAGE.iterdir()
    if p.is_dir() and (p / "configure.zcml").exists() and p.name not in ("demo", "upgrades")
)

# The modules that go through the registrations: they must not name a feature.
CENTRAL = (
    "setuphandlers.py",
    "copies.py",
    "registrations.py",
    "reports/model.py",
    "demo/setup.py",
    "demo/content.py",
    "demo/public_information.py",
)

EXPECTED_SETUPS = [
    "caching",
    "editing",
    "identity",
    "platform",
    "structure",
    "accessibility",
    "feedback",
    "forms",
    "homepage",
    "personal_data",
    "vietnamese",
    "workflow",
    "editorial_board",
    "security",
]
EXPECTED_DEMO = [
    "consultation",
    "dossier",
    "feedback",
    "legal_documents",
    "news",
    "editorial_board",
    "homepage",
    "organisation",
    "pages",
    "procedures",
    "promotion",
]
EXPECTED_REPORT = [
    "editorial_board",
    "feedback",
    "access_to_information",
    "consultation",
    "legal_documents",
    "promotion",
    "usage",
    "proposals",
]


def names(interface):
    return [name for name, _item in ordered(interface)]


def test_feature_setups_in_order(portal):
    assert names(IFeatureSetup) == EXPECTED_SETUPS


@pytest.mark.parametrize(
    "first, then",
    [
        ("structure", "personal_data"),
        ("identity", "personal_data"),
        ("structure", "forms"),
        ("structure", "feedback"),
        ("personal_data", "workflow"),
        ("forms", "workflow"),
        ("workflow", "editorial_board"),
        ("workflow", "security"),
    ],
)
def test_setup_dependencies_kept(portal, first, then):
    order = names(IFeatureSetup)
    assert order.index(first) < order.index(then)


def test_demo_parts_in_order(portal):
    order = names(IDemoContent)
    assert order == EXPECTED_DEMO
    assert order.index("legal_documents") < order.index("procedures")
    assert order.index("news") < order.index("editorial_board")


def test_report_parts_in_order(portal):
    assert names(IReportSection) == EXPECTED_REPORT


def test_unique_fields_declared_by_the_schemas():
    from dakto.policy.interfaces import UNIQUE_FIELD
    from dakto.policy.legal_documents.content import ILegalDocument
    from dakto.policy.procedures.content import IProcedure

    assert IProcedure.queryDirectTaggedValue(UNIQUE_FIELD) == "procedure_code"
    assert ILegalDocument.queryDirectTaggedValue(UNIQUE_FIELD) == "document_number"


def test_unique_fields_of_a_pasted_item(portal, manager):
    from plone import api

    from dakto.policy.copies import unique_fields

    folder = api.content.create(container=portal, type="Folder", id="uf")
    document = api.content.create(container=folder, type="Document", id="doc")
    assert unique_fields(document) == []


class IProbe(Interface):
    pass


def test_order_follows_after_then_names():
    gsm = getGlobalSiteManager()
    probes = {
        "b": FeatureSetup(print, after=("c",)),
        "a": FeatureSetup(print, after=("b", "absent")),
        "c": FeatureSetup(print),
        "d": FeatureSetup(print),
    }
    for name, item in probes.items():
        gsm.registerUtility(item, IProbe, name)
    try:
        assert [name for name, _item in ordered(IProbe)] == ["c", "b", "a", "d"]
        gsm.registerUtility(FeatureSetup(print, after=("a",)), IProbe, "c")
        with pytest.raises(OrderError):
            ordered(IProbe)
    finally:
        for name in probes:
            gsm.unregisterUtility(provided=IProbe, name=name)


# --- no central module names a feature ---------------------------------------


def _imported_modules(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _strings(path):
    tree = ast.parse(path.read_text())
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


@pytest.mark.parametrize("module", CENTRAL)
def test_central_module_imports_no_feature(module):
    path = PACKAGE / module
    named = [
        imported
        for imported in _imported_modules(path)
        for feature in FEATURES
        if imported.startswith(f"dakto.policy.{feature}")
    ]
    assert named == [], f"{module} imports features: {named}"


@pytest.mark.parametrize("module", CENTRAL)
def test_central_module_names_no_feature_in_strings(module):
    path = PACKAGE / module
    found = [
        text
        for text in _strings(path)
        for feature in FEATURES
        if text == feature or f"dakto.policy.{feature}" in text
    ]
    assert found == [], f"{module} names features: {found}"


def test_features_known():
    """The test's list of features is the package's (a new one is seen)."""
    assert {"news", "feedback", "security", "structure", "editorial_board"} <= set(FEATURES)
