"""Backups that restore, FileStorage + blobs (repozo, full and incremental)."""

import json
import subprocess

import pytest

from dakto.instance.backup import open_filestorage
from tests.backup import scenario
from tests.servers import REPO
from tests.servers import base_env
from tests.servers import free_port


pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    root = tmp_path_factory.mktemp("fs-backup")
    env = base_env(root / "var", free_port(), DAKTO_DEMO="0")
    return env, root


def state(env):
    from pathlib import Path

    db = open_filestorage(Path(env["DAKTO_VAR"]))
    try:
        return scenario.read_state(db)
    finally:
        db.close()


def test_backup_change_restore_round_trip(instance):
    env, root = instance
    server = scenario.start(env)
    try:
        scenario.build_first_state(server)
        first, kind = scenario.backup_name(scenario.dakto(env, "backup"))
        assert kind == "full"
        scenario.change_to_second_state(server)
        second, kind = scenario.backup_name(scenario.dakto(env, "backup"))
        assert kind == "incr"  # repozo's incremental on top of the full
        scenario.change_after_last_backup(server)

        # The instance runs: its Data.fs is locked, nothing is touched.
        refused = scenario.restore(env, first)
        scenario.one_line_error(refused, "Restore refused", "running")
        assert scenario.rest(server, f"{scenario.FOLDER}/sau-sao-luu")["title"]
    finally:
        server.stop()

    # The latest backup (the incremental) gives the state of the second backup.
    result = scenario.restore(env)
    assert result.returncode == 0, result.stderr
    assert second in result.stdout
    files, catalogued = state(env)
    assert files == scenario.STATE_SECOND
    assert catalogued == sorted(scenario.STATE_SECOND)

    # The full backup gives the first state: edit undone, deleted file back
    # with its bytes, the added pages gone.
    result = scenario.restore(env, first)
    assert result.returncode == 0, result.stderr
    files, catalogued = state(env)
    assert files == scenario.STATE_FIRST
    assert catalogued == sorted(scenario.STATE_FIRST)
    # The data it replaced is kept aside until the next restore.
    assert (root / "var" / "before-restore" / "filestorage" / "Data.fs").is_file()

    # The restored instance serves the restored site.
    server = scenario.start(env)
    try:
        answer = scenario.rest(server, f"{scenario.FOLDER}/quyet-dinh")
        assert answer["title"] == "Quyết định thành lập"
        assert answer["file"]["size"] == len(scenario.BYTES_DECISION)
    finally:
        server.stop()


def test_verify_restores_into_a_scratch_instance(instance):
    env, _ = instance
    result = scenario.dakto(env, "backup", "--verify")
    assert result.returncode == 0, result.stderr
    assert "is good" in result.stdout and "site 'dakto' found" in result.stdout
    assert " 0 blobs read" not in result.stdout


def test_make_restore_without_terminal_asks_for_confirm(instance):
    env, _ = instance
    result = subprocess.run(
        ["make", "-s", "restore"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode != 0
    assert "CONFIRM=yes" in result.stderr


def test_bad_input_is_refused_and_nothing_overwritten(instance):
    env, root = instance
    before = (root / "var" / "filestorage" / "Data.fs").read_bytes()
    listing = scenario.dakto(env, "backup", "--list").stdout.split("\n")
    names = [line.split()[0] for line in listing if line.strip()]
    latest = root / "var" / "backups" / names[-1]

    scenario.one_line_error(scenario.restore(env, "20990101T000000Z-full"), "no backup called")
    scenario.one_line_error(scenario.restore(env, "../etc"), "no backup called")
    # No terminal and no --yes / CONFIRM=yes: refused.
    scenario.one_line_error(scenario.restore(env, yes=False), "CONFIRM=yes")

    # A damaged file: the checksum check stops the restore and the verify.
    repozo_file = next((latest / "repozo").glob("*.deltafsz"))
    data = bytearray(repozo_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    repozo_file.write_bytes(bytes(data))
    scenario.one_line_error(scenario.restore(env), "checksum", repozo_file.name)
    scenario.one_line_error(scenario.dakto(env, "backup", "--verify"), "checksum")
    # A missing blob copy too.
    blob = next((root / "var" / "backups" / names[0] / "blobstorage").rglob("*.blob"))
    blob.unlink()
    scenario.one_line_error(scenario.restore(env, names[0]), "missing")
    assert (root / "var" / "filestorage" / "Data.fs").read_bytes() == before

    # A missing backup folder.
    missing = base_env(root / "var", free_port(), DAKTO_BACKUP_DIR=str(root / "nowhere"))
    scenario.one_line_error(scenario.restore(missing), "no backup")


def test_retention_keeps_the_last_full_backups(instance):
    env, root = instance
    env = dict(env, DAKTO_BACKUP_KEEP="2")
    folder = root / "var" / "backups"
    before = sorted(p.name for p in folder.iterdir())
    assert [n.endswith("-full") for n in before] == [True, False]
    third, _ = scenario.backup_name(scenario.dakto(env, "backup", "--full"))
    assert sorted(p.name for p in folder.iterdir()) == before + [third]
    result = scenario.dakto(env, "backup", "--full")
    fourth, kind = scenario.backup_name(result)
    assert kind == "full"
    # Two full backups kept; the oldest full went with its incremental.
    assert sorted(p.name for p in folder.iterdir()) == [third, fourth]
    assert before[0] in result.stdout and before[1] in result.stdout
    manifest = json.loads((folder / fourth / "backup.json").read_text())
    assert manifest["storage"] == "filestorage" and manifest["kind"] == "full"
