"""A chain of FileStorage backups restores its latest state, however fast it is made.

repozo names its files by the second, and ``repozo --recover`` takes the
newest full backup and the incrementals after it *by name*: an incremental
written in the same second as its full backup sorts before it
(``.deltafsz`` < ``.fsz``) and was silently left out of the restore. No
server here: the Data.fs is written directly, so the backups follow each
other within the same second.
"""

import transaction

from dakto.instance import backup
from dakto.instance import settings as instance_settings
from tests.servers import REPO
from tests.servers import free_port


def write(var, value):
    (var / "filestorage").mkdir(parents=True, exist_ok=True)
    (var / "blobstorage").mkdir(exist_ok=True)
    db = backup.open_filestorage(var, read_only=False)
    try:
        connection = db.open()
        connection.root()["value"] = value
        transaction.commit()
        connection.close()
    finally:
        db.close()


def read(var):
    db = backup.open_filestorage(var)
    try:
        connection = db.open()
        try:
            return connection.root()["value"]
        finally:
            connection.close()
    finally:
        db.close()


def test_backups_in_quick_succession_restore_the_latest_state(tmp_path):
    settings = instance_settings.load(
        {
            "DAKTO_INSTANCE": str(REPO / "instance"),
            "DAKTO_VAR": str(tmp_path / "var"),
            "DAKTO_PORT": str(free_port()),
        }
    )
    var = settings.var
    write(var, "first")
    sets = [backup.backup(settings)]
    for value in ("second", "third"):
        write(var, value)
        sets.append(backup.backup(settings))
    assert [s.kind for s in sets] == [backup.FULL, backup.INCREMENTAL, backup.INCREMENTAL]
    write(var, "after the last backup")

    backup.restore(settings, sets[-1])
    assert read(var) == "third"
    backup.restore(settings, sets[1])
    assert read(var) == "second"
    backup.restore(settings, sets[0])
    assert read(var) == "first"
