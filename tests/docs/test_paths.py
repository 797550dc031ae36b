"""Every file or folder of the code that README.md or docs/*.md names in
`backticks` exists, so that a renamed module cannot leave the docs behind.
Paths are looked up from the repository root and from each package
(``dakto/policy/…``, ``workflow/names.py`` in the policy, ``wsgi.py`` in the
deployment tool…); folders made at run time are listed in RUNTIME."""

import re
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parents[2]
FILES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BASES = [
    REPO,
    REPO / "src",
    REPO / "src" / "dakto.policy" / "src",
    REPO / "src" / "dakto.policy" / "src" / "dakto" / "policy",
    REPO / "src" / "dakto.policy" / "src" / "dakto" / "policy" / "profiles" / "default",
    REPO / "src" / "dakto.instance" / "src" / "dakto" / "instance",
    REPO / "src" / "dakto.theme" / "src" / "dakto" / "theme",
    REPO / "instance",
    REPO / "tests",
    REPO / "tests" / "security",
    REPO / "docs",
]
# Made when the portal runs or the tests and benchmarks write their results.
RUNTIME = {
    "etc/",
    "log/",
    "filestorage/",
    "blobstorage/",
    "instance/var/",
    "instance/var/etc/",
    "var/",
    "var/screenshots/",
    "bench/results/",
    "node_modules/",
}
PATH = re.compile(r"\.(py|zcml|xml|pt|sh|vcl|cfg|toml|js|css|csv|json|in|md)$|/$")


def named_paths(text):
    for token in set(re.findall(r"`([^`\s]+)`", text)):
        token = token.split(":")[0]
        # URLs of resources (++theme++…, ++plone++…) and patterns are not files
        if "/" not in token or not PATH.search(token) or re.search(r"[*<>{}=?|$@+]|^/|//", token):
            continue
        yield token


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_named_files_exist(path):
    missing = sorted(
        token
        for token in named_paths(path.read_text(encoding="utf-8"))
        if token not in RUNTIME and not any((base / token).exists() for base in BASES)
    )
    assert missing == []


def test_a_missing_file_is_found():
    text = "see `workflow/gone.py`, `http://x/y.py` and `++theme++dakto/js/dakto.js`"
    assert list(named_paths(text)) == ["workflow/gone.py"]
