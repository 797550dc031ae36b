"""The add-on and the deployment tool: the add-on (src/dakto.policy) never
imports the deployment tool (dakto.instance) and reads no environment
variable at run time; its runtime settings come from zope.conf's
``<product-config dakto.policy>`` (dakto.policy.product_config)."""

import ast
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parent.parent.parent
POLICY = REPO / "src" / "dakto.policy" / "src"
#: The only environment reads allowed in the add-on, and why.
ENVIRONMENT_ALLOWED = {
    "dakto/policy/commands.py": "DAKTO_LANG, the language of the `dakto` command's messages,"
    " read in that command's own process (t() runs before Zope is configured), never in a"
    " Zope server",
}


def python_files():
    return sorted(p for p in POLICY.rglob("*.py") if ".egg-info" not in str(p))


def relative(path):
    return path.relative_to(POLICY).as_posix()


def imported_modules(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and getattr(node.func, "id", getattr(node.func, "attr", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            yield str(node.args[0].value)


ENVIRONMENT_NAMES = ("environ", "environb", "getenv", "getenvb", "putenv", "unsetenv")


def environment_reads(tree):
    """(line, what) of every use of ``os.environ``, ``os.getenv`` & co (also
    through ``import os as …`` or ``from os import environ``); a WSGI
    ``request.environ`` is not one."""
    modules = {"os"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.asname or a.name for a in node.names if a.name == "os"}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in ENVIRONMENT_NAMES
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            yield node.lineno, ast.unparse(node)
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            for alias in node.names:
                if alias.name in ENVIRONMENT_NAMES:
                    yield node.lineno, f"from os import {alias.name}"


def test_the_scan_sees_the_whole_add_on():
    files = {relative(p) for p in python_files()}
    assert "dakto/policy/shared_tables.py" in files and len(files) > 100


def test_the_add_on_never_imports_the_deployment_tool():
    offenders = [
        f"{relative(path)}: {module}"
        for path in python_files()
        for module in imported_modules(ast.parse(path.read_text(encoding="utf-8")))
        if module == "dakto.instance" or module.startswith("dakto.instance.")
    ]
    assert offenders == [], "dakto.policy imports dakto.instance (the reverse only):\n" + "\n".join(
        offenders
    )


def test_the_add_on_reads_no_environment_variable():
    offenders = []
    for path in python_files():
        if relative(path) in ENVIRONMENT_ALLOWED:
            continue
        reads = environment_reads(ast.parse(path.read_text(encoding="utf-8")))
        offenders += [f"{relative(path)}:{line}: {what}" for line, what in reads]
    assert offenders == [], (
        "environment read inside dakto.policy (use dakto.policy.product_config):\n"
        + "\n".join(offenders)
    )


@pytest.mark.parametrize(
    "source,expected",
    [
        ("import os\nos.environ.get('X')", True),
        ("import os\nos.getenv('X')", True),
        ("from os import environ", True),
        ("from os import getenv\ngetenv('X')", True),
        ("import os as o\no.environ['X']", True),
        ("import os\nos.path.join('a')", False),
        ("def f(request):\n    return request.environ['X']", False),
        ("def f(environ):\n    return environ['X']", False),
    ],
)
def test_the_environment_scan_finds_reads(source, expected):
    assert bool(list(environment_reads(ast.parse(source)))) is expected


@pytest.mark.parametrize(
    "source,expected",
    [
        ("from dakto.instance.site import open_app", True),
        ("import dakto.instance.cli", True),
        ("from dakto import instance", True),
        ("import importlib\nimportlib.import_module('dakto.instance.settings')", True),
        ("from dakto.policy import commands", False),
    ],
)
def test_the_import_scan_finds_imports(source, expected):
    found = [
        m
        for m in imported_modules(ast.parse(source))
        if m == "dakto.instance" or m.startswith("dakto.instance.")
    ]
    assert bool(found) is expected
