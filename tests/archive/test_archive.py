"""Archival export of the published content and its import into a fresh site."""

import json
import subprocess
import sys

import pytest

from tests.servers import REPO
from tests.servers import base_env
from tests.servers import free_port
from tests.servers import run_dakto


pytestmark = pytest.mark.server

SCRIPT = REPO / "tests" / "archive" / "site_state.py"
# Set by the importer, not part of what was published.
VOLATILE = {"plone.app.dexterity.behaviors.metadata.IOwnership.creators"}


def site_state(env, mode, out):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), mode, str(out)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    source_env = base_env(root / "source", free_port())
    source = site_state(source_env, "prepare", root / "source.json")
    export = root / "export"
    exported = run_dakto(source_env, "export", str(export))
    assert exported.returncode == 0, exported.stderr
    target_env = base_env(root / "target", free_port(), DAKTO_DEMO="0")
    imported = run_dakto(target_env, "import", str(export))
    assert imported.returncode == 0, imported.stderr
    target = site_state(target_env, "dump", root / "target.json")
    return {
        "root": root,
        "source": source,
        "target": target,
        "export": export,
        "exported": exported,
        "source_env": source_env,
        "target_env": target_env,
    }


def empty_as_none(value):
    """No value, however a field spells it (None, '', [], {})."""
    return None if value in (None, "", [], {}) else value


def published(state):
    return {path: item for path, item in state.items() if item["anonymous_view"]}


def test_every_published_item_arrives_with_its_metadata_and_files(round_trip):
    source, target = round_trip["source"], round_trip["target"]
    expected = published(source)
    assert len(expected) > 50
    types = {item["type"] for item in expected.values()}
    assert {"LegalDocument", "Procedure", "News Item", "Person", "DraftDocument", "File"} <= types
    files = 0
    for path, item in expected.items():
        assert path in target, path
        got = target[path]
        assert (got["type"], got["UID"]) == (item["type"], item["UID"]), path
        # Items with a workflow arrive published; files and images follow their folder.
        assert got["review_state"] == item["review_state"], path
        assert got["review_state"] in ("published", None), path
        # Published means readable by anyone, as on the source site.
        assert got["anonymous_view"] == item["anonymous_view"], path
        for name, field in item["fields"].items():
            if name in VOLATILE:
                continue
            if name.endswith(".language") and not field:
                continue  # no language of its own: the new site gives its default
            assert empty_as_none(got["fields"].get(name)) == empty_as_none(field), (path, name)
            files += isinstance(field, dict) and "sha256" in field
    assert files >= 10  # the legal documents' files, byte for byte


def test_unpublished_content_is_not_exported(round_trip):
    source, target, export = round_trip["source"], round_trip["target"], round_trip["export"]
    private = {path for path, item in source.items() if not item["anonymous_view"]}
    assert "gioi-thieu/ban-nhap-noi-bo" in private
    assert any(source[path]["type"] == "LegalDocument" for path in private)
    # A fresh site has its own private folders (the intake register): same
    # path, another UID. Nothing private came over from the source.
    assert not {p for p in private & set(target) if target[p]["UID"] == source[p]["UID"]}
    # Not even in the files of the export.
    uids = {source[path]["UID"] for path in private}
    assert not uids & {p.name for p in (export / "content").iterdir()}


def test_export_is_described_and_checksummed(round_trip):
    export, source = round_trip["export"], round_trip["source"]
    info = json.loads((export / "archive.json").read_text(encoding="utf-8"))
    assert info["format"] == "dakto-archive/1"
    assert info["items"] == len(published(source))
    assert str(info["items"]) in round_trip["exported"].stdout
    sums = (export / "SHA256SUMS").read_text().splitlines()
    assert any(line.endswith("content/__metadata__.json") for line in sums)
    assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=export).returncode == 0


def one_line_error(result, *words):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_bad_input(round_trip):
    root, export = round_trip["root"], round_trip["export"]
    env = base_env(root / "other", free_port(), DAKTO_DEMO="0")
    # Export into a folder that is not empty.
    one_line_error(
        run_dakto(round_trip["source_env"], "export", str(export)), "not an empty folder"
    )
    # Import of something that is not an export.
    one_line_error(run_dakto(env, "import", str(root)), "not an archival export")
    # A damaged export: the checksum stops the import before the site is touched.
    damaged = root / "damaged"
    subprocess.run(["cp", "-a", str(export), str(damaged)], check=True)
    data_file = next((damaged / "content").glob("*/data.json"))
    data_file.write_text(data_file.read_text().replace('"title"', '"titel"', 1))
    one_line_error(run_dakto(env, "import", str(damaged)), "checksum")
    assert not (root / "other").exists()
