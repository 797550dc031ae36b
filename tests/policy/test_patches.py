"""Monkey patches (issue 14.5): importing the portal's modules patches
nothing; loading ``patches.zcml`` applies every patch, once. In a fresh
Python process: the test process has the layers' ZCML loaded."""

import json
import subprocess
import sys
import textwrap
from xml.etree import ElementTree

from dakto.policy import patches


ZCML = patches.__file__.replace(".py", ".zcml")
MONKEY = "{http://namespaces.plone.org/monkey}patch"

SCRIPT = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys
    import dakto.policy

    targets = json.loads(sys.argv[1])

    def scope_of(dotted):
        module, _, name = dotted.rpartition(".")
        try:
            return importlib.import_module(dotted)
        except ImportError:
            return getattr(importlib.import_module(module), name)

    def current():
        return {f"{s}.{a}": getattr(scope_of(s), a) for s, a in targets}

    before = current()
    skipped = ("dakto.policy.testing", "dakto.policy.upgrades")
    for info in pkgutil.walk_packages(dakto.policy.__path__, "dakto.policy."):
        if not info.name.startswith(skipped):
            importlib.import_module(info.name)
    after_import = current()

    from zope.configuration import xmlconfig
    import Products.Five
    xmlconfig.string('''
      <configure xmlns="http://namespaces.zope.org/zope">
        <include package="zope.component" file="meta.zcml" />
        <include package="dakto.policy" file="patches.zcml" />
      </configure>''')
    after_zcml = current()
    xmlconfig.string('''
      <configure xmlns="http://namespaces.zope.org/zope">
        <include package="zope.component" file="meta.zcml" />
        <include package="dakto.policy" file="patches.zcml" />
      </configure>''')
    again = current()
    print(json.dumps({
        "changed_by_import": [k for k in before if before[k] is not after_import[k]],
        "patched_by_zcml": [k for k in before if after_zcml[k] is not before[k]
                            and getattr(after_zcml[k], "dakto_patch", False)],
        "changed_by_second_load": [k for k in before if again[k] is not after_zcml[k]],
    }))
    """
)


def zcml_targets():
    tree = ElementTree.parse(ZCML)
    return [
        (element.get("class") or element.get("module"), element.get("original"))
        for element in tree.getroot().iter(MONKEY)
    ]


def test_every_patch_is_in_patches_zcml():
    targets = zcml_targets()
    assert len(targets) == 8, targets
    tree = ElementTree.parse(ZCML)
    for element in tree.getroot().iter(MONKEY):
        assert element.get("replacement").startswith(".patches."), element.attrib
        assert element.get("handler") == ".patches.wrap", element.attrib


def test_import_patches_nothing_zcml_patches_once():
    targets = zcml_targets()
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(targets)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["changed_by_import"] == []
    assert sorted(found["patched_by_zcml"]) == sorted(f"{s}.{a}" for s, a in targets)
    assert found["changed_by_second_load"] == []
