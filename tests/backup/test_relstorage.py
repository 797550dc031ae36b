"""Backups that restore, RelStorage on a real PostgreSQL (pg_dump / pg_restore)."""

import json

import pytest

from dakto.instance.backup import open_relstorage
from tests.backup import scenario
from tests.servers import base_env
from tests.servers import free_port


pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def instance(postgres, tmp_path_factory):
    root = tmp_path_factory.mktemp("rs-backup")
    dsn = postgres.createdb("dakto_backup")
    env = base_env(
        root / "var", free_port(), DAKTO_DEMO="0", DAKTO_STORAGE="relstorage", DAKTO_PG_DSN=dsn
    )
    return env, root, dsn


def state(dsn, root):
    db = open_relstorage(dsn, root / "read-cache")
    try:
        return scenario.read_state(db)
    finally:
        db.close()


def test_backup_change_restore_round_trip(instance):
    env, root, dsn = instance
    server = scenario.start(env)
    try:
        scenario.build_first_state(server)
        first, kind = scenario.backup_name(scenario.dakto(env, "backup"))
        assert kind == "full"
        assert (root / "var" / "backups" / first / "database.dump").stat().st_size > 0
        scenario.change_to_second_state(server)
        second, _ = scenario.backup_name(scenario.dakto(env, "backup"))
        scenario.change_after_last_backup(server)

        # The Zope process holds connections to the database: refused.
        refused = scenario.restore(env, first)
        scenario.one_line_error(refused, "Restore refused", "connection")
        assert scenario.rest(server, f"{scenario.FOLDER}/sau-sao-luu")["title"]
    finally:
        server.stop()

    result = scenario.restore(env)
    assert result.returncode == 0, result.stderr
    assert second in result.stdout
    files, catalogued = state(dsn, root)
    assert files == scenario.STATE_SECOND
    assert catalogued == sorted(scenario.STATE_SECOND)

    result = scenario.restore(env, first)
    assert result.returncode == 0, result.stderr
    files, catalogued = state(dsn, root)
    assert files == scenario.STATE_FIRST
    assert catalogued == sorted(scenario.STATE_FIRST)


def test_verify_uses_a_scratch_database(instance, postgres):
    env, _, _ = instance
    result = scenario.dakto(env, "backup", "--verify")
    assert result.returncode == 0, result.stderr
    assert "is good" in result.stdout and "site 'dakto' found" in result.stdout
    # The scratch database is gone again.
    listing = postgres._run(
        "psql",
        "-h",
        "127.0.0.1",
        "-p",
        str(postgres.port),
        "-U",
        "dakto",
        "-At",
        "-d",
        "postgres",
        "-c",
        "SELECT datname FROM pg_database",
    ).stdout.split()
    assert not [name for name in listing if name.startswith("dakto_verify")]


def test_damaged_dump_refused_and_retention(instance):
    env, root, dsn = instance
    before = state(dsn, root)
    folder = root / "var" / "backups"
    names = sorted(p.name for p in folder.iterdir())
    dump = folder / names[-1] / "database.dump"
    data = bytearray(dump.read_bytes())
    data[-100] ^= 0xFF
    dump.write_bytes(bytes(data))
    scenario.one_line_error(scenario.restore(env), "checksum", "database.dump")
    scenario.one_line_error(scenario.dakto(env, "backup", "--verify"), "checksum")
    assert state(dsn, root) == before

    # Every RelStorage backup is a full one; keep the last two.
    env = dict(env, DAKTO_BACKUP_KEEP="2")
    third, kind = scenario.backup_name(scenario.dakto(env, "backup"))
    assert kind == "full"
    assert sorted(p.name for p in folder.iterdir()) == [names[-1], third]
    manifest = json.loads((folder / third / "backup.json").read_text())
    assert manifest["storage"] == "relstorage"
